"""Loads every document in the corpus folder: `NAME.txt` or `NAME.md`, with optional `NAME.toml`.

Dropping a new file into the folder adds a document; its metadata sidecar is optional.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from pathlib import Path

from corpus.blocks import MetaBlock
from corpus.chunking import build_document
from corpus.cleaning import clean_text
from corpus.errors import CorpusError
from corpus.hashing import content_hash
from corpus.model import Corpus, Decision, Document, DocumentMeta
from corpus.parsers import parse_markdown, parse_site_page
from corpus.site_profile import DEFAULT_PROFILE, SiteProfile, load_site_profile

DEFAULT_CORPUS_DIR = Path(__file__).with_name("documents")
_SUFFIXES = (".txt", ".md")


def _meta(path: Path, cleaned: str, default_publisher: str) -> DocumentMeta:
    sidecar = path.with_suffix(".toml")
    data: dict[str, object] = {}
    if sidecar.exists():
        try:
            data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise CorpusError(f"{sidecar}: {exc}") from exc
    first_line = next((ln for ln in cleaned.split("\n") if ln.strip()), path.stem).lstrip("# ")
    adopted = data.get("adopted")
    decision = None
    if isinstance(adopted, dict):
        try:
            decision = Decision(str(adopted["body"]), str(adopted["date"]), str(adopted["paragraph"]))
        except KeyError as exc:
            raise CorpusError(f"{sidecar}: [adopted] needs body, date and paragraph") from exc

    def opt(key: str) -> str | None:
        value = data.get(key)
        return str(value) if value not in (None, "") else None

    return DocumentMeta(
        id=str(data.get("id", path.stem)),
        title=str(data.get("title", first_line)),
        publisher=str(data.get("publisher", default_publisher)),
        language=str(data.get("language", "sv")),
        format=str(data.get("format", "markdown" if path.suffix == ".md" else "site-page")),
        published_by=opt("published_by"),
        last_modified=opt("last_modified"),
        source_url=opt("source_url"),
        adopted=decision,
    )


def load_document(
    path: Path,
    profile: SiteProfile,
    default_publisher: str = "Kiruna kommun",
    source_urls: Mapping[str, str] | None = None,
) -> Document:
    """Read, clean and chunk one document file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc})") from exc
    cleaned = clean_text(raw)
    meta = _meta(path, cleaned, default_publisher)
    if meta.format == "markdown":
        blocks = parse_markdown(cleaned, profile)
    else:
        blocks = parse_site_page(cleaned, meta.title, profile)
    # the page footer fills what the sidecar leaves out
    footer = {b.field: b.value for b in blocks if isinstance(b, MetaBlock)}
    meta = DocumentMeta(
        **{
            **meta.__dict__,
            "published_by": meta.published_by or footer.get("published_by"),
            "last_modified": meta.last_modified or footer.get("last_modified"),
            "source_url": (source_urls or {}).get(meta.id) or meta.source_url,
        }
    )
    doc = build_document(meta, blocks)
    if not doc.chunks:
        raise CorpusError(f"{path}: no answerable text found")
    return doc


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.iterdir() if p.suffix in _SUFFIXES and p.is_file())


def load_corpus(
    corpus_dir: Path = DEFAULT_CORPUS_DIR,
    profile_path: Path = DEFAULT_PROFILE,
    default_publisher: str = "Kiruna kommun",
    source_urls: Mapping[str, str] | None = None,
) -> Corpus:
    """All documents of a corpus folder, with the hash of their content."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    profile = load_site_profile(profile_path)
    files = corpus_files(corpus_dir)
    if not files:
        raise CorpusError(f"no documents (*.txt, *.md) in {corpus_dir}")
    docs = [load_document(p, profile, default_publisher, source_urls) for p in files]
    ids = [d.meta.id for d in docs]
    if len(set(ids)) != len(ids):
        raise CorpusError(f"duplicate document ids in {corpus_dir}: {ids}")
    sidecars = [p.with_suffix(".toml") for p in files if p.with_suffix(".toml").exists()]
    digest = content_hash(sorted(files + sidecars + [profile_path]))
    # source URLs come from settings too, and they are part of what a quote shows
    if source_urls:
        digest = hashlib.sha256((digest + repr(sorted(source_urls.items()))).encode()).hexdigest()
    return Corpus(documents=docs, content_hash=digest)
