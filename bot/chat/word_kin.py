"""When two words of a question and a page are one word, inflected or misspelt alike.

Stemmers exist for few of the residents' languages, and none for Sami, Somali or Tigrinya;
sharing the first letters works in all of them ("стратегічних" and "стратегічні", "jiho" and
"jihooyinka").
"""

from __future__ import annotations

from bot.chat.cues import is_ethiopic

# Two words are one when they share their first letters, up to this many, and at least the second number.
PREFIX = 6
MIN_PREFIX = 4
# the same in Ethiopic script, whose letters are syllables ("ስትራተጂካዊ" and "ስትራተጂያዊ", strategic)
SYLLABLE_PREFIX = 4
SYLLABLE_MIN_PREFIX = 3
# the first letters any two kin words share, by either rule below
KIN_START = min(MIN_PREFIX, SYLLABLE_MIN_PREFIX)


# Northern Sami nouns of action end in "-n" and bend it to "-m-": "ássan" (housing), "ássama", "ássamii";
# "ovdánahttin", "ovdánahttima". A bent form has at most this many letters after the "m".
SAMI_ENDING = 4


# Two words that go on this many letters each after all they share are two words joined to one first
# element ("Arbeitsgruppen" and "Arbeitsmarkt", working groups and labour market), not one word's forms.
OWN_TAIL = 4


def kin(a: str, b: str) -> bool:
    syllabic = is_ethiopic(a)
    n = min(SYLLABLE_PREFIX if syllabic else PREFIX, len(a), len(b))
    shared = n >= (SYLLABLE_MIN_PREFIX if syllabic else MIN_PREFIX) and a[:n] == b[:n]
    return (shared and (syllabic or not _compounded_apart(a, b))) or _sami_bent(a, b)


def _compounded_apart(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    common = next((i for i in range(shorter) if a[i] != b[i]), shorter)
    return shorter - common >= OWN_TAIL


def _sami_bent(a: str, b: str) -> bool:
    """One word a Sami noun in "-n", the other that noun bent: its "-n" becomes "-m-" with an ending after it."""
    base, bent = (a, b) if a.endswith("n") else (b, a)
    stem = base[:-1]
    return (
        base.endswith("n")
        and len(stem) >= MIN_PREFIX
        and bent.startswith(stem + "m")
        and 0 < len(bent) - len(stem) - 1 <= SAMI_ENDING
    )
