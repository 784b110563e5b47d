"""Whether a message in Latin letters is Arabic, Persian, Ukrainian or Tigrinya typed without its own script.

Residents type "salam, chi mitunam azat beporsam?" (Persian), "w wen fiye e2ra aktar 3an hal mawdou3?" (Arabic in
"Arabizi", its digits standing for letters), "pryvit, ty rozumiyesh ukrainsku?" or "selam, kemey aleka?" on a
keyboard without their script. The trigram profiles know each of these languages only in its own script and read
such a message as Somali, English or Swedish, and the answer came back in a language the resident did not write.

Two or more words of one language's list (`romanized_words.tsv`, common chat words none of the Latin-script
languages writes), and more than any other list has, settle it; an Arabizi word ("e2ra", "3an") counts for Arabic.
Written from the languages' chat conventions, not from any question set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ROMANIZED_WORDS_FILE = Path(__file__).with_name("romanized_words.tsv")
# Per language, words as residents type them in Latin letters and the word in the language's own script
ROMANIZED_LEXICON_FILE = Path(__file__).with_name("romanized_lexicon.tsv")
# Distinct words of one list a message needs ("salam" alone is several languages' greeting, and a name)
NEEDED = 2
_TOKEN = re.compile(r"[a-z0-9']+")
_TYPED = re.compile(r"[A-Za-z0-9']+")
# Arabizi: a digit for a letter Latin has none for (2 hamza, 3 ayn, 5 kha, 6 ta, 7 ha, 9 sad or qaf) among a
# word's letters
ARABIZI_DIGITS = frozenset("235679")


@lru_cache(maxsize=1)
def romanized_words() -> dict[str, frozenset[str]]:
    """Per language, its list's words."""
    lines = ROMANIZED_WORDS_FILE.read_text(encoding="utf-8").splitlines()[1:]
    out: dict[str, frozenset[str]] = {}
    for line in lines:
        lang, _, listed = line.partition("\t")
        out[lang] = frozenset(w.strip() for w in listed.split(",") if w.strip())
    return out


def _found(text: str) -> tuple[dict[str, int], int]:
    """How many distinct words of each language's list a message uses, and how many Arabizi words."""
    tokens = set(_TOKEN.findall(text.casefold()))
    listed = {lang: len(tokens & words) for lang, words in romanized_words().items()}
    return listed, sum(1 for t in tokens if _arabizi(t))


def romanized_language(text: str) -> str | None:
    """The language a Latin-letter message is typed in without its script, when its words settle it."""
    found, arabizi = _found(text)
    found["ar"] = found.get("ar", 0) + arabizi
    best = max(found, key=found.__getitem__)
    if found[best] < NEEDED or sum(1 for n in found.values() if n == found[best]) > 1:
        return None
    return best


def continues_romanized(text: str, lang: str) -> bool:
    """Whether a Latin-letter message goes on in a conversation typed in `lang` without its script: one word
    of its list is enough there ("w chkoun li nchr had lpage?" after "salam, chno hiya la vision dyal kommun?"),
    and none of another list's."""
    found, arabizi = _found(text)
    if lang not in found:
        return False
    own = found[lang] + (arabizi if lang == "ar" else 0)
    return own >= 1 and not any(n for other, n in found.items() if other != lang)


def _arabizi(token: str) -> bool:
    """ "e2ra", "3an", "mawdou3": letters, and a digit of Arabizi's among them; "2012" and "2.0" are numbers."""
    return (
        any(c.isalpha() for c in token)
        and any(c in ARABIZI_DIGITS for c in token)
        and all(c.isalpha() or c in ARABIZI_DIGITS or c == "'" for c in token)
    )


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[str, str]]:
    """Per language, each typed form and its word in the language's script."""
    out: dict[str, dict[str, str]] = {}
    for line in ROMANIZED_LEXICON_FILE.read_text(encoding="utf-8").splitlines()[1:]:
        lang, native, typed = line.split("\t")
        out.setdefault(lang, {}).update({t.strip(): native for t in typed.split(",") if t.strip()})
    return out


def in_own_script(text: str, lang: str) -> str:
    """A message typed without its script, with the words the lexicon knows in the language's own letters:
    "emta akher marra t3adlat el saf7a?" reads "متى آخر مرة تعديل el الصفحة?". The cue tables, the thesaurus and the
    scope model know each language in its script; names and the page's Swedish words stay as typed."""
    table = _lexicon().get(lang)
    if not table:
        return text
    return _TYPED.sub(lambda m: table.get(m.group(0).casefold(), m.group(0)), text)
