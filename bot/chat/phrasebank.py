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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.chat.dialogue import SMALLTALK, DialogueCues
from index.embedders.base import Embedder

log = logging.getLogger(__name__)
# Cosine similarity from which a message reads as the small talk it is closest to.
SIMILAR = 0.9
BATCH = 64


@dataclass(frozen=True)
class Nearest:
    category: str
    lang: str
    similarity: float


@dataclass(frozen=True)
class PhraseBank:
    labels: tuple[tuple[str, str], ...]  # (category, language) per row
    vectors: npt.NDArray[np.float32]

    def nearest(self, query: npt.NDArray[np.float32]) -> Nearest | None:
        if not self.labels:
            return None
        sims = self.vectors @ query
        i = int(np.argmax(sims))
        category, lang = self.labels[i]
        return Nearest(category, lang, float(sims[i]))


def _examples(cues: DialogueCues) -> list[tuple[str, str, str]]:
    """(category, language, text) of every small-talk cue, in a stable order."""
    out = []
    for lang in sorted(cues.table.by_lang):
        for category in SMALLTALK:
            for cue in cues.table.in_language(lang, category):
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
