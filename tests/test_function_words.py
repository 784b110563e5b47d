"""What counts as a word of a question's own: function words of every language are left out,
and the words of a question's type cues are not what it is about."""

from __future__ import annotations

import pytest

from bot.chat.coverage import FUNCTION_WORDS_DIR, Coverage, function_words
from bot.chat.question_types import load_question_cues
from index.entries import Entry


@pytest.fixture(scope="module")
def coverage() -> Coverage:
    return Coverage([Entry(0, "c", None, "sv", "line", "Antagen av kommunfullmäktige 2013-05-27, § 68")])


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("Makkár oktavuođas?", ["oktavuođas"]),  # Northern Sami: "in what connection?"
        ("ኣብ ትሕቲ ኣየናይ ዓንቀጽ?", ["ዓንቀጽ"]),  # Tigrinya: "under which paragraph?"
        ("mistä mie saan lukea lissää siitä?", ["lukea", "lissaa"]),  # Meänkieli
        ("وتحت أي فقرة؟", ["فقره"]),  # Arabic "and under" joined in one word
        ("goorma ayuu bilaabmay?", ["bilaabmay"]),  # Somali
        ("Vad står det i visionen?", ["visionen"]),  # verbs of saying name nothing
        ("Kerro visiosta", ["visiosta"]),
        ("co jest napisane w wizji", ["wizji"]),
    ],
)
def test_function_words_are_no_content(coverage: Coverage, question: str, own: list[str]) -> None:
    assert coverage.content_words(question) == own


def test_every_list_is_read_and_folded() -> None:
    for path in FUNCTION_WORDS_DIR.glob("*.txt"):
        found = function_words(path)
        assert len(found) >= 10, path.name
        assert not any(w.startswith("#") or w != w.strip() for w in found)


def test_cue_words_are_the_words_a_cue_matched() -> None:
    cues = load_question_cues()
    assert "paragraf" in cues.table.cue_words("under vilken paragraf?")
    assert "bussen" not in cues.table.cue_words("när går bussen?")


def test_a_tigrinya_word_is_known_without_the_short_words_joined_to_it() -> None:
    # ን (for) … ኸ (what about): "ንባህሊኸ?" is "and for culture?"; "ንትምህርትን" (for education and) ends
    # "ትምህርት", the index's "ትምህርቲ" with another vowel in its last letter
    coverage = Coverage([Entry(0, "c", None, "ti", "labelled", "ባህሊ ትምህርቲ")])
    assert coverage("ንባህሊኸ?") == 1.0
    assert coverage("ንትምህርትን") == 1.0
    assert coverage("ንሓሙስ") == 0.0  # a word the index does not have, with or without its ን
    assert coverage("ባህ") == 0.0  # too short to be a word's bare form


def test_a_word_half_the_passages_use_is_everywhere() -> None:
    entries = [Entry(i, f"c{i}", None, "fa", "labelled", f"کمون کیرونا {topic}") for i, topic in enumerate("ابپ")]
    entries.append(Entry(3, "c3", None, "fa", "labelled", "فرهنگ"))
    coverage = Coverage(entries)
    assert coverage.everywhere("کمون")  # three passages of four
    assert not coverage.everywhere("فرهنگ")


def test_word_tables_read_per_language() -> None:
    from bot.chat.word_tables import ALL_WORDS_FILE, PAGE_WORDS_FILE, says, word_table

    assert set(word_table(ALL_WORDS_FILE)) == set(word_table(PAGE_WORDS_FILE))
    assert len(word_table(PAGE_WORDS_FILE)) == 12
    assert says("vilka är alla mål?", ALL_WORDS_FILE, ["sv"])
    assert not says("paragraafin alla", ALL_WORDS_FILE, ["fi", "fit"])  # Finnish "under"
    assert says("kuka tän sivun on tehny", PAGE_WORDS_FILE, ["fi"])


def test_a_thesaurus_word_of_one_passage_is_content_though_a_general_list_has_it() -> None:
    # stopwords-iso's English lists "groups"; the thesaurus gives it for the page's "arbetsgrupper"
    entries = [
        Entry(0, "c0", None, "en", "keywords", "working groups teams kiedy"),
        Entry(1, "c1", None, "sv", "x", "mål"),
    ]
    coverage = Coverage(entries, asking=["kiedy", "when"])
    assert "groups" in coverage.content_words("how many groups were there?")
    assert "kiedy" not in coverage.content_words("kiedy sie zaczal?")  # a question cue's word stays a function word
    assert "groups" not in Coverage(entries[1:]).content_words("how many groups were there?")


def test_a_somali_possessive_is_known_by_its_definite_form() -> None:
    # "hadafkooda" (their goal) is the page's "hadafka" (the goal) with another owner
    coverage = Coverage([Entry(0, "c", None, "so", "labelled", "hadafka guryaha")])
    assert coverage.knows("hadafkooda")
    assert coverage.knows("hadafkiisa")
    assert not coverage.knows("xafiiskooda")  # an office the page never names
