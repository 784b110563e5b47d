"""What a sentence counts, against what a question names: the page's own sentence and thesaurus."""

from __future__ import annotations

import pytest

from bot.chat.counted import CountedThings
from corpus import Corpus
from corpus.thesaurus_tables import load_thesaurus

# "Nio arbetsgrupper … kommuninvånarnas åsikter … inom nio olika områden"
GROUPS = "vision-mal-och-varumarke/hur-gjorde-vi#3"


@pytest.fixture(scope="module")
def counted(corpus: Corpus) -> CountedThings:
    from bot.config import Settings

    return CountedThings(corpus, load_thesaurus(Settings().thesaurus_dir).by_lang)


def test_the_sentence_of_the_working_groups_is_the_one_that_counts(corpus: Corpus) -> None:
    sentence = next(s for c in corpus.chunks() for s in c.sentences if s.id == GROUPS)
    assert sentence.text.startswith("Nio arbetsgrupper")


@pytest.mark.parametrize(
    "named",
    [
        ["residents"],  # how many residents took part?
        ["kuntalaista", "osallistui"],  # kuinka monta kuntalaista osallistui?
        ["opinions"],
    ],
)
def test_a_count_of_what_the_sentence_mentions_is_another_count(counted: CountedThings, named: list[str]) -> None:
    assert counted.counts_another([GROUPS], named)


@pytest.mark.parametrize(
    "named",
    [
        ["working", "groups", "residents"],  # it counts the groups, whatever else is named
        ["areas"],
        ["tyoryhmaa"],  # folded Finnish "työryhmää"
        ["ጉጅለታት"],  # Tigrinya groups
        ["mayor"],  # nothing the sentence says: no other count is known to be asked
        [],
    ],
)
def test_a_count_of_what_it_counts_or_of_nothing_it_says_is_not(counted: CountedThings, named: list[str]) -> None:
    assert not counted.counts_another([GROUPS], named)


def test_a_sentence_stating_no_count_counts_nothing(counted: CountedThings) -> None:
    assert not counted.counts_another(["vision-mal-och-varumarke/hur-gjorde-vi#2"], ["residents"])


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        (["new", "apartments", "built"], True),  # how many new apartments are built? housing, counted nowhere
        (["working", "groups"], False),  # what the sentence counts
        (["areas"], False),
        (["tyaryhmaa", "mukana"], False),  # spoken Meänkieli, words the page does not know: nothing known named
        ([], False),
    ],
)
def test_a_count_of_what_no_sentence_counts(counted: CountedThings, named: list[str], expected: bool) -> None:
    known = {"new", "apartments", "built", "working", "groups", "areas"}
    assert counted.counts_none_of(named, known.__contains__) is expected


def test_the_groups_the_page_counts_are_named_in_other_languages(counted: CountedThings) -> None:
    assert counted.names_the_counted(["arbeitsgruppen"])
    assert counted.names_the_counted(["who", "sat", "working", "groups"])
    assert not counted.names_the_counted(["residents", "opinions"])


@pytest.mark.parametrize("verb", ["arbetade", "worked", "pracował", "працювали"])
def test_what_the_counted_groups_did_is_not_what_is_counted(counted: CountedThings, verb: str) -> None:
    # "Nio arbetsgrupper arbetade …": the number counts groups; "who worked on the vision?" names no member of them
    assert not counted.names_the_counted([verb])
    assert counted.names_the_counted(["arbetsgrupperna"])
