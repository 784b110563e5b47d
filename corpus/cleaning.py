"""Text normalization shared by documents, translations and questions.

Pages copied from the web carry non-breaking spaces, zero-width characters and
decomposed letters; left in, they break exact quoting and lexical matching.
"""

from __future__ import annotations

import re
import unicodedata

# Spaces that look like a space but are not U+0020.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t"), " ")
# Characters with no visible width that only get in the way.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_RUNS_OF_SPACES = re.compile(r" {2,}")


def clean_line(line: str) -> str:
    """Normalize one line: NFC, plain spaces, no invisible characters, single spaces."""
    line = unicodedata.normalize("NFC", line)
    line = line.translate(_SPACE_LIKE).translate(_INVISIBLE)
    return _RUNS_OF_SPACES.sub(" ", line).strip()


def clean_text(text: str) -> str:
    """Normalize a whole text, keeping its line structure (blank lines separate blocks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_line(line) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def split_blocks(text: str) -> list[list[str]]:
    """Blocks of non-empty lines, as separated by blank lines in cleaned text."""
    return [block.split("\n") for block in text.split("\n\n") if block.strip()]
