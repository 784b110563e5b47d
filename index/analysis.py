"""Text analysis for the lexical index: folding, words, stems and character n-grams.

Residents misspell, drop Swedish diacritics and write in a dozen languages, so matching
works on folded text, with stems from Snowball where a stemmer exists and character
n-grams that tolerate typos and inflection in languages without one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import Stemmer

# Snowball stemmers for the languages that have one (ISO 639-1 -> Snowball name).
SNOWBALL = {
    "sv": "swedish",
    "en": "english",
    "fi": "finnish",
    "de": "german",
    "ar": "arabic",
    "fa": "persian",
    "pl": "polish",
    "uk": "russian",
    "fit": "finnish",
    "no": "norwegian",
    "da": "danish",
    "ru": "russian",
    "es": "spanish",
    "fr": "french",
}
# Stemmers applied to a question whose language is not known.
QUERY_STEMMERS = ("swedish", "english", "finnish", "german", "arabic", "persian", "polish", "russian")

# A version number ("Kiruna 2.0") is one word: its "2" and "0" alone name nothing.
VERSION_PATTERN = r"\d+(?:\.\d+)+"
# How text is cut into words, here and wherever words are lined up with these (cue matching, the question's
# written words).
WORD = re.compile(rf"{VERSION_PATTERN}|\w+", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Arabic-Indic and Persian digits (and the Arabic decimal mark) are the page's digits: "۲۰۱۲" is 2012, "کیرونا ۲.۰"
# Kiruna 2.0
_EASTERN_DIGITS = {chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)} | {"٫": "."}
_CHAR_MAP = str.maketrans(
    {"ي": "ی", "ك": "ک", "ى": "ی", "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ۀ": "ه"} | _EASTERN_DIGITS
)
_DIGITS = str.maketrans(_EASTERN_DIGITS)


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as the page writes them: the embedding model reads "کیرونا ۲.۰" as other
    words than "Kiruna 2.0", which the page says."""
    return text.translate(_DIGITS)


class _Unmarked(dict[int, int | None]):
    """A `str.translate` table that drops combining marks and keeps every other character, filled as
    characters are met (those of the Basic Multilingual Plane are remembered: at most 65,536 entries)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        if code < 0x10000:
            self[code] = kept
        return kept


_UNMARKED = _Unmarked()


def fold(text: str) -> str:
    """Lower case, no diacritics on Latin letters, unified Arabic-script letter forms, Western digits."""
    if text.isascii():  # nothing to normalize, no marks: what the steps below would return
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ARABIC_MARKS.sub("", text).translate(_CHAR_MAP)
    # Marks go: "mål" and "mal", "й" and "и" match, as residents' typing often makes them.
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", decomposed.translate(_UNMARKED))


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


@lru_cache(maxsize=32)
def _stemmer(name: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(name)


def stems(tokens: list[str], language: str | None) -> list[str]:
    """Stems by the language's stemmer; unknown language: the stems of every query stemmer."""
    if language is not None:
        name = SNOWBALL.get(language)
        return list(_stemmer(name).stemWords(tokens)) if name else list(tokens)
    out: list[str] = []
    for token in tokens:
        variants = {token} | {_stemmer(n).stemWord(token) for n in QUERY_STEMMERS}
        out.extend(sorted(variants))
    return out


def char_ngrams(tokens: list[str], sizes: tuple[int, ...] = (3, 4, 5)) -> list[str]:
    """Character n-grams of each word with boundary marks: "mål" -> "^ma", "mal", "al$", ..."""
    grams: list[str] = []
    for token in tokens:
        grams.extend(_word_ngrams(token, sizes))
    return grams


@lru_cache(maxsize=1 << 14)
def _word_ngrams(token: str, sizes: tuple[int, ...]) -> tuple[str, ...]:
    """One word's n-grams, remembered: an index build meets each word about four times (the page's
    ~42,000 words are ~10,000 distinct ones), and a rebuild after a publish meets them again."""
    padded = f"^{token}$"
    return tuple(padded[i : i + n] for n in sizes if len(padded) >= n for i in range(len(padded) - n + 1))


Analyzer = Callable[[str, str | None], list[str]]


def analyze_words(text: str, language: str | None) -> list[str]:
    """Word stems; a question of unknown language gets every plausible stem."""
    return stems(words(text), language)


def analyze_ngrams(text: str, language: str | None) -> list[str]:
    """Language-blind character n-grams plus whole words."""
    tokens = words(text)
    return tokens + char_ngrams(tokens)


def analyze_hybrid(text: str, language: str | None) -> list[str]:
    """Stems and n-grams together."""
    tokens = words(text)
    return stems(tokens, language) + char_ngrams(tokens)


ANALYZERS: dict[str, Analyzer] = {
    "words": analyze_words,
    "ngrams": analyze_ngrams,
    "hybrid": analyze_hybrid,
}


def analyze_for_languages(text: str, analyzer: str, languages: list[str]) -> dict[str, list[str]]:
    """A question's tokens for each language's index, folding and n-gramming the text only once."""
    tokens = words(text)
    grams = char_ngrams(tokens) if analyzer in ("ngrams", "hybrid") else []
    out: dict[str, list[str]] = {}
    for lang in languages:
        if analyzer == "ngrams":
            out[lang] = tokens + grams
        elif analyzer == "words":
            out[lang] = stems(tokens, lang)
        else:
            out[lang] = stems(tokens, lang) + grams
    return out
