"""Hybrid retrieval: dense (multilingual embeddings) and lexical (BM25) evidence, ranked per chunk.

Every entry of the index points to a Swedish chunk, in one of several languages (the Swedish
original and each curated translation). A chunk's evidence in a channel is gathered per
language: a passage that matches the question in several languages at once is more likely the
answer than one that matches a single entry by chance. The evidence, standardized over the
candidate chunks (cosine similarities and BM25 scores live on different scales), goes to the
ranker (`bot.chat.ranking`), whose score orders the chunks.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from bot.chat.coverage import Coverage
from bot.chat.lexical_query import lexical_query
from bot.chat.question_types import QuestionCues
from bot.chat.ranking import DENSE_LANGUAGES, LEXICAL_LANGUAGES, LinearRanker, feature_matrix, top_mean
from corpus.chunking import LINE_KINDS
from corpus.model import Chunk, Corpus
from index.analysis import western_digits
from index.embedders.base import Embedder
from index.store import LoadedIndex

# Dense neighbours looked at per question; a small corpus has all its entries among them.
DENSE_CANDIDATES = 2048
# With an approximate (HNSW) index, fewer: the large corpora it serves need no more.
DENSE_CANDIDATES_APPROX = 256
# Lexical hits looked at per question, best first.
LEXICAL_CANDIDATES = 2048
# Chunks ranked per question: the best by either channel.
CHUNK_CANDIDATES = 200
# How a fact line's match is scored: the sum of its first feature columns (dense and lexical evidence).
LINE_EVIDENCE = len(DENSE_LANGUAGES) + len(LEXICAL_LANGUAGES)


@dataclass
class ScoredChunk:
    chunk: Chunk
    dense: float  # mean cosine similarity over the six best-matching languages
    lexical: float  # best BM25 score in any language
    fused: float  # the ranker's score: what the order follows
    sentence_scores: dict[str, float] = field(default_factory=dict)
    matched_lang: str = "sv"
    answer_types: frozenset[str] = frozenset()  # what the question asks for and this chunk offers
    typed_sentences: frozenset[str] = frozenset()  # its sentences that state what the question asks for


@dataclass
class Retrieval:
    """Ranked passages for one question, best first, with the evidence behind the ranking."""

    question: str
    ranked: list[ScoredChunk]
    asks: frozenset[str] = frozenset()  # the answer types the question asks for
    lines: list[ScoredChunk] = field(default_factory=list)  # the lines that state facts, best match first


@dataclass
class Evidence:
    """Candidate chunk ids and their feature rows (`bot.chat.ranking.FEATURES`)."""

    chunk_ids: list[str]
    features: npt.NDArray[np.float64]
    dense: list[float]
    lexical: list[float]
    sentence_scores: list[dict[str, float]]
    matched_lang: list[str]
    asks: frozenset[str] = frozenset()
    answer_types: list[frozenset[str]] = field(default_factory=list)
    typed_sentences: list[frozenset[str]] = field(default_factory=list)


class Retriever(Protocol):
    """Finds the passages that answer a question; `HybridRetriever` is the one in use."""

    @property
    def ranker(self) -> LinearRanker: ...

    @property
    def cues(self) -> QuestionCues: ...

    def embed(self, question: str) -> npt.NDArray[np.float32]: ...

    def evidence(self, question: str, query_vector: npt.NDArray[np.float32] | None = None) -> Evidence:
        """Every candidate passage's features for the ranker (what training learns from)."""
        ...

    def retrieve(self, question: str, query_vector: npt.NDArray[np.float32] | None = None) -> Retrieval: ...

    def states(self, sentence_id: str) -> frozenset[str]:
        """What a sentence of the corpus states (a time, a count, a purpose …), as the question cues type it."""
        ...

    def with_ranker(self, ranker: LinearRanker) -> Retriever: ...


PerLanguage = dict[str, dict[str, float]]


@dataclass(frozen=True)
class _Gathered:
    dense_lang: PerLanguage
    dense_sent: dict[str, float]
    lex_lang: PerLanguage
    lex_sent: dict[str, float]
    floor: float
    asks: frozenset[str]


def _best(per_lang: PerLanguage, n: int) -> set[str]:
    """The `n` chunks with the highest single score (all of them when there are fewer)."""
    if len(per_lang) <= n:
        return set(per_lang)
    return set(sorted(per_lang, key=lambda c: max(per_lang[c].values()), reverse=True)[:n])


class HybridRetriever:
    def __init__(
        self,
        corpus: Corpus,
        index: LoadedIndex,
        embedder: Embedder,
        ranker: LinearRanker,
        cues: QuestionCues,
        vocabulary: Coverage | None = None,
    ) -> None:
        self._vocabulary = vocabulary
        self._chunks = {c.id: c for c in corpus.chunks()}
        self.cues = cues
        language = {d.meta.id: d.meta.language for d in corpus.documents}
        self._offers = {c.id: cues.chunk_offers(c, language[c.doc_id]) for c in corpus.chunks()}
        self._stated = {
            s.id: cues.sentence_states(s.text, language[c.doc_id]) for c in corpus.chunks() for s in c.sentences
        }
        self._index = index
        self._embedder = embedder
        self.ranker = ranker
        entries = index.entries
        self._entry_chunk = [e.chunk_id for e in entries]
        self._entry_sentence = [e.sentence_id for e in entries]
        self._entry_lang = [e.lang for e in entries]
        missing = {cid for cid in self._entry_chunk if cid not in self._chunks}
        if missing:
            raise ValueError(f"index refers to chunks the corpus no longer has: {sorted(missing)[:3]}")

    def with_ranker(self, ranker: LinearRanker) -> Retriever:
        """The same retriever ranking with another ranker (the index and tables are shared)."""
        other = copy.copy(self)
        other.ranker = ranker
        return other

    def states(self, sentence_id: str) -> frozenset[str]:
        return self._stated.get(sentence_id, frozenset())

    def embed(self, question: str) -> npt.NDArray[np.float32]:
        vector: npt.NDArray[np.float32] = self._embedder.embed_queries([western_digits(question)])[0]
        return vector

    def _collect(self, rows: list[int], scores: list[float]) -> tuple[PerLanguage, dict[str, float]]:
        """Best score per (chunk, language), and per sentence."""
        per_lang: PerLanguage = defaultdict(dict)
        per_sentence: dict[str, float] = {}
        for row, score in zip(rows, scores, strict=True):
            cid, lang = self._entry_chunk[row], self._entry_lang[row]
            if score > per_lang[cid].get(lang, -np.inf):
                per_lang[cid][lang] = score
            sid = self._entry_sentence[row]
            if sid is not None and score > per_sentence.get(sid, -np.inf):
                per_sentence[sid] = score
        return per_lang, per_sentence

    def _gather(self, question: str, query_vector: npt.NDArray[np.float32] | None) -> _Gathered:
        """Dense and lexical evidence per chunk and language, and per sentence."""
        q = self.embed(question) if query_vector is None else query_vector
        k = DENSE_CANDIDATES if self._index.dense.kind == "flat" else DENSE_CANDIDATES_APPROX
        d_scores, d_rows = self._index.dense.search(q.reshape(1, -1), k)
        keep = d_rows[0] >= 0
        dense_lang, dense_sent = self._collect(d_rows[0][keep].tolist(), d_scores[0][keep].tolist())
        lex = self._index.lexical.scores(lexical_query(question, self._vocabulary))
        hits = np.flatnonzero(lex)
        if len(hits) > LEXICAL_CANDIDATES:
            hits = hits[np.argpartition(-lex[hits], LEXICAL_CANDIDATES)[:LEXICAL_CANDIDATES]]
        lex_lang, lex_sent = self._collect(hits.tolist(), lex[hits].tolist())
        floor = min((v for d in dense_lang.values() for v in d.values()), default=0.0)
        return _Gathered(dense_lang, dense_sent, lex_lang, lex_sent, floor, self.cues.question_intents(question))

    def evidence(self, question: str, query_vector: npt.NDArray[np.float32] | None = None) -> Evidence:
        """Every candidate passage's features for the ranker (all passages of a small corpus).

        Lines that state a fact ("Antagen av …", "Publicerad av: …", "Läs mer om …") are not
        candidates: they answer only a question for their fact (`Retrieval.lines`).
        """
        return self._evidence(self._gather(question, query_vector), lines=False)

    def _evidence(self, g: _Gathered, *, lines: bool) -> Evidence:
        if lines:
            candidates = {c for c, chunk in self._chunks.items() if chunk.kind in LINE_KINDS}
        else:
            candidates = _best(g.dense_lang, CHUNK_CANDIDATES) | _best(g.lex_lang, CHUNK_CANDIDATES)
        ids = sorted(c for c in candidates if (self._chunks[c].kind in LINE_KINDS) == lines)
        floor = g.floor
        dense_lists = [list(g.dense_lang.get(c, {}).values()) for c in ids]
        lex_lists = [list(g.lex_lang.get(c, {}).values()) for c in ids]
        best_sentence = [max(g.dense_sent.get(s.id, floor) for s in self._chunks[c].sentences) for c in ids]
        asks = g.asks
        answer_types = [asks & self._offers[c] for c in ids]
        x = feature_matrix(
            dense_lists, lex_lists, best_sentence, [self._chunks[c].kind for c in ids], answer_types, floor
        )
        lex_max = max(g.lex_sent.values(), default=0.0) or 1.0
        return Evidence(
            chunk_ids=ids,
            features=x,
            dense=[top_mean(v, 6, floor) for v in dense_lists],
            lexical=[top_mean(v, 1, 0.0) for v in lex_lists],
            sentence_scores=[
                {
                    s.id: g.dense_sent.get(s.id, floor) + g.lex_sent.get(s.id, 0.0) / lex_max
                    for s in self._chunks[c].sentences
                }
                for c in ids
            ],
            matched_lang=[
                max(g.dense_lang[c], key=g.dense_lang[c].__getitem__) if g.dense_lang.get(c) else "sv" for c in ids
            ],
            asks=asks,
            answer_types=answer_types,
            typed_sentences=[
                frozenset(s.id for s in self._chunks[c].sentences if sentence_asks(asks) & self._stated[s.id])
                for c in ids
            ],
        )

    def _scored(self, ev: Evidence, scores: npt.NDArray[np.float64]) -> list[ScoredChunk]:
        out = [
            ScoredChunk(
                chunk=self._chunks[cid],
                dense=ev.dense[i],
                lexical=ev.lexical[i],
                fused=float(scores[i]),
                sentence_scores=ev.sentence_scores[i],
                matched_lang=ev.matched_lang[i],
                answer_types=ev.answer_types[i],
                typed_sentences=ev.typed_sentences[i],
            )
            for i, cid in enumerate(ev.chunk_ids)
        ]
        out.sort(key=lambda r: (-r.fused, r.chunk.id))
        return out

    def retrieve(self, question: str, query_vector: npt.NDArray[np.float32] | None = None) -> Retrieval:
        g = self._gather(question, query_vector)
        ev = self._evidence(g, lines=False)
        if not ev.chunk_ids:
            return Retrieval(question, [], ev.asks)
        ranked = self._scored(ev, self.ranker.score(ev.features))
        line_ev = self._evidence(g, lines=True)
        # a line's match: its standardized dense and lexical evidence (the first feature columns)
        lines = self._scored(line_ev, line_ev.features[:, :LINE_EVIDENCE].sum(axis=1)) if line_ev.chunk_ids else []
        return Retrieval(question=question, ranked=ranked, asks=ev.asks, lines=lines)


def sentence_asks(asks: frozenset[str]) -> frozenset[str]:
    """What a sentence may state to answer a question: a goal asked of what has no "Mål" is its purpose
    ("what were the seminar's goals?", "jakie były cele seminarium?": "Syftet med seminariet var …")."""
    return asks | {"reason"} if "goal" in asks else asks
