"""The chat service: the one place that sequences an answer.

The chat route, the staff console's "try", `kiruna-bot ask`, the eval and the bench all call
`ChatService.answer` (or `trace`, the same sequence with its evidence kept), so they cannot
drift apart. The service owns the answer cache, the thread pools and the question log:

1. the cache (memory only: a repeated question costs no thread hop and no database query);
2. understanding, in a pool sized to the cores: language, one embedding, retrieval, scope;
3. responding, in a larger pool for waiting: translations (memory, maybe the provider), the
   answer text, the question log.

Nothing here touches the database on the event loop: what the cache depends on is refreshed by
`watch`, in a thread, once a second.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

import anyio
import anyio.to_thread

from bot.chat.answer import Answer, ChatRequest
from bot.chat.answering import Answerer
from bot.chat.cache import AnswerCache, InFlight
from bot.chat.conversation import Context, ConversationTokens
from bot.chat.page_preference import page_document
from bot.chat.pipeline import Pipeline
from bot.chat.ranking import LinearRanker
from bot.chat.scope import ScopeGate
from bot.chat.understanding import Plan
from bot.language.messages import Catalogs
from bot.language.supported import LANGUAGES, SOURCE_LANGUAGE
from bot.metrics import ANSWERS
from bot.redaction import redact
from bot.storage.memory import TranslationMemory
from bot.storage.questions import QuestionLog
from bot.translation.service import TranslationService
from corpus.model import Corpus, Sentence
from index.manifest import Manifest

log = logging.getLogger(__name__)
T = TypeVar("T")
# Waiting on a translation provider or the database: many at once, apart from the CPU pool.
IO_THREADS = 32
REFRESH_SECONDS = 1.0


@dataclass(frozen=True)
class Live:
    """What answers are made from right now; swapped as one value, so no answer mixes two versions."""

    pipeline: Pipeline
    answerer: Answerer


@dataclass(frozen=True)
class Turn:
    """An answer and, when it was not served from the cache, the plan it was made from."""

    answer: Answer
    plan: Plan | None


class Follower(Protocol):
    """Follows the published corpus (`bot.following.CorpusFollower`): a new pipeline when it changed."""

    def poll(self, current: Pipeline) -> Pipeline | None: ...


class Pointers(Protocol):
    """Staff's pointers for refused questions (`bot.topics.TopicPointers`)."""

    version: tuple[int, str]

    def refresh(self, pipeline: Pipeline) -> bool: ...

    def point(self, pipeline: Pipeline, question: str, answer: Answer) -> Answer: ...


@dataclass(frozen=True)
class LanguageSupport:
    code: str
    sources: list[str]  # memory, provider, or none


class _Pools:
    """Capacity limiters for the CPU and the waiting pool, one pair per event loop."""

    def __init__(self, cpu: int) -> None:
        self._cpu_size = max(1, cpu)
        self._loop: asyncio.AbstractEventLoop | None = None
        self.cpu = anyio.CapacityLimiter(self._cpu_size)
        self.io = anyio.CapacityLimiter(IO_THREADS)

    def current(self) -> _Pools:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a limiter belongs to the loop that first used it
            self._loop = loop
            self.cpu = anyio.CapacityLimiter(self._cpu_size)
            self.io = anyio.CapacityLimiter(IO_THREADS)
        return self

    async def run_cpu(self, func: Callable[..., T], *args: Any) -> T:
        return await anyio.to_thread.run_sync(func, *args, limiter=self.current().cpu)

    async def run_io(self, func: Callable[..., T], *args: Any) -> T:
        return await anyio.to_thread.run_sync(func, *args, limiter=self.current().io)


class ChatService:
    def __init__(
        self,
        pipeline: Pipeline,
        answerer: Answerer,
        *,
        memory: TranslationMemory,
        questions: QuestionLog,
        translations: TranslationService,
        cache: AnswerCache[tuple[Answer, Context]],
        threads: int,
        tokens: ConversationTokens,
    ) -> None:
        self._live = Live(pipeline, answerer)  # replaced whole by `swap`, never changed in place
        self._tokens = tokens
        self._memory = memory
        self._questions = questions
        self._translations = translations
        self._cache = cache
        self._pools = _Pools(threads)
        self._memory_version: tuple[int, str] = memory.version()
        self._local_edits = 0
        self._follower: Follower | None = None
        self._pointers: Pointers | None = None
        self._inflight = InFlight()

    def attach(self, *, follower: Follower | None = None, pointers: Pointers | None = None) -> None:
        """Follow the published corpus and offer staff's pointers (`bot.wiring.build_bot` attaches both)."""
        self._follower = follower
        self._pointers = pointers

    # -- answering -------------------------------------------------------------------------

    async def answer(self, request: ChatRequest, *, log: bool = True) -> Answer:
        """Answer one message: from the cache when it was answered before, else freshly."""
        return (await self._run(request, use_cache=True, log=log)).answer

    async def trace(self, request: ChatRequest) -> Turn:
        """The answer with the evidence behind it (staff console, eval): never cached, never logged."""
        return await self._run(request, use_cache=False, log=False)

    async def _run(self, request: ChatRequest, *, use_cache: bool, log: bool) -> Turn:
        live = self._live  # one version from start to end, even if another is swapped in meanwhile
        context = self._tokens.read(request.conversation)
        page = page_document(live.pipeline.corpus, request.page)  # the document the widget sits on, if known
        # everything a fresh answer depends on: the exact message (its language is read from it),
        # the requested and the widget's language, the conversation so far, the page, the corpus and memory
        key = (request.message, request.lang, request.ui_lang, context.key() if context else None, page)
        generation = self._generation(live)
        if use_cache:
            hit = self._cache.get(key, generation)
            if hit is not None:
                answer, next_context = hit
                return await self._reuse(answer, next_context, request.message, log)

        async def fresh() -> Turn:
            plan = await self._pools.run_cpu(
                live.pipeline.understander.understand, request.message, request.lang, request.ui_lang, context, page
            )
            return Turn(await self._pools.run_io(self._respond, live, plan, log), plan)

        if not use_cache:
            return await fresh()
        turn, shared = await self._inflight.share((key, generation), fresh)  # asked meanwhile: made once
        if shared and turn.plan is not None:
            return await self._reuse(turn.answer, turn.plan.context, request.message, log)
        # a degraded translation may work next time: only complete answers are kept
        if turn.answer.translation.available and turn.plan is not None and turn.plan.context is not None:
            self._cache.put(key, generation, (turn.answer, turn.plan.context))
        return turn

    async def _reuse(self, made: Answer, context: Context | None, message: str, log: bool) -> Turn:
        """An answer made before (cached, or just now for another request), with an id of its own."""
        token = self._tokens.issue(context) if context is not None else None
        answer = made.model_copy(update={"id": str(uuid.uuid4()), "conversation": token})
        if log:
            await self._pools.run_io(self._log, message, answer)
        return Turn(answer, None)

    def _respond(self, live: Live, plan: Plan, log: bool) -> Answer:
        answer = live.answerer.compose(plan)
        if answer.kind == "out_of_scope" and self._pointers is not None:  # where staff say to turn instead
            answer = self._pointers.point(live.pipeline, plan.message, answer)
        token = self._tokens.issue(plan.context) if plan.context is not None else None
        answer = answer.model_copy(update={"id": str(uuid.uuid4()), "conversation": token})
        if log:
            self._log(plan.message, answer)
        return answer

    def _log(self, message: str, answer: Answer) -> None:
        ANSWERS.labels(answer.lang, str(answer.answered).lower()).inc()
        with self._questions.health.guard("question_log"):  # a log that cannot be written costs no answer
            self._questions.record(
                answer.id,
                redact(message),
                answer.lang,
                answer.detected_lang,
                answer.answered,
                answer.quote.chunk_id if answer.quote else None,
                answer.sources[0].score if answer.sources else None,
                answer.translation.provider,
            )

    # -- what a cached answer depends on ----------------------------------------------------

    def _generation(self, live: Live) -> tuple[str, str, tuple[int, str], int, tuple[int, str] | None]:
        """The corpus and index, the translation memory's last known version, this worker's edits, the topics."""
        manifest = live.pipeline.index.manifest
        topics = self._pointers.version if self._pointers is not None else None
        return (manifest.corpus_hash, manifest.built_at, self._memory_version, self._local_edits, topics)

    def swap(self, pipeline: Pipeline) -> None:
        """Answer from another corpus and index from now on; answers under way finish on the old one."""
        self._live = Live(pipeline, self._live.answerer.for_corpus(pipeline.corpus))

    def refresh(self) -> None:
        """Read the translation memory's version (a database query: call it from a thread)."""
        self._memory_version = self._memory.version()

    def invalidate(self) -> None:
        """This worker changed something answers depend on: cached answers are stale now."""
        self._local_edits += 1

    async def watch(self, every: float = REFRESH_SECONDS) -> None:
        """Keep the cache's view of other workers' translation edits current, and follow the published
        corpus and staff's topics (runs until cancelled)."""
        while True:
            with self._memory.health.guard("translation_memory"):  # retried; answers go on with the last version
                await self._pools.run_io(self.refresh)
            await self.follow()
            await asyncio.sleep(every)

    async def follow(self) -> None:
        """Swap in a newly published corpus and rebuild the topic matcher, each in a thread of its own:
        loading never takes a place in the pools that answer, so no request waits for it."""
        try:
            if self._follower is not None:
                pipeline = await anyio.to_thread.run_sync(self._follower.poll, self._live.pipeline)
                if pipeline is not None:
                    self.swap(pipeline)
            if self._pointers is not None:
                await anyio.to_thread.run_sync(self._pointers.refresh, self._live.pipeline)
        except Exception:  # retried next time; answering goes on with what is loaded
            log.exception("cannot follow the published corpus or the topics")

    # -- what the API and the tools read ----------------------------------------------------

    @property
    def corpus(self) -> Corpus:
        return self._live.pipeline.corpus

    @property
    def pipeline(self) -> Pipeline:
        """What answers are made from right now (staff tools read its model and index)."""
        return self._live.pipeline

    @property
    def manifest(self) -> Manifest:
        return self._live.pipeline.index.manifest

    @property
    def catalogs(self) -> Catalogs:
        return self._live.pipeline.catalogs

    def sentences(self) -> list[tuple[Sentence, str]]:
        """Every sentence of the corpus with the section it stands in."""
        corpus = self.corpus
        return [(s, c.section) for c in corpus.chunks() for s in c.sentences]

    def languages(self) -> list[LanguageSupport]:
        """Where each language's translations come from (reads the database)."""
        counts = self._memory.counts()
        out = []
        for code in LANGUAGES:
            sources = []
            if code == SOURCE_LANGUAGE or counts.get(code):
                sources.append("memory")
            if self._translations.provider.supports(code):
                sources.append("provider")
            out.append(LanguageSupport(code, sources or ["none"]))
        return out

    def record_feedback(self, answer_id: str, helpful: bool) -> None:
        """A resident's thumbs up or down, the last one counts; KeyError for an unknown answer (reads the database)."""
        with self._questions.health.watch("feedback"):
            self._questions.feedback(answer_id, helpful)

    def variant(self, *, ranker: LinearRanker | None = None, gate: ScopeGate | None = None) -> ChatService:
        """The same service with another ranker or scope gate and an empty cache (eval ablations)."""
        p = self._live.pipeline
        retriever = p.retriever.with_ranker(ranker) if ranker is not None else p.retriever
        gate = gate or p.gate
        understander = p.understander.with_parts(retriever, gate)
        pipeline = replace(p, retriever=retriever, gate=gate, understander=understander)
        return ChatService(
            pipeline,
            self._live.answerer,
            memory=self._memory,
            questions=self._questions,
            translations=self._translations,
            cache=AnswerCache(self._cache.maxsize),
            threads=self._pools._cpu_size,
            tokens=self._tokens,
        )

    @property
    def ranker(self) -> LinearRanker:
        return self._live.pipeline.retriever.ranker
