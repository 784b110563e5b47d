"""The intermediate form every document format is read into.

A parser turns a file into a flat list of blocks; `corpus.chunking` turns blocks into
chunks. New formats only need a parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Decision, RelatedLink


@dataclass(frozen=True)
class HeadingBlock:
    text: str
    level: int


@dataclass(frozen=True)
class DecisionBlock:
    text: str
    decision: Decision


@dataclass(frozen=True)
class MetaBlock:
    """A line that states something about the page ("Publicerad av: …", "Senast ändrad: …")."""

    text: str
    field: str
    value: str


@dataclass(frozen=True)
class BodyBlock:
    """Answerable lines, plus the related-link lines that stood among them."""

    lines: tuple[str, ...]
    links: tuple[RelatedLink, ...] = ()
    link_lines: tuple[str, ...] = ()


Block = HeadingBlock | DecisionBlock | MetaBlock | BodyBlock
