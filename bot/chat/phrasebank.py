"""Small talk by meaning: the cue tables' greetings, thanks, "are you a bot?" … as embedded examples.

The cue tables catch small talk word for word; residents also say it in words no table lists
("är du en riktig människa eller en robot", "شو بتقدر تجاوب عليه؟"). A message the page does not
answer whose embedding lies close to one of these examples is small talk of that example's kind,
in that example's language. The examples are embedded once, cached in the data dir under a hash of
the embedder and the tables, and reused by every worker.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.chat.dialogue import SMALLTALK, DialogueCues
from bot.chat.lexical_query import owner_words
from index.embedders.base import Embedder

log = logging.getLogger(__name__)
# Cosine similarity from which a message reads as the small talk it is closest to.
SIMILAR = 0.9
BATCH = 64


@dataclass(frozen=True)
class Nearest:
    category: str
    lang: str
    similarity: float  # above what its language's texts share anyway (see PhraseBank.crowding)


@dataclass(frozen=True)
class PhraseBank:
    labels: tuple[tuple[str, str], ...]  # (category, language) per row
    vectors: npt.NDArray[np.float32]

    def nearest(self, query: npt.NDArray[np.float32], langs: Collection[str] | None = None) -> Nearest | None:
        """The example nearest a message's embedding; among examples in `langs` only, when given: "Die Antwort
        war mir viel zu lang" may lie nearest a Persian complaint, and as near a German one."""
        if not self.labels:
            return None
        sims = self.vectors @ query
        if langs is not None:
            masks = [self._rows_of[lang] for lang in langs if lang in self._rows_of]
            if not masks:
                return None
            sims = np.where(np.logical_or.reduce(masks), sims, -np.inf)
        i = int(np.argmax(sims))
        category, lang = self.labels[i]
        return Nearest(category, lang, float(sims[i]) - self.crowding.get(lang, 0.0))

    @cached_property
    def _rows_of(self) -> dict[str, npt.NDArray[np.bool_]]:
        """Per language, which rows are its examples."""
        langs = np.array([lang for _, lang in self.labels])
        return {lang: langs == lang for lang in dict.fromkeys(langs.tolist())}

    @cached_property
    def crowding(self) -> dict[str, float]:
        """Per language, how much closer its unrelated texts lie than a typical language's.

        The model knows Tigrinya and Somali little and puts their texts close together: a greeting and
        "how do I pay my tax?" lie as near as two greetings do in English. Measured on the examples
        themselves, as the mean similarity of examples of different kinds.
        """
        by_lang: dict[str, list[int]] = {}
        for i, (_, lang) in enumerate(self.labels):
            by_lang.setdefault(lang, []).append(i)
        means = {}
        for lang, rows in by_lang.items():
            kinds = np.array([self.labels[i][0] for i in rows])
            unrelated = kinds[:, None] != kinds[None, :]
            if unrelated.any():
                means[lang] = float((self.vectors[rows] @ self.vectors[rows].T)[unrelated].mean())
        typical = float(np.median(list(means.values()))) if means else 0.0
        return {lang: max(0.0, mean - typical) for lang, mean in means.items()}


def _examples(cues: DialogueCues) -> list[tuple[str, str, str]]:
    """(category, language, text) of every small-talk cue, in a stable order. A cue naming the page's owner ("är det
    här kiruna kommuns hemsida") is matched as a cue and not embedded: its words lie as near every question about
    the town ("vad är kommunalskatten i kiruna") as small talk does."""
    owner = owner_words()
    out = []
    for lang in sorted(cues.table.by_lang):
        for category in SMALLTALK:
            for cue in cues.table.in_language(lang, category):
                if not owner.intersection(cue.words):
                    out.append((category, lang, " ".join(cue.words)))
    return out


def example_texts(cues: DialogueCues) -> list[str]:
    """The texts of the small-talk examples, as they are embedded (as questions)."""
    return [text for _, _, text in _examples(cues)]


def load_phrase_bank(cues: DialogueCues, embedder: Embedder, cache_dir: Path, *, build: bool = True) -> PhraseBank:
    """The embedded examples, from the cache in `cache_dir` or embedded now (and cached when writable)."""
    examples = _examples(cues)
    digest = hashlib.sha256(repr((embedder.id, examples)).encode()).hexdigest()[:16]
    path = cache_dir / f"smalltalk-{digest}.npy"
    labels = tuple((c, lang) for c, lang, _ in examples)
    if path.exists():
        vectors = np.load(path)
        if vectors.shape == (len(examples), embedder.dim):
            return PhraseBank(labels, vectors.astype(np.float32, copy=False))
    if not build:
        log.warning("no small-talk examples cached at %s; small talk is read from the cue tables only", path)
        return PhraseBank((), np.zeros((0, embedder.dim), dtype=np.float32))
    texts = [t for _, _, t in examples]
    parts = [embedder.embed_queries(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
    vectors = np.vstack(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.{os.getpid()}.npy")
        np.save(staging, vectors)
        staging.replace(path)
    except OSError as exc:  # a read-only data dir: use them, unsaved
        log.warning("cannot cache the small-talk examples in %s: %s", cache_dir, exc)
    return PhraseBank(labels, vectors)
