"""The content desk: staff keep the bot current without a developer, a rebuild or a restart.

1. import a changed page (a saved HTML page, a URL, or a text/Markdown file) as a new version;
2. review it against the published version: the sentences added, removed and reworded, the
   translations that go stale, the eval cases and logged answers that pointed at what changed;
3. publish it (or roll back to any earlier version): the index is built in the background and
   every worker swaps it in when it is ready (`bot.following`), so no request fails or waits;
4. write pointers for topics the page does not cover (`bot.topics`), helped by the refused
   questions grouped by meaning (`bot.clusters`).

The staff API and `kiruna-bot corpus …` call these methods, from a thread: they read and write
the database, parse pages and may embed text.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import numpy as np

from bot.chat.page_preference import normalize_url
from bot.clusters import Cluster, cluster_questions
from bot.config import Settings
from bot.evaluation.dataset import load_cases
from bot.fetching import fetch_page
from bot.language.supported import LANGUAGES, SOURCE_LANGUAGE
from bot.published import corpus_of
from bot.service import ChatService
from bot.storage.db import Database
from bot.storage.documents import DocumentStore, Publication, StoredVersion
from bot.storage.eval_cases import EvalCaseStore
from bot.storage.memory import TranslationMemory
from bot.storage.question_stats import AnsweredFrom, answered_from, refused
from bot.storage.topics import STATUSES, Topic, TopicDraft, TopicStore
from bot.topics import TopicPointers
from corpus.diff import DocumentDiff, diff_documents
from corpus.html_import import source_from_html
from corpus.model import Corpus, Document
from corpus.segments import corpus_segments
from corpus.site_profile import load_site_profile
from corpus.sources import CorpusError, DocumentSource, Link, document_from_source, read_sidecar, source_from_text

log = logging.getLogger(__name__)
_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,199}$")
_HTML_SUFFIXES = (".html", ".htm")
_TEXT_SUFFIXES = (".txt", ".md")
MAX_EXAMPLES = 30
EMBED_BATCH = 64


class ContentError(ValueError):
    """A request the desk refuses, with a message for staff (the API answers 4xx with it)."""


class AlreadyPublished(ContentError):
    """The version asked for is the one published now."""


@dataclass(frozen=True)
class ImportResult:
    version: StoredVersion
    created: bool  # False: the same content was imported before, as this version
    published: str | None  # the document's published version, if any
    diff: DocumentDiff  # against the published version


@dataclass(frozen=True)
class StaleInLanguage:
    """Translations that go stale in one language when a version is published."""

    lang: str
    count: int
    reviewed: int
    curated: int
    texts: list[str]  # the Swedish texts whose translations go stale


@dataclass(frozen=True)
class AffectedCase:
    id: str
    lang: str
    question: str
    answer: str


@dataclass
class ChangeReport:
    """What publishing a version changes, for staff to review first."""

    doc_id: str
    version: str
    against: str | None
    diff: DocumentDiff
    stale: list[StaleInLanguage] = field(default_factory=list)
    untranslated: dict[str, int] = field(default_factory=dict)  # new texts without a translation, per language
    eval_cases: list[AffectedCase] = field(default_factory=list)
    questions: list[AnsweredFrom] = field(default_factory=list)


def _check_doc_id(doc_id: str) -> str:
    if not _DOC_ID.match(doc_id):
        raise ContentError("a document id is lower-case letters, digits and dashes, at most 200 characters")
    return doc_id


class ContentDesk:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        memory: TranslationMemory,
        *,
        prepare: Callable[[Corpus], object],
        chat: ChatService | None = None,
        pointers: TopicPointers | None = None,
    ) -> None:
        """`prepare(corpus)` opens or builds the index of a corpus (in the background, when publishing)."""
        self._settings = settings
        self._db = database
        self._memory = memory
        self._prepare = prepare
        self._chat = chat
        self._pointers = pointers
        self._store = DocumentStore(database)
        self._topics = TopicStore(database)
        self._profile = load_site_profile(settings.site_profile)
        self._builds: list[threading.Thread] = []

    # -- documents and versions ---------------------------------------------------------------------

    def versions(self, doc_id: str | None = None) -> list[StoredVersion]:
        return self._store.versions(doc_id)

    def version(self, version_id: str) -> StoredVersion:
        """KeyError for an unknown id."""
        return self._store.version(version_id)

    def published(self) -> dict[str, str]:
        return dict(self._store.published())

    def serving(self) -> dict[str, str]:
        """The versions this worker answers from right now."""
        if self._chat is None:
            return {}
        return {d.meta.id: d.meta.version or "" for d in self._chat.corpus.documents}

    def publications(self, limit: int = 50) -> list[Publication]:
        return self._store.publications(limit)

    def publication(self, publication_id: int) -> Publication:
        return self._store.publication(publication_id)

    def document(self, version: StoredVersion) -> Document:
        return document_from_source(
            version.source, self._profile, source_urls=self._settings.source_urls, version=version.id
        )

    # -- import ---------------------------------------------------------------------------------------

    def import_content(
        self, content: str, name: str, by: str, *, doc_id: str | None = None, metadata: dict[str, object] | None = None
    ) -> ImportResult:
        """A saved HTML page (`.html`), page text (`.txt`) or Markdown (`.md`) as a new version."""
        if len(content.encode("utf-8")) > self._settings.import_max_bytes:
            raise ContentError(f"{name} is larger than {self._settings.import_max_bytes} bytes")
        suffix = Path(name).suffix.lower()
        looks_html = content.lstrip()[:1000].lower().startswith(("<!doctype html", "<html"))
        try:
            if suffix in _HTML_SUFFIXES or (suffix not in _TEXT_SUFFIXES and looks_html):
                source = source_from_html(content, self._profile, default_publisher=self._settings.publisher)
            elif suffix in _TEXT_SUFFIXES or not suffix:
                source = source_from_text(
                    content,
                    name=name,
                    suffix=suffix or ".txt",
                    profile=self._profile,
                    metadata=metadata,
                    default_publisher=self._settings.publisher,
                )
            else:
                raise ContentError(f"{name}: import a saved page (.html), page text (.txt) or Markdown (.md)")
        except CorpusError as exc:
            raise ContentError(str(exc)) from exc
        explicit = {str(k) for k in (metadata or {})}
        return self._import(source, name, by, doc_id, explicit)

    def import_file(self, path: Path, by: str, *, doc_id: str | None = None) -> ImportResult:
        """A file on disk, with its `NAME.toml` metadata beside it if there is one (the CLI)."""
        try:
            content = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ContentError(f"{path}: not UTF-8 text") from exc
        metadata = read_sidecar(path) if path.suffix.lower() in _TEXT_SUFFIXES else {}
        return self.import_content(content, path.name, by, doc_id=doc_id, metadata=metadata or None)

    def import_url(self, url: str, by: str, *, doc_id: str | None = None) -> ImportResult:
        """The page at a URL of the municipality's site (network; hosts, deadline and size as configured)."""
        s = self._settings
        fetched = fetch_page(
            url, allowed_hosts=s.import_host_list, deadline=s.import_deadline, max_bytes=s.import_max_bytes
        )
        try:
            if "html" in fetched.content_type or fetched.text.lstrip()[:1000].lower().startswith(
                ("<!doctype", "<html")
            ):
                source = source_from_html(
                    fetched.text, self._profile, base_url=fetched.url, default_publisher=s.publisher
                )
            else:
                name = Path(fetched.url.rstrip("/")).name or "page.txt"
                suffix = ".md" if "markdown" in fetched.content_type or name.endswith(".md") else ".txt"
                source = source_from_text(fetched.text, name=name, suffix=suffix, profile=self._profile)
                source = replace(source, source_url=fetched.url)
        except CorpusError as exc:
            raise ContentError(str(exc)) from exc
        return self._import(source, fetched.url, by, doc_id, set())

    def _import(
        self, source: DocumentSource, origin: str, by: str, doc_id: str | None, explicit: set[str]
    ) -> ImportResult:
        target = _check_doc_id(doc_id) if doc_id else self._document_for(source)
        base = self._base_version(target)
        source = self._inherit(replace(source, doc_id=target), base, explicit)
        try:
            new_doc = document_from_source(source, self._profile, source_urls=self._settings.source_urls)
        except CorpusError as exc:
            raise ContentError(str(exc)) from exc
        version, created = self._store.add(source, origin, by)
        published = self.published().get(target)
        old_doc = self.document(self._store.version(published)) if published else None
        return ImportResult(version, created, published, diff_documents(old_doc, new_doc))

    def _document_for(self, source: DocumentSource) -> str:
        """The document a page is a version of: the one with its address, else with its title, else a new one."""
        versions = self._store.published_versions()
        if source.source_url:
            wanted = normalize_url(source.source_url)
            for v in versions:
                if v.source.source_url and normalize_url(v.source.source_url) == wanted:
                    return v.doc_id
        for v in versions:
            if v.source.title == source.title:
                return v.doc_id
        return _check_doc_id(source.doc_id)

    def _base_version(self, doc_id: str) -> StoredVersion | None:
        published = self.published().get(doc_id)
        if published:
            return self._store.version(published)
        existing = self._store.versions(doc_id)
        return existing[0] if existing else None

    def _inherit(self, source: DocumentSource, base: StoredVersion | None, explicit: set[str]) -> DocumentSource:
        """What a page does not say about itself comes from the document's current version: its publisher,
        the decision that adopted it, its address, and the addresses of "Läs mer" lines it still has."""
        old = base.source if base is not None else None
        address = source.source_url or (old.source_url if old else None)
        urls = {link.text: link.url for link in old.links} if old else {}
        for link in source.links:  # a relative link of a saved page: resolved against the page's address
            url = urljoin(address, link.url) if address else link.url
            if urlsplit(url).scheme in ("http", "https"):
                urls[link.text] = url
        lines = set(source.text.split("\n"))
        links = tuple(Link(text, url) for text, url in urls.items() if text in lines)
        if old is None:
            return replace(source, links=links)
        return replace(
            source,
            publisher=source.publisher if "publisher" in explicit else old.publisher,
            adopted=source.adopted or old.adopted,
            source_url=address,
            links=links,
        )

    # -- review ---------------------------------------------------------------------------------------

    def published_corpus(self) -> Corpus:
        return corpus_of(self._store.published_versions(), self._settings)

    def review(self, version_id: str, against: str | None = None) -> ChangeReport:
        """What publishing `version_id` changes, against the published version (or `against`)."""
        new_v = self._store.version(version_id)
        old_id = against or self.published().get(new_v.doc_id)
        old_v = self._store.version(old_id) if old_id else None
        if old_v is not None and old_v.doc_id != new_v.doc_id:
            raise ContentError(f"{old_v.id} is a version of {old_v.doc_id}, not of {new_v.doc_id}")
        new_doc = self.document(new_v)
        old_doc = self.document(old_v) if old_v else None
        diff = diff_documents(old_doc, new_doc)
        report = ChangeReport(new_v.doc_id, new_v.id, old_v.id if old_v else None, diff)
        others = [d for d in self.published_corpus().documents if d.meta.id != new_v.doc_id]

        def texts(docs: list[Document]) -> set[str]:
            return {seg.text for seg in corpus_segments(Corpus(docs, ""))}

        after = texts([*others, new_doc])
        before = texts([*others, old_doc]) if old_doc is not None else texts(others)
        gone = sorted(before - after)
        new = sorted(after - before)
        for code in LANGUAGES:
            if code == SOURCE_LANGUAGE:
                continue
            stale = self._memory.get_many(gone, code) if gone else {}
            if stale:
                entries = list(stale.values())
                report.stale.append(
                    StaleInLanguage(
                        code,
                        len(entries),
                        sum(e.reviewed for e in entries),
                        sum(e.provider == "curated" for e in entries),
                        sorted(stale),
                    )
                )
            if new:
                report.untranslated[code] = len(new) - len(self._memory.get_many(new, code))
        changed = diff.old_texts()
        cases = [(c.id, c.lang, c.question, c.answer) for c in load_cases()]
        cases += [(f"staff-{c.id}", c.lang, c.question, c.answer) for c in EvalCaseStore(self._db).all()]
        report.eval_cases = [AffectedCase(i, lang, q, a) for i, lang, q, a in cases if a is not None and a in changed]
        report.questions = answered_from(self._db, diff.old_chunks())
        return report

    # -- publish and roll back -------------------------------------------------------------------------

    def publish(self, version_id: str, by: str, *, wait: bool = False) -> Publication:
        """Build the version's index in the background, then publish it; every worker follows within seconds."""
        return self._start(version_id, by, "publish", wait)

    def rollback(self, version_id: str, by: str, *, wait: bool = False) -> Publication:
        """Publish an earlier version again, the same way."""
        version = self._store.version(version_id)
        current = self.published().get(version.doc_id)
        if current is not None and self._store.version(current).number <= version.number:
            raise ContentError(f"{version_id} is not earlier than the published version {current}: publish it instead")
        return self._start(version_id, by, "rollback", wait)

    def _start(self, version_id: str, by: str, action: str, wait: bool) -> Publication:
        version = self._store.version(version_id)
        if self.published().get(version.doc_id) == version_id:
            raise AlreadyPublished(f"{version_id} is already the published version of {version.doc_id}")
        try:
            self.document(version)
        except CorpusError as exc:
            raise ContentError(str(exc)) from exc
        publication = self._store.start_publication(version_id, action, by)
        thread = threading.Thread(
            target=self._build_and_publish, args=(publication, version), name=f"publish-{publication.id}", daemon=True
        )
        self._builds = [t for t in self._builds if t.is_alive()] + [thread]
        thread.start()
        if wait:
            thread.join()
            return self._store.publication(publication.id)
        return publication

    def _build_and_publish(self, publication: Publication, version: StoredVersion) -> None:
        try:
            versions = {v.doc_id: v for v in self._store.published_versions()}
            versions[version.doc_id] = version
            self._prepare(corpus_of(list(versions.values()), self._settings))
        except Exception as exc:  # the publication fails with the reason; the published version stays
            log.exception("publishing %s failed", version.id)
            self._store.finish_publication(publication.id, error=f"{type(exc).__name__}: {exc}")
            return
        self._store.finish_publication(publication.id)
        log.info("published %s of %s (%s)", version.id, version.doc_id, publication.action)

    def wait(self, timeout: float | None = None) -> None:
        """Until the builds this desk started are done (the CLI and tests)."""
        for thread in list(self._builds):
            thread.join(timeout)

    # -- topics -----------------------------------------------------------------------------------------

    def topics(self) -> list[Topic]:
        return self._topics.all()

    def topic(self, topic_id: int) -> Topic:
        return self._topics.get(topic_id)

    def save_topic(self, draft: TopicDraft, by: str, topic_id: int | None = None) -> Topic:
        """Add a topic (or change one); KeyError for an unknown id."""
        draft = _checked(draft)
        topic = self._topics.add(draft, by) if topic_id is None else self._topics.update(topic_id, draft, by)
        self._topics_changed()
        return topic

    def delete_topic(self, topic_id: int) -> None:
        self._topics.delete(topic_id)
        self._topics_changed()

    def _topics_changed(self) -> None:
        """This worker answers with the change at once; the others within a second (their watch)."""
        if self._chat is not None and self._pointers is not None:
            self._pointers.refresh(self._chat.pipeline)
            self._chat.invalidate()

    def topic_texts(self) -> list[str]:
        """Every topic's Swedish text: current sources for the translation memory, like the page's sentences."""
        return [t.text for t in self._topics.all() if t.text]

    def clusters(self, limit: int = 300) -> list[Cluster]:
        """Refused questions grouped by meaning, across languages, largest first (embeds them: seconds)."""
        if self._chat is None:
            raise ContentError("grouping questions needs the model: ask a running server")
        items = refused(self._db, limit)
        if not items:
            return []
        pipeline = self._chat.pipeline
        texts = [t for t, _, _ in items]
        vectors = np.vstack(
            [pipeline.embedder.embed_queries(texts[i : i + EMBED_BATCH]) for i in range(0, len(texts), EMBED_BATCH)]
        )
        reference = self._pointers.reference_mean(pipeline) if self._pointers is not None else None
        clusters = cluster_questions(items, vectors, reference)
        if self._pointers is not None:
            for c in clusters:
                found = self._pointers.match(pipeline, c.label)
                c.covered_by = found.topic.name if found else None
        return clusters


def _checked(draft: TopicDraft) -> TopicDraft:
    name = draft.name.strip()
    examples = tuple(e.strip() for e in draft.examples if e.strip())
    text, url = draft.text.strip(), draft.url.strip()
    if not name:
        raise ContentError("a topic needs a name")
    if draft.status not in STATUSES:
        raise ContentError(f"status is one of {', '.join(STATUSES)}")
    if len(examples) > MAX_EXAMPLES:
        raise ContentError(f"at most {MAX_EXAMPLES} example questions")
    if url and not re.match(r"^https?://[^\s/]+", url):
        raise ContentError("the link must be an http(s) address")
    if draft.status == "active" and not (examples and text and url):
        raise ContentError("an active topic needs example questions, a Swedish text and a link")
    return TopicDraft(name, examples, text, url, draft.status)
