"""Typed records for documents, their chunks and sentences.

Offsets always point into `Document.text`, the cleaned text of the page, so a quote
can be checked character for character against what the municipality published.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decision:
    """A political decision that adopted a text, e.g. kommunfullmäktige 2013-05-27, § 68."""

    body: str
    date: str
    paragraph: str

    def reference(self) -> str:
        """The reference as the page writes it."""
        return f"Antagen av {self.body} {self.date}, {self.paragraph}"


@dataclass(frozen=True)
class DocumentMeta:
    """What a resident needs to judge a quote's authority."""

    id: str
    title: str
    publisher: str
    language: str = "sv"
    format: str = "site-page"
    published_by: str | None = None
    last_modified: str | None = None
    source_url: str | None = None
    adopted: Decision | None = None
    version: str | None = None  # the document version in the database, once documents live there


@dataclass(frozen=True)
class RelatedLink:
    """A "Läs mer om …" line: shown as further reading, never quoted as an answer."""

    title: str
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a chunk; `start`/`end` index `Document.text`."""

    id: str
    chunk_id: str
    text: str
    start: int
    end: int
    is_lead: bool = False


@dataclass(frozen=True)
class Chunk:
    """A passage that answers on its own: one structural unit of the page."""

    id: str
    doc_id: str
    heading_path: tuple[str, ...]
    kind: str
    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    related_links: tuple[RelatedLink, ...] = ()
    decision: Decision | None = None
    companions: tuple[str, ...] = ()

    @property
    def section(self) -> str:
        """The heading path as residents see it on the page."""
        return " › ".join(self.heading_path)


@dataclass(frozen=True)
class Heading:
    """A heading of the page, with the chunks that stand under it."""

    text: str
    level: int
    chunk_ids: tuple[str, ...]


@dataclass
class Document:
    """A cleaned document: its text, structure and metadata."""

    meta: DocumentMeta
    text: str
    chunks: list[Chunk] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


@dataclass
class Corpus:
    """All documents the bot answers from, and a hash that identifies their content."""

    documents: list[Document]
    content_hash: str

    def chunks(self) -> list[Chunk]:
        return [c for d in self.documents for c in d.chunks]

    def chunk(self, chunk_id: str) -> Chunk:
        for c in self.chunks():
            if c.id == chunk_id:
                return c
        raise KeyError(chunk_id)

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.meta.id == doc_id:
                return d
        raise KeyError(doc_id)

    def sentences(self) -> list[Sentence]:
        return [s for c in self.chunks() for s in c.sentences]
