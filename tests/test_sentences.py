import pytest

from corpus.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_plain_sentences() -> None:
    assert _split("Vi är Kiruna. Våra ambitioner är höga! Hur når vi dit?") == [
        "Vi är Kiruna.",
        "Våra ambitioner är höga!",
        "Hur når vi dit?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Projektet Kiruna 2.0 startade i februari 2012.",
        "Det gäller bl.a. turism och rymd.",
        "Det gäller t.ex. Kiruna C och Jukkasjärvi.",
        "Det gäller bl a turism, rymd och gruvnäring.",
    ],
)
def test_no_break_inside_numbers_or_abbreviations(text: str) -> None:
    assert _split(text) == [text]


def test_parenthesis_before_the_full_stop_stays_in_the_sentence() -> None:
    text = "Nio grupper (se under relaterat innehåll till höger). Detta arbete resulterade i mål."
    assert _split(text) == ["Nio grupper (se under relaterat innehåll till höger).", "Detta arbete resulterade i mål."]


def test_offsets_round_trip() -> None:
    text = "Ett. Två?  Tre!"
    for a, b in split_sentences(text):
        assert text[a:b].strip() == text[a:b]
        assert text[a:b] in text
