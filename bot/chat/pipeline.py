"""The loaded CPU side of answering, as one value: built by `bot.wiring.load_pipeline`."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chat.retrieval import Retriever
from bot.chat.scope import ScopeGate
from bot.chat.understanding import Understander
from bot.language.detection import LanguageDetector
from bot.language.messages import Catalogs
from corpus.model import Corpus
from index.embedders import Embedder
from index.store import LoadedIndex, Resources


@dataclass(frozen=True)
class Pipeline:
    """Corpus, embedder, index, retriever, scope gate and language detector, loaded once per worker."""

    resources: Resources
    embedder: Embedder
    index: LoadedIndex
    retriever: Retriever
    gate: ScopeGate
    detector: LanguageDetector
    catalogs: Catalogs
    understander: Understander

    @property
    def corpus(self) -> Corpus:
        return self.resources.corpus
