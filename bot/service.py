"""The chat service: loads the corpus, model and index once, then answers questions.

The API and the CLI both call `ChatService.ask`, so `kiruna-bot ask --json` and `POST /v1/chat`
return the same answer object.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace

from bot.answer import Answer
from bot.answering import Answerer
from bot.cache import AnswerCache
from bot.config import Settings
from bot.coverage import Coverage
from bot.language_detection import LanguageDetector, TrigramProfiles
from bot.messages import Catalogs, load_catalogs
from bot.metrics import ANSWERS
from bot.question_types import load_question_cues
from bot.ranking import LinearRanker
from bot.redaction import redact
from bot.retrieval import HybridRetriever, Retrieval
from bot.scope import ScopeDecision, ScopeGate, load_scope_model
from bot.storage.db import Database
from bot.storage.memory import TranslationMemory
from bot.storage.questions import QuestionLog
from bot.translation.base import NoTranslator, Translator
from bot.translation.breaker import CircuitBreaker
from bot.translation.google import GoogleTranslator
from bot.translation.service import TranslationService
from corpus.curated_translations import load_translations, translations_hash
from corpus.loader import load_corpus
from corpus.model import Corpus
from corpus.thesaurus_tables import load_thesaurus, thesaurus_hash
from index.dense import set_search_threads
from index.embedders import Embedder, make_embedder
from index.manifest import IndexMismatch, IndexMissing, Manifest
from index.store import LoadedIndex, Resources, build_index, load_index

log = logging.getLogger(__name__)


def load_resources(settings: Settings) -> Resources:
    corpus = load_corpus(
        settings.corpus_dir,
        settings.site_profile,
        default_publisher=settings.publisher,
        source_urls=settings.source_urls,
    )
    return Resources(
        corpus=corpus,
        translations=load_translations(settings.translations_dir),
        translations_hash=translations_hash(settings.translations_dir),
        thesaurus=load_thesaurus(settings.thesaurus_dir),
        thesaurus_hash=thesaurus_hash(settings.thesaurus_dir),
    )


def build(settings: Settings, resources: Resources, embedder: Embedder) -> Manifest:
    return build_index(
        resources, embedder, settings.index_dir, analyzer=settings.analyzer, dense_kind=settings.dense_index
    )


def open_index(settings: Settings, resources: Resources, embedder: Embedder) -> LoadedIndex:
    return load_index(
        settings.index_dir, resources, embedder_id=embedder.id, dim=embedder.dim, analyzer=settings.analyzer
    )


def ensure_index(settings: Settings, embedder: Embedder | None = None) -> Manifest:
    """Build the index if it is missing or stale; otherwise only check it. Returns its manifest."""
    resources = load_resources(settings)
    embedder = embedder or make_embedder(settings.embedder, settings.threads)
    try:
        return open_index(settings, resources, embedder).manifest
    except (IndexMissing, IndexMismatch) as exc:
        log.warning("building the index: %s", exc)
        return build(settings, resources, embedder)


def load_ranker(settings: Settings) -> LinearRanker:
    """The trained ranker, or the default mix when none has been trained."""
    if settings.ranker_model.exists():
        try:
            return LinearRanker.load(settings.ranker_model)
        except (ValueError, KeyError, TypeError) as exc:
            # Serve with the default mix rather than not at all; `kiruna-bot ranker train` fixes it.
            log.warning("cannot use the ranker model (%s); using the default mix", exc)
            return LinearRanker.default(settings.fusion_weight)
    log.warning("no ranker model at %s; using the default mix", settings.ranker_model)
    return LinearRanker.default(settings.fusion_weight)


def make_provider(settings: Settings) -> Translator:
    if settings.translation_provider == "none":
        return NoTranslator()
    return GoogleTranslator(
        deadline=settings.translation_deadline,
        breaker=CircuitBreaker(settings.breaker_failures, settings.breaker_reset_seconds),
        base_url=settings.google_base_url,
    )


def detector_for(resources: Resources, catalogs: Catalogs) -> LanguageDetector:
    """A detector whose trigram profiles come from the bot's own texts in every language."""
    samples: dict[str, list[str]] = {"sv": [s.text for s in resources.corpus.sentences()]}
    for lang, items in resources.translations.items():
        samples.setdefault(lang, []).extend(t.text for t in items)
    for lang, synonyms in resources.thesaurus.by_lang.items():
        samples.setdefault(lang, []).extend(w for words in synonyms.values() for w in words)
    for lang, messages in catalogs.by_lang.items():
        samples.setdefault(lang, []).extend(messages.values())
    return LanguageDetector(TrigramProfiles(dict(samples.items())))


@dataclass(frozen=True)
class Draft:
    message: str
    lang: str
    detected: str
    retrieval: Retrieval
    decision: ScopeDecision


class ChatService:
    def __init__(
        self,
        settings: Settings,
        resources: Resources,
        embedder: Embedder,
        index: LoadedIndex,
        *,
        database: Database | None = None,
        provider: Translator | None = None,
        catalogs: Catalogs | None = None,
    ) -> None:
        self.settings = settings
        self.resources = resources
        self.embedder = embedder
        self.index = index
        self.catalogs = catalogs or load_catalogs()
        self.database = database or Database(settings.database)
        self.memory = TranslationMemory(self.database)
        self.memory.seed(t for items in resources.translations.values() for t in items)
        self.questions = QuestionLog(self.database)
        self.cache = AnswerCache(settings.cache_size)
        self.provider = provider or make_provider(settings)
        self.translations = TranslationService(self.memory, self.provider)
        self.detector = detector_for(resources, self.catalogs)
        self.retriever = HybridRetriever(
            resources.corpus, index, embedder, load_ranker(settings), load_question_cues(settings.question_cues_dir)
        )
        self.gate = ScopeGate(load_scope_model(settings.scope_model, embedder.id), Coverage(index.entries))
        self.answerer = Answerer(
            resources.corpus, self.catalogs, self.translations, settings.municipality_url, settings.top_k
        )

    @property
    def corpus(self) -> Corpus:
        return self.resources.corpus

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        build_if_needed: bool = False,
        embedder: Embedder | None = None,
        provider: Translator | None = None,
        database: Database | None = None,
    ) -> ChatService:
        """Load everything; with `build_if_needed`, (re)build a missing or stale index first."""
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        set_search_threads(settings.threads)
        resources = load_resources(settings)
        embedder = embedder or make_embedder(settings.embedder, settings.threads)
        try:
            index = open_index(settings, resources, embedder)
        except (IndexMissing, IndexMismatch) as exc:
            if not build_if_needed:
                raise
            log.warning("building the index: %s", exc)
            build(settings, resources, embedder)
            index = open_index(settings, resources, embedder)
        return cls(settings, resources, embedder, index, provider=provider, database=database)

    def understand(self, message: str, lang: str | None = None) -> Draft:
        """The CPU part of answering: language, one embedding, retrieval, the scope decision."""
        detected = self.detector.detect(message)
        query = self.retriever.embed(message)
        retrieval = self.retriever.retrieve(message, query)
        return Draft(message, lang or detected, detected, retrieval, self.gate.decide(retrieval, query))

    def respond(self, draft: Draft, *, log: bool = True) -> Answer:
        """The waiting part: translations (memory, maybe the provider), the answer, the question log."""
        answer = self.answerer.answer(draft.retrieval, draft.decision, draft.lang, draft.detected)
        answer.id = str(uuid.uuid4())
        if log:
            self.log_answer(draft.message, answer)
        return answer

    def generation(self) -> tuple[str, tuple[int, str]]:
        """What a cached answer depends on besides the question: the index and the translations."""
        return (self.index.manifest.built_at, self.memory.version())

    def cached(self, message: str, lang: str | None) -> Answer | None:
        """A fresh copy (own id) of the answer to the same question, if one is cached."""
        hit = self.cache.get(message, lang, self.generation())
        return replace(hit, id=str(uuid.uuid4())) if hit is not None else None

    def remember(self, message: str, lang: str | None, answer: Answer) -> None:
        # a degraded translation may work next time: only complete answers are kept
        if answer.translation.available:
            self.cache.put(message, lang, self.generation(), answer)

    def log_answer(self, message: str, answer: Answer) -> None:
        ANSWERS.labels(answer.lang, str(answer.answered).lower()).inc()
        self.questions.record(
            answer.id,
            redact(message),
            answer.lang,
            answer.detected_lang,
            answer.answered,
            answer.quote.chunk_id if answer.quote else None,
            answer.sources[0].score if answer.sources else None,
            answer.translation.provider,
        )

    def ask(self, message: str, lang: str | None = None, *, log: bool = True) -> Answer:
        """Answer one question in `lang`, or in the language the question is written in."""
        answer = self.cached(message, lang)
        if answer is None:
            answer = self.respond(self.understand(message, lang), log=False)
            self.remember(message, lang, answer)
        if log:
            self.log_answer(message, answer)
        return answer
