"""The words naming the page's owner or a quantity leave a question's lexical match, and only those words."""

from __future__ import annotations

from bot.chat.coverage import Coverage
from bot.chat.lexical_query import lexical_query, owner_words, quantity_words
from index.entries import Entry


def test_the_municipality_is_left_out_in_several_languages() -> None:
    assert lexical_query("Vad är kommunens vision?") == "vad ar vision"
    assert lexical_query("What is the municipality's vision?") == "what is the s vision"
    assert lexical_query("Mikä on kunnan visio?") == "mika on visio"
    assert lexical_query("ما هي رؤية البلدية؟") == lexical_query("ما هي رؤية")


def test_other_words_that_begin_like_it_stay() -> None:
    # the council that adopted the vision, the residents and the communications are what a question is about
    kept = "kommunfullmäktige kommuninvånarna kommunikationer"
    assert lexical_query(kept) == "kommunfullmaktige kommuninvanarna kommunikationer"


def test_the_list_is_folded_as_questions_are() -> None:
    words = owner_words()
    assert "kommunens" in words
    assert "gmine" in words  # "gminę" folded
    assert all(w == w.lower() and " " not in w for w in words)


def test_how_many_keeps_what_is_counted() -> None:
    assert lexical_query("Kuinka monta aluetta?") == "kuinka aluetta"
    assert lexical_query("Hur många arbetsgrupper?") == "hur arbetsgrupper"
    assert lexical_query("Скільки робочих груп?") == "робочих груп"
    assert "manga" in quantity_words()  # "många" folded
    assert lexical_query("mångfald") == "mangfald"  # a longer word that begins like it stays


def test_a_word_with_a_short_word_joined_to_it_is_matched_by_the_index_s_word() -> None:
    # Tigrinya "ባህሊኸ?" (and culture?) and Somali "hadafkooda" (their goal): the index has "ባህሊ" and "hadafka"
    coverage = Coverage([Entry(0, "c", None, "ti", "labelled", "ባህሊ ትምህርቲ hadafka")])
    assert lexical_query("ባህሊኸ?", coverage) == "ባህሊኸ ባህሊ"
    assert lexical_query("hadafkooda", coverage) == "hadafkooda hadafka"
    assert lexical_query("ባህሊ", coverage) == "ባህሊ"  # a word the index has as written gains nothing
