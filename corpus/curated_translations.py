"""Curated translations of the corpus, one gettext PO file per language.

PO is what translators' tools (Poedit, Weblate, Lokalise) edit and what diffs read well.
`msgid` is the Swedish text, `msgstr` its translation. A translation is unreviewed until a
staff member approves it; approval is written back as the `reviewed` flag and a
`reviewer:` comment.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from corpus.errors import CorpusError
from corpus.hashing import content_hash
from corpus.segments import Segment

DEFAULT_TRANSLATIONS_DIR = Path(__file__).with_name("translations")
REVIEWED_FLAG = "reviewed"
_REVIEWER_PREFIX = "reviewer:"


def source_hash(text: str) -> str:
    """The key of a Swedish source text: an edit to the text changes it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class CuratedTranslation:
    lang: str
    source: str
    text: str
    reviewed: bool = False
    reviewer: str | None = None


def read_translations(path: Path) -> list[CuratedTranslation]:
    """Translations of one PO file; the language is the file name (`fi.po` -> `fi`)."""
    lang = path.stem
    try:
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=None, abort_invalid=True)
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    except PoFileError as exc:
        raise CorpusError(f"{path}: not a valid PO file ({exc})") from exc
    out: list[CuratedTranslation] = []
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not isinstance(message.string, str):
            continue
        if not message.string.strip():
            continue
        reviewer = next(
            (c[len(_REVIEWER_PREFIX) :].strip() for c in message.user_comments if c.startswith(_REVIEWER_PREFIX)),
            None,
        )
        out.append(
            CuratedTranslation(
                lang=lang,
                source=message.id,
                text=message.string,
                reviewed=REVIEWED_FLAG in message.flags,
                reviewer=reviewer,
            )
        )
    return out


def load_translations(directory: Path = DEFAULT_TRANSLATIONS_DIR) -> dict[str, list[CuratedTranslation]]:
    """Every language's curated translations, by language code."""
    if not directory.is_dir():
        return {}
    return {p.stem: read_translations(p) for p in sorted(directory.glob("*.po"))}


def translations_hash(directory: Path = DEFAULT_TRANSLATIONS_DIR) -> str:
    return content_hash(sorted(directory.glob("*.po")) if directory.is_dir() else [])


def write_translations(
    path: Path,
    lang: str,
    segments: list[Segment],
    translations: dict[str, CuratedTranslation],
) -> None:
    """Write one language's file: every segment in corpus order, translated or empty."""
    catalog = Catalog(locale=None, project="kiruna-vision-bot", charset="utf-8", fuzzy=False)
    for seg in segments:
        tr = translations.get(seg.text)
        flags = [REVIEWED_FLAG] if tr and tr.reviewed else []
        comments = [f"{_REVIEWER_PREFIX} {tr.reviewer}"] if tr and tr.reviewed and tr.reviewer else []
        catalog.add(
            seg.text,
            string=tr.text if tr else "",
            locations=[(loc, 0) for loc in seg.locations],
            flags=flags,
            user_comments=comments,
            auto_comments=[seg.kind],
        )
    catalog.language_team = lang
    with path.open("wb") as fh:
        write_po(fh, catalog, width=0, omit_header=False, sort_output=False)
