"""A document as it is stored and versioned: its cleaned source text and its metadata.

Every way a document comes in (the committed seed files, a saved HTML page, a URL, a text or
Markdown upload) ends as a `DocumentSource`; the database keeps one per version and the bot
builds the `Document` it answers from with `document_from_source`, so a version is read back
exactly as it was imported. The version id is a hash of the source: the same page imported twice
is the same version, on any host.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from corpus.blocks import DecisionBlock, MetaBlock
from corpus.chunking import build_document, slug
from corpus.cleaning import clean_text
from corpus.errors import CorpusError, read_text
from corpus.model import Decision, Document, DocumentMeta, RelatedLink
from corpus.parsers import parse_markdown, parse_site_page
from corpus.site_profile import SiteProfile

FORMATS = ("site-page", "markdown")


@dataclass(frozen=True)
class Link:
    """A "Läs mer …" line of the page and the address it points to."""

    text: str
    url: str


@dataclass(frozen=True)
class DocumentSource:
    """What one version of a document is: cleaned text in a known format, and its metadata."""

    doc_id: str
    format: str
    text: str
    title: str
    publisher: str
    language: str = "sv"
    published_by: str | None = None
    last_modified: str | None = None
    source_url: str | None = None
    adopted: Decision | None = None
    links: tuple[Link, ...] = ()
    decisions: tuple[str, ...] = ()  # decision lines found in the text, as written
    extra: dict[str, str] = field(default_factory=dict)

    def meta_json(self) -> dict[str, Any]:
        """The metadata as stored beside the text."""
        return {
            "title": self.title,
            "publisher": self.publisher,
            "language": self.language,
            "published_by": self.published_by,
            "last_modified": self.last_modified,
            "source_url": self.source_url,
            "adopted": None
            if self.adopted is None
            else {"body": self.adopted.body, "date": self.adopted.date, "paragraph": self.adopted.paragraph},
            "links": [{"text": link.text, "url": link.url} for link in self.links],
            "decisions": list(self.decisions),
        }

    @classmethod
    def from_json(cls, doc_id: str, fmt: str, text: str, meta: Mapping[str, Any]) -> DocumentSource:
        adopted = meta.get("adopted")
        return cls(
            doc_id=doc_id,
            format=fmt,
            text=text,
            title=str(meta.get("title") or doc_id),
            publisher=str(meta.get("publisher") or ""),
            language=str(meta.get("language") or "sv"),
            published_by=meta.get("published_by"),
            last_modified=meta.get("last_modified"),
            source_url=meta.get("source_url"),
            adopted=Decision(adopted["body"], adopted["date"], adopted["paragraph"]) if adopted else None,
            links=tuple(Link(str(x["text"]), str(x["url"])) for x in meta.get("links", [])),
            decisions=tuple(str(x) for x in meta.get("decisions", [])),
        )

    @property
    def version_id(self) -> str:
        """A hash of everything that makes this version: the same content gives the same id."""
        canonical = json.dumps(
            {"doc": self.doc_id, "format": self.format, "text": self.text, "meta": self.meta_json()},
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def new_doc_id(title: str) -> str:
    """The id of a document first seen with this title: "Vision, mål och varumärke" -> vision-mal-och-varumarke."""
    return slug(title)


def read_sidecar(path: Path) -> dict[str, Any]:
    """The TOML metadata beside a document file (`NAME.toml`), or nothing."""
    sidecar = path.with_suffix(".toml")
    if not sidecar.exists():
        return {}
    try:
        return tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{sidecar}: {exc}") from exc


def source_from_text(
    raw: str,
    *,
    name: str,
    suffix: str,
    profile: SiteProfile,
    metadata: Mapping[str, Any] | None = None,
    default_publisher: str = "Kiruna kommun",
) -> DocumentSource:
    """A text or Markdown document (site page text, `.txt`; or `.md`) with optional sidecar metadata."""
    data = dict(metadata or {})
    cleaned = clean_text(raw)
    if not cleaned.strip():
        raise CorpusError(f"{name}: the document is empty")
    fmt = str(data.get("format", "markdown" if suffix == ".md" else "site-page"))
    if fmt not in FORMATS:
        raise CorpusError(f"{name}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    first_line = next((ln for ln in cleaned.split("\n") if ln.strip()), name).lstrip("# ")
    adopted = data.get("adopted")
    decision = None
    if isinstance(adopted, dict):
        try:
            decision = Decision(str(adopted["body"]), str(adopted["date"]), str(adopted["paragraph"]))
        except KeyError as exc:
            raise CorpusError(f"{name}: [adopted] needs body, date and paragraph") from exc

    def opt(key: str) -> str | None:
        value = data.get(key)
        return str(value) if value not in (None, "") else None

    title = str(data.get("title", first_line))
    blocks = parse_site_page(cleaned, title, profile) if fmt == "site-page" else parse_markdown(cleaned, profile)
    footer = {b.field: b.value for b in blocks if isinstance(b, MetaBlock)}
    decisions = [b.text for b in blocks if isinstance(b, DecisionBlock)]
    return DocumentSource(
        doc_id=str(data.get("id", Path(name).stem)),
        format=fmt,
        text=cleaned,
        title=title,
        publisher=str(data.get("publisher", default_publisher)),
        language=str(data.get("language", "sv")),
        published_by=opt("published_by") or footer.get("published_by"),
        last_modified=opt("last_modified") or footer.get("last_modified"),
        source_url=opt("source_url"),
        adopted=decision,
        links=tuple(Link(str(k), str(v)) for k, v in dict(data.get("links", {})).items()),
        decisions=tuple(decisions),
    )


def source_from_file(path: Path, profile: SiteProfile, default_publisher: str = "Kiruna kommun") -> DocumentSource:
    """One committed document file and its sidecar."""
    return source_from_text(
        read_text(path),
        name=path.name,
        suffix=path.suffix,
        profile=profile,
        metadata=read_sidecar(path),
        default_publisher=default_publisher,
    )


def document_from_source(
    source: DocumentSource,
    profile: SiteProfile,
    *,
    source_urls: Mapping[str, str] | None = None,
    version: str | None = None,
) -> Document:
    """Parse and chunk one version; its "Läs mer" lines get the addresses the import found."""
    meta = DocumentMeta(
        id=source.doc_id,
        title=source.title,
        publisher=source.publisher,
        language=source.language,
        format=source.format,
        published_by=source.published_by,
        last_modified=source.last_modified,
        source_url=(source_urls or {}).get(source.doc_id) or source.source_url,
        adopted=source.adopted,
        version=version,
    )
    if source.format == "markdown":
        blocks = parse_markdown(source.text, profile)
    else:
        blocks = parse_site_page(source.text, source.title, profile)
    doc = build_document(meta, blocks)
    if not doc.chunks:
        raise CorpusError(f"{source.doc_id}: no answerable text found")
    urls = {link.text: link.url for link in source.links}
    if urls:
        doc.chunks = [
            replace(c, related_links=tuple(_with_url(r, urls) for r in c.related_links)) if c.related_links else c
            for c in doc.chunks
        ]
    return doc


def _with_url(link: RelatedLink, urls: Mapping[str, str]) -> RelatedLink:
    url = urls.get(link.text) or urls.get(link.title)
    return replace(link, url=url) if url and not link.url else link


__all__ = [
    "FORMATS",
    "CorpusError",
    "DocumentSource",
    "Link",
    "document_from_source",
    "new_doc_id",
    "read_sidecar",
    "source_from_file",
    "source_from_text",
]
