"""The Swedish word behind a Swedish noun borrowed into Meänkieli or Finnish.

Tornedalians (and Sweden Finns) name the page's things by its Swedish words, bent to their own
sounds and endings: "inriktninkiä" (inriktning), "forskninkin" (forskning), "idrotti" (idrott),
"arbetsgruppia" (arbetsgrupp), "kommuuni" (kommun), "visjuuni" (vision). The bent word is in no
index, so without its Swedish reading the question's main noun counts for nothing. Readings are
candidates only: the caller keeps those the index knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Finnic endings on a borrowed noun: the stem vowel "i" (or "e") and the case or plural after it.
_ENDING = (
    r"(?:[ie](?:[aä]|n|t|ssa|ssä|sta|stä|lla|llä|la|lä|lta|ltä|lle|le|ksi|hin|in|hen|en|ja|jä|ta|tä)?"
    r"|ii|ihi|eita|eitä)"
)
_LOANS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    # "-ning" as "-ninki": inriktninki, forskninkin, bostadsförsörjninkiprogrammi
    (re.compile(rf"^(\w{{3,}}n)k(?:k)?{_ENDING}$"), (r"\1g",)),
    # "-sion", "-tion" as "-sjuuni", "-šuuni", "-siuuni": visjuuni, kommunikasjuuni
    (re.compile(rf"^(\w{{2,}}?)(?:sj|š|si|s)uun{_ENDING}$"), (r"\1sion", r"\1tion")),
    # a long vowel before the last consonant: kommuuni (kommun)
    (re.compile(rf"^(\w+?)([aeiouyåäö])\2([bdfgklmnprstv]){_ENDING}$"), (r"\1\2\3",)),
    # the Swedish word kept whole, a vowel and a case added: idrotti (idrott), arbetsgruppia (arbetsgrupp),
    # inriktningista (inriktning), klimatista
    (re.compile(rf"^(\w{{3,}}[bdfgklmnprstv]){_ENDING}$"), (r"\1",)),
)


@lru_cache(maxsize=1 << 12)
def swedish_readings(word: str) -> tuple[str, ...]:
    """Candidate Swedish words a folded word may have been borrowed from; none for most words."""
    out: list[str] = []
    for pattern, templates in _LOANS:
        match = pattern.match(word)
        if match:
            out.extend(match.expand(t) for t in templates)
    return tuple(r for r in dict.fromkeys(out) if r != word)
