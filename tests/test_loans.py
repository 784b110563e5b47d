"""Swedish nouns borrowed into Meänkieli and Finnish, read back as the Swedish word (index/loans.py)."""

from __future__ import annotations

import pytest

from index.loans import swedish_readings


@pytest.mark.parametrize(
    ("word", "swedish"),
    [
        ("inriktninkiä", "inriktning"),  # "-ning" as "-ninki", partitive
        ("forskninkin", "forskning"),
        ("idrotti", "idrott"),  # a vowel added after a double consonant
        ("arbetsgruppia", "arbetsgrupp"),
        ("kommuuni", "kommun"),  # a long vowel before the last consonant
        ("visjuuni", "vision"),  # "-sion" as "-sjuuni"
        ("kommunikasjuunit", "kommunikation"),
        ("inriktningista", "inriktning"),  # the Swedish word kept whole, a Finnic ending on it
    ],
)
def test_a_borrowed_word_reads_as_its_swedish_word(word: str, swedish: str) -> None:
    assert swedish in swedish_readings(word)


@pytest.mark.parametrize("word", ["kirjasto", "ja", "hej", "kultur", "mikä", "missä"])
def test_words_of_no_borrowed_shape_have_no_reading(word: str) -> None:
    assert swedish_readings(word) == ()
