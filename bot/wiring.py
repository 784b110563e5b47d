"""Assembles the bot from settings, in one place: the index, the chat pipeline, storage, the staff desk.

Everything else receives its parts ready-made; nothing below this module reads settings to
decide which backend to use.
"""

from __future__ import annotations

import fcntl
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.chat.answering import Answerer
from bot.chat.cache import AnswerCache
from bot.chat.conversation import ConversationTokens
from bot.chat.counted import CountedThings
from bot.chat.coverage import Coverage, item_names
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
from bot.content import ContentDesk
from bot.evaluation.scope_training import training_cases
from bot.following import CorpusFollower
from bot.language.detection import LanguageDetector, TrigramProfiles, Vocabulary
from bot.language.messages import PLACEHOLDER, Catalogs, load_catalogs
from bot.published import published_corpus, seed_sources
from bot.secrets import conversation_key
from bot.service import ChatService
from bot.staff import StaffDesk
from bot.storage.db import Database
from bot.storage.documents import DocumentStore
from bot.storage.eval_cases import EvalCaseStore
from bot.storage.memory import TranslationMemory
from bot.storage.questions import QuestionLog
from bot.storage.topics import TopicStore
from bot.storage.vectors import DatabaseVectorStore
from bot.topics import TopicPointers
from bot.translation.admin import TranslationAdmin
from bot.translation.base import NoTranslator, Translator
from bot.translation.breaker import CircuitBreaker
from bot.translation.google import GoogleTranslator
from bot.translation.service import TranslationService
from corpus.curated_translations import load_translations, translations_hash
from corpus.model import Corpus
from corpus.thesaurus_tables import load_thesaurus, thesaurus_hash
from index.dense import set_search_threads
from index.embedders import Embedder, make_embedder
from index.embedders.cached import CachedEmbedder, text_key
from index.embedders.seed import SeededEmbedder, load_seed
from index.manifest import IndexMismatch, IndexMissing, Manifest
from index.store import LoadedIndex, Resources, build_index, index_key, load_index

log = logging.getLogger(__name__)
# Index folders kept per data dir: the published version and a few before it, for quick rollbacks.
INDEXES_KEPT = 6


@contextmanager
def _opened(settings: Settings, database: Database | None) -> Iterator[Database]:
    """The given database, or one opened (and closed again) for this call."""
    if database is not None:
        yield database
        return
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    opened = Database(settings.database)
    try:
        yield opened
    finally:
        opened.dispose()


def load_resources(settings: Settings, database: Database | None = None) -> Resources:
    """The published corpus (from the database, seeded from the committed files the first time) and
    the curated translations and thesaurus it is indexed with."""
    with _opened(settings, database) as db:
        corpus = published_corpus(settings, DocumentStore(db))
    return resources_for(settings, corpus)


def resources_for(settings: Settings, corpus: Corpus) -> Resources:
    """A corpus with the curated translations and thesaurus it is indexed with."""
    return Resources(
        corpus=corpus,
        translations=load_translations(settings.translations_dir),
        translations_hash=translations_hash(settings.translations_dir),
        thesaurus=load_thesaurus(settings.thesaurus_dir),
        thesaurus_hash=thesaurus_hash(settings.thesaurus_dir),
    )


def index_path(settings: Settings, resources: Resources, embedder: Embedder) -> Path:
    """Where the index of these resources lives: `<data dir>/index/<key>`."""
    key = index_key(
        resources,
        embedder_id=embedder.id,
        dim=embedder.dim,
        analyzer=settings.analyzer,
        dense_kind=settings.dense_index,
    )
    return settings.index_dir / key


@contextmanager
def _building(path: Path) -> Iterator[None]:
    """One build of a folder at a time on this host: the second worker waits, then finds it built."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / f".{path.name}.lock").open("a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build_at(path: Path, settings: Settings, resources: Resources, embedder: Embedder, db: Database) -> Manifest:
    manifest = build_index(
        resources,
        CachedEmbedder(embedder, DatabaseVectorStore(db)),
        path,
        analyzer=settings.analyzer,
        dense_kind=settings.dense_index,
    )
    prune_indexes(settings.index_dir, keep=path)
    return manifest


def build(settings: Settings, resources: Resources, embedder: Embedder, database: Database | None = None) -> Manifest:
    """(Re)build the index of these resources; passage vectors come from the database when it has them."""
    path = index_path(settings, resources, embedder)
    with _opened(settings, database) as db, _building(path):
        return _build_at(path, settings, resources, embedder, db)


def open_index(settings: Settings, resources: Resources, embedder: Embedder) -> LoadedIndex:
    return load_index(
        index_path(settings, resources, embedder),
        resources,
        embedder_id=embedder.id,
        dim=embedder.dim,
        analyzer=settings.analyzer,
    )


def open_or_build(
    settings: Settings, resources: Resources, embedder: Embedder, database: Database | None = None
) -> LoadedIndex:
    """The index of these resources, built first when it is missing or damaged (once per host)."""
    try:
        return open_index(settings, resources, embedder)
    except (IndexMissing, IndexMismatch) as exc:
        reason = exc
    path = index_path(settings, resources, embedder)
    with _opened(settings, database) as db, _building(path):
        try:  # another worker may have built it while this one waited for the lock
            return open_index(settings, resources, embedder)
        except (IndexMissing, IndexMismatch):
            log.warning("building the index: %s", reason)
            _build_at(path, settings, resources, embedder, db)
    return open_index(settings, resources, embedder)


def prune_indexes(root: Path, keep: Path, kept: int = INDEXES_KEPT) -> None:
    """Remove all but the newest few index folders (a worker still answering from one has it in memory)."""
    folders = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in folders[kept - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
        (root / f".{old.name}.lock").unlink(missing_ok=True)


def remember_vectors(index: LoadedIndex, embedder_id: str, database: Database) -> int:
    """Keep the passage vectors of a loaded index in the database, so building the next version embeds only
    what changed (an index copied or built before the database kept vectors). Returns how many were new."""
    dense = index.entries[: index.dense.size]
    keys = {text_key(e.text): row for row, e in enumerate(dense)}
    store = DatabaseVectorStore(database)
    stored = store.get_many(embedder_id, sorted(keys))
    missing = [k for k in keys if k not in stored]
    if missing:
        vectors = index.dense.vectors()
        store.put_many(embedder_id, {k: vectors[keys[k]] for k in missing})
    return len(missing)


def ensure_index(settings: Settings, embedder: Embedder | None = None) -> Manifest:
    """Build the index (and the small-talk examples) if missing or stale; otherwise only check them."""
    with _opened(settings, None) as db:
        resources = load_resources(settings, db)
        embedder = embedder or make_seeded_embedder(settings)
        build_phrases(settings, embedder)
        return open_or_build(settings, resources, embedder, db).manifest


def build_phrases(settings: Settings, embedder: Embedder) -> PhraseBank:
    """The embedded small-talk examples, built into the data dir when missing."""
    return load_phrase_bank(load_dialogue_cues(settings.dialogue_cues_dir), embedder, settings.data_dir / "phrases")


def make_seeded_embedder(settings: Settings) -> Embedder:
    """The configured embedder, reading the vectors of the shipped texts from the seed instead of embedding them."""
    return SeededEmbedder(make_embedder(settings.embedder, settings.threads), load_seed(settings.vector_seed))


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
        # without their placeholders: "{date}" in every language made "date" a word of none in particular
        samples.setdefault(lang, []).extend(PLACEHOLDER.sub(" ", m) for m in messages.values())
    words = {lang: list(texts) for lang, texts in samples.items()}
    for lang, synonyms in resources.thesaurus.by_lang.items():
        words.setdefault(lang, []).extend(w for ws in synonyms.values() for w in ws)
    for table in (question_cues.table, dialogue_cues.table):
        for lang, categories in table.by_lang.items():
            words.setdefault(lang, []).extend(" ".join(c.all_words) for cues in categories.values() for c in cues)
    # the names of the page's lists and their items ("Boende, bebyggelse och livsmiljö"), which residents type
    labelled = [c.heading_path for c in resources.corpus.chunks() if c.kind == "labelled"]
    names = {h for path in labelled for h in path[-2:]}
    return LanguageDetector(TrigramProfiles(dict(samples.items())), Vocabulary(words), names)


def load_pipeline(
    settings: Settings,
    *,
    build_if_needed: bool = False,
    embedder: Embedder | None = None,
    database: Database | None = None,
    reuse: Pipeline | None = None,
) -> Pipeline:
    """The CPU side of answering: corpus, embedder, index, retriever, scope gate, language detector.

    With `build_if_needed`, a missing or stale index is (re)built first. With `reuse`, the model and
    catalogs of a loaded pipeline are kept: a newly published version brings a new corpus and index.
    """
    set_search_threads(settings.threads)
    with _opened(settings, database) as db:
        resources = load_resources(settings, db)
        if reuse is not None:
            embedder = reuse.embedder
        embedder = embedder or make_seeded_embedder(settings)
        if build_if_needed:
            index = open_or_build(settings, resources, embedder, db)
        else:
            index = open_index(settings, resources, embedder)
    catalogs = reuse.catalogs if reuse is not None else load_catalogs()
    question_cues = load_question_cues(settings.question_cues_dir)
    dialogue_cues = load_dialogue_cues(settings.dialogue_cues_dir)
    names = {lang: {t.source: t.text for t in items} for lang, items in resources.translations.items()}
    coverage = Coverage(index.entries, question_cues.table.all_words(), item_names(resources.corpus, names))
    retriever = HybridRetriever(resources.corpus, index, embedder, load_ranker(settings), question_cues, coverage)
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
            names,
            CountedThings(resources.corpus, resources.thesaurus.by_lang),
        ),
    )


@dataclass(frozen=True)
class Bot:
    """What one worker serves: the chat service, the staff and content desks, and the database they share."""

    chat: ChatService
    staff: StaffDesk
    database: Database
    content: ContentDesk


def page_questions() -> list[str]:
    """Questions the page answers (the training set's): what "about the page" means to pointer matching."""
    return list(_page_questions())


@cache
def _page_questions() -> tuple[str, ...]:
    # read once per process: the training set ships with the package, and every bot built asks for it
    return tuple(sorted({c.question for c in training_cases() if c.answer is not None}))


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
    if database is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        database = Database(settings.database)
    pipeline = pipeline or load_pipeline(
        settings, build_if_needed=build_if_needed, embedder=embedder, database=database
    )
    documents = DocumentStore(database)
    if documents.is_empty():  # a pipeline handed in (tests, tools): the database starts from the same seed
        documents.seed(seed_sources(settings))
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
    topics = TopicStore(database)
    pointers = TopicPointers(
        topics, translations, DatabaseVectorStore(database), page_questions(), settings.pointer_model
    )
    pointers.refresh(pipeline)

    def follow(current: Pipeline) -> Pipeline:
        remember_vectors(current.index, current.embedder.id, database)
        return load_pipeline(settings, build_if_needed=True, database=database, reuse=current)

    chat.attach(follower=CorpusFollower(documents, follow), pointers=pointers)

    def prepare(corpus: Corpus) -> LoadedIndex:
        current = chat.pipeline
        remember_vectors(current.index, current.embedder.id, database)
        return open_or_build(settings, resources_for(settings, corpus), current.embedder, database)

    content = ContentDesk(settings, database, memory, prepare=prepare, chat=chat, pointers=pointers)
    staff = StaffDesk(chat, memory, questions, EvalCaseStore(database), extra_sources=content.topic_texts)
    return Bot(chat=chat, staff=staff, database=database, content=content)


def content_desk(settings: Settings) -> ContentDesk:
    """The content desk without a loaded model (`kiruna-bot corpus …`): publishing loads the embedder."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(settings.database)
    resources = load_resources(settings, database)
    memory = TranslationMemory(database)
    memory.seed(t for items in resources.translations.values() for t in items)
    embedders: list[Embedder] = []

    def prepare(corpus: Corpus) -> LoadedIndex:
        if not embedders:
            embedders.append(make_seeded_embedder(settings))
        return open_or_build(settings, resources_for(settings, corpus), embedders[0], database)

    return ContentDesk(settings, database, memory, prepare=prepare)


def translation_admin(settings: Settings) -> TranslationAdmin:
    """The translation memory with the corpus and provider, without loading any model or index."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(settings.database)
    resources = load_resources(settings, database)
    memory = TranslationMemory(database)
    memory.seed(t for items in resources.translations.values() for t in items)
    return TranslationAdmin(resources.corpus, memory, make_provider(settings))
