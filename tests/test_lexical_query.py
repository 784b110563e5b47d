"""The words naming the page's owner leave a question's lexical match, and only those words."""

from __future__ import annotations

from bot.chat.owner_words import owner_words, without_owner


def test_the_municipality_is_left_out_in_several_languages() -> None:
    assert without_owner("Vad är kommunens vision?") == "vad ar vision"
    assert without_owner("What is the municipality's vision?") == "what is the s vision"
    assert without_owner("Mikä on kunnan visio?") == "mika on visio"
    assert without_owner("ما هي رؤية البلدية؟") == without_owner("ما هي رؤية")


def test_other_words_that_begin_like_it_stay() -> None:
    # the council that adopted the vision, the residents and the communications are what a question is about
    kept = "kommunfullmäktige kommuninvånarna kommunikationer"
    assert without_owner(kept) == "kommunfullmaktige kommuninvanarna kommunikationer"


def test_the_list_is_folded_as_questions_are() -> None:
    words = owner_words()
    assert "kommunens" in words
    assert "gmine" in words  # "gminę" folded
    assert all(w == w.lower() and " " not in w for w in words)
