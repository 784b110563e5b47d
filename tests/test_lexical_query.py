"""The words naming the page's owner or a quantity leave a question's lexical match, and only those words."""

from __future__ import annotations

from bot.chat.lexical_query import lexical_query, owner_words, quantity_words


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
