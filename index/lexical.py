"""The BM25 side of hybrid retrieval (bm25s): one index per language.

One index per language keeps BM25's inverse document frequency meaningful: in a single
index mixing twelve languages every Finnish word would look rare, so "kunta" (municipality)
would weigh as much as "asuminen" (housing). The question's language is not needed: it is
scored against every language's index, analyzed the way that language was.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import bm25s
import numpy as np
import numpy.typing as npt

from index.analysis import ANALYZERS, analyze_for_languages

# bm25s logs progress and warnings at import and load; they are noise in a server log.
logging.getLogger("bm25s").setLevel(logging.ERROR)
_ROWS = "rows.json"


class _LanguageIndex:
    def __init__(self, lang: str, retriever: bm25s.BM25, rows: npt.NDArray[np.int64]) -> None:
        self.lang = lang
        self.bm25 = retriever
        self.rows = rows
        self.vocab: dict[str, int] = dict(retriever.vocab_dict)


class LexicalIndex:
    def __init__(self, parts: list[_LanguageIndex], size: int, analyzer_name: str) -> None:
        self._parts = parts
        self._size = size
        self.analyzer_name = analyzer_name

    @classmethod
    def build(cls, texts: list[str], languages: list[str], analyzer_name: str) -> LexicalIndex:
        analyze = ANALYZERS[analyzer_name]
        parts = []
        for lang in sorted(set(languages)):
            rows = np.array([i for i, lg in enumerate(languages) if lg == lang], dtype=np.int64)
            retriever = bm25s.BM25()
            retriever.index([analyze(texts[i], lang) for i in rows], show_progress=False)
            parts.append(_LanguageIndex(lang, retriever, rows))
        return cls(parts, len(texts), analyzer_name)

    @property
    def size(self) -> int:
        return self._size

    @property
    def languages(self) -> list[str]:
        return [p.lang for p in self._parts]

    def scores(self, text: str) -> npt.NDArray[np.float32]:
        """BM25 score of every entry for the question, each against its own language's index."""
        out = np.zeros(self._size, dtype=np.float32)
        analyzed = analyze_for_languages(text, self.analyzer_name, [p.lang for p in self._parts])
        for part in self._parts:
            tokens = [t for t in analyzed[part.lang] if t in part.vocab]
            if tokens:
                out[part.rows] = np.asarray(part.bm25.get_scores(tokens), dtype=np.float32)
        return out

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for part in self._parts:
            part.bm25.save(str(directory / part.lang), show_progress=False)
        meta = {"size": self._size, "rows": {p.lang: p.rows.tolist() for p in self._parts}}
        (directory / _ROWS).write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, analyzer_name: str) -> LexicalIndex:
        try:
            meta = json.loads((directory / _ROWS).read_text(encoding="utf-8"))
            parts = [
                _LanguageIndex(
                    lang,
                    bm25s.BM25.load(str(directory / lang), show_progress=False),
                    np.array(rows, dtype=np.int64),
                )
                for lang, rows in meta["rows"].items()
            ]
            size = int(meta["size"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"cannot read lexical index {directory}: {exc}") from exc
        return cls(parts, size, analyzer_name)
