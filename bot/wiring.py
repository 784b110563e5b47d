"""Assembles the bot from settings, in one place: the index, the chat pipeline, storage, the staff desk.

Everything else receives its parts ready-made; nothing below this module reads settings to
decide which backend to use.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.chat.answering import Answerer
from bot.chat.cache import AnswerCache
from bot.chat.conversation import ConversationTokens
from bot.chat.coverage import Coverage
from bot.chat.dialogue import DialogueCues, load_dialogue_cues
from bot.chat.list_intent import load_list_model
from bot.chat.phrasebank import PhraseBank, load_phrase_bank
from bot.chat.pipeline import Pipeline
from bot.chat.question_types import QuestionCues, load_question_cues
from bot.chat.ranking import LinearRanker
from bot.chat.retrieval import HybridRetriever
from bot.chat.scope import ScopeGate, load_scope_model
from bot.chat.understanding import Understander
from bot.config import Settings
from bot.language.detection import LanguageDetector, TrigramProfiles, Vocabulary
from bot.language.messages import Catalogs, load_catalogs
from bot.secrets import conversation_key
from bot.service import ChatService
from bot.staff import StaffDesk
from bot.storage.db import Database
from bot.storage.eval_cases import EvalCaseStore
from bot.storage.memory import TranslationMemory
from bot.storage.questions import QuestionLog
from bot.translation.admin import TranslationAdmin
from bot.translation.base import NoTranslator, Translator
from bot.translation.breaker import CircuitBreaker
from bot.translation.google import GoogleTranslator
from bot.translation.service import TranslationService
from corpus.curated_translations import load_translations, translations_hash
from corpus.loader import load_corpus
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
    """Build the index (and the small-talk examples) if missing or stale; otherwise only check them."""
    resources = load_resources(settings)
    embedder = embedder or make_embedder(settings.embedder, settings.threads)
    build_phrases(settings, embedder)
    try:
        return open_index(settings, resources, embedder).manifest
    except (IndexMissing, IndexMismatch) as exc:
        log.warning("building the index: %s", exc)
        return build(settings, resources, embedder)


def build_phrases(settings: Settings, embedder: Embedder) -> PhraseBank:
    """The embedded small-talk examples, built into the data dir when missing."""
    return load_phrase_bank(load_dialogue_cues(settings.dialogue_cues_dir), embedder, settings.data_dir / "phrases")


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


def detector_for(
    resources: Resources, catalogs: Catalogs, question_cues: QuestionCues, dialogue_cues: DialogueCues
) -> LanguageDetector:
    """A detector whose trigram profiles and vocabulary come from the bot's own texts in every language.

    Trigrams learn from sentences: the page's translations and the bot's messages. The thesaurus
    and the cue tables add the words residents use (to the vocabulary only: word lists, often
    folded, blur the trigram profiles; measured on the eval set, 0.981 against 0.956).
    """
    samples: dict[str, list[str]] = {"sv": [s.text for s in resources.corpus.sentences()]}
    for lang, items in resources.translations.items():
        samples.setdefault(lang, []).extend(t.text for t in items)
    for lang, messages in catalogs.by_lang.items():
        samples.setdefault(lang, []).extend(messages.values())
    words = {lang: list(texts) for lang, texts in samples.items()}
    for lang, synonyms in resources.thesaurus.by_lang.items():
        words.setdefault(lang, []).extend(w for ws in synonyms.values() for w in ws)
    for table in (question_cues.table, dialogue_cues.table):
        for lang, categories in table.by_lang.items():
            words.setdefault(lang, []).extend(" ".join(c.words) for cues in categories.values() for c in cues)
    return LanguageDetector(TrigramProfiles(dict(samples.items())), Vocabulary(words))


def load_pipeline(settings: Settings, *, build_if_needed: bool = False, embedder: Embedder | None = None) -> Pipeline:
    """The CPU side of answering: corpus, embedder, index, retriever, scope gate, language detector.

    With `build_if_needed`, a missing or stale index is (re)built first.
    """
    set_search_threads(settings.threads)
    resources = load_resources(settings)
    embedder = embedder or make_embedder(settings.embedder, settings.threads)
    try:
        index = open_index(settings, resources, embedder)
    except (IndexMissing, IndexMismatch) as exc:
        if not build_if_needed:
            raise
        log.warning("building the index: %s", exc)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        build(settings, resources, embedder)
        index = open_index(settings, resources, embedder)
    catalogs = load_catalogs()
    question_cues = load_question_cues(settings.question_cues_dir)
    dialogue_cues = load_dialogue_cues(settings.dialogue_cues_dir)
    retriever = HybridRetriever(resources.corpus, index, embedder, load_ranker(settings), question_cues)
    coverage = Coverage(index.entries)
    gate = ScopeGate(load_scope_model(settings.scope_model, embedder.id, embedder.dim), coverage)
    detector = detector_for(resources, catalogs, question_cues, dialogue_cues)
    phrases = load_phrase_bank(dialogue_cues, embedder, settings.data_dir / "phrases", build=build_if_needed)
    return Pipeline(
        resources=resources,
        embedder=embedder,
        index=index,
        retriever=retriever,
        gate=gate,
        detector=detector,
        catalogs=catalogs,
        understander=Understander(
            resources.corpus,
            retriever,
            gate,
            detector,
            dialogue_cues,
            coverage,
            phrases,
            load_list_model(settings.list_model, embedder.id),
        ),
    )


@dataclass(frozen=True)
class Bot:
    """What one worker serves: the chat service, the staff desk, and the database they share."""

    chat: ChatService
    staff: StaffDesk
    database: Database


def build_bot(
    settings: Settings,
    *,
    build_if_needed: bool = False,
    embedder: Embedder | None = None,
    provider: Translator | None = None,
    database: Database | None = None,
    pipeline: Pipeline | None = None,
) -> Bot:
    """Load everything one worker needs and wire it together."""
    pipeline = pipeline or load_pipeline(settings, build_if_needed=build_if_needed, embedder=embedder)
    database = database or Database(settings.database)
    memory = TranslationMemory(database)
    with database.health.guard("translation_memory"):  # a full disk at start costs the seeding, not the worker
        memory.seed(t for items in pipeline.resources.translations.values() for t in items)
    questions = QuestionLog(database)
    translations = TranslationService(memory, provider or make_provider(settings))
    answerer = Answerer(
        pipeline.resources.corpus, pipeline.catalogs, translations, settings.municipality_url, settings.top_k
    )
    chat = ChatService(
        pipeline,
        answerer,
        tokens=ConversationTokens(conversation_key(settings), settings.conversation_ttl_seconds),
        memory=memory,
        questions=questions,
        translations=translations,
        cache=AnswerCache(settings.cache_size),
        threads=settings.threads,
    )
    staff = StaffDesk(chat, memory, questions, EvalCaseStore(database))
    return Bot(chat=chat, staff=staff, database=database)


def translation_admin(settings: Settings) -> TranslationAdmin:
    """The translation memory with the corpus and provider, without loading any model or index."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    resources = load_resources(settings)
    memory = TranslationMemory(Database(settings.database))
    memory.seed(t for items in resources.translations.values() for t in items)
    return TranslationAdmin(resources.corpus, memory, make_provider(settings))
