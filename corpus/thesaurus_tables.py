"""A multilingual thesaurus of the corpus's own words: `corpus/thesaurus/<lang>.tsv`.

Residents rarely use the page's words ("housing" where it says "bostäder"). Each file maps a
word of the page to the everyday words for it in one language; the index adds them to the
chunk as lexical-only keywords (document expansion), so no question is rewritten and no
eval question is needed to build it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import CorpusError, read_text
from corpus.hashing import content_hash

DEFAULT_THESAURUS_DIR = Path(__file__).with_name("thesaurus")
_WORD = re.compile(r"\w+")
# Signs the page writes for a word of its language, which the thesaurus has a row for.
SIGN_WORDS = {"§": "paragraf"}


@dataclass
class Thesaurus:
    by_lang: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def expand(self, text: str, headings: tuple[str, ...] = ()) -> dict[str, list[str]]:
        """Synonyms, per language, of every word of a passage and its headings."""
        joined = " ".join((*headings, text))
        # a sign that stands for a word ("§ 68" is a paragraph) is that word to the thesaurus
        words = [w.lower() for w in _WORD.findall(joined)] + [w for sign, w in SIGN_WORDS.items() if sign in joined]
        out: dict[str, list[str]] = {}
        for lang, table in self.by_lang.items():
            found: list[str] = []
            for w in words:
                found.extend(table.get(w, ()))
            out[lang] = found
        return out


def read_thesaurus_file(path: Path) -> dict[str, list[str]]:
    """One language's table; a malformed line fails with its line number."""
    table: dict[str, list[str]] = {}
    with io.StringIO(read_text(path), newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if header != ["term", "synonyms"]:
            raise CorpusError(f"{path}: first line must be 'term<TAB>synonyms'")
        for n, row in enumerate(rows, 2):
            if not row:
                continue
            if len(row) != 2:
                raise CorpusError(f"{path}:{n}: expected 2 tab-separated columns, got {len(row)}")
            term, synonyms = row[0].strip().lower(), [s.strip() for s in row[1].split(",") if s.strip()]
            table.setdefault(term, []).extend(synonyms)
    return table


def load_thesaurus(directory: Path = DEFAULT_THESAURUS_DIR) -> Thesaurus:
    if not directory.is_dir():
        return Thesaurus()
    return Thesaurus({p.stem: read_thesaurus_file(p) for p in sorted(directory.glob("*.tsv"))})


def thesaurus_hash(directory: Path = DEFAULT_THESAURUS_DIR) -> str:
    return content_hash(sorted(directory.glob("*.tsv")) if directory.is_dir() else [])
