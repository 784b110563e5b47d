"""Structure-aware chunking: one chunk per structural unit of the page.

A chunk is what answers a question on its own: the adopted vision, its official
interpretation, one strategic direction with its goal, one prose section. The page's single
lines that state a fact are chunks too, so a question about that fact quotes the line itself:
the decision that adopted a section ("Antagen av kommunfullmäktige …"), the page's own details
("Publicerad av: …", "Senast ändrad: …") and each "Läs mer om …" line. Each chunk keeps its
heading path and its sentences, with offsets into the cleaned document text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from corpus.blocks import Block, BodyBlock, DecisionBlock, HeadingBlock, MetaBlock
from corpus.model import Chunk, Decision, Document, DocumentMeta, Heading, RelatedLink, Sentence
from corpus.sentences import split_sentences

_LABEL_LINE = re.compile(r"^(?P<label>[\wÅÄÖåäö ]{2,30}):\s+(?P<value>.+)$")
# Chunks that are one line stating a fact about their section or the page: quoted when that fact
# is asked for, never as the passage that answers a question about the section itself.
LINE_KINDS = frozenset({"decision", "meta", "link"})


def slug(text: str) -> str:
    """An ASCII id fragment: "Hur når vi visionen?" -> "hur-nar-vi-visionen"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


def _label_of(lines: tuple[str, ...]) -> tuple[str | None, str]:
    """A sub-heading carried by the block itself, and the chunk kind it implies."""
    first = lines[0]
    m = _LABEL_LINE.match(first)
    if m and not m["value"].endswith((".", "!", "?")):
        return m["value"], "labelled"
    if first.endswith(":") and len(lines) > 1:
        return first[:-1], "lead"
    return None, "prose"


class _TextBuilder:
    """Joins blocks with blank lines and hands out offsets into the result."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> int:
        if self.parts:
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def text(self) -> str:
        return "\n\n".join(self.parts)


def build_document(meta: DocumentMeta, blocks: list[Block]) -> Document:
    """Chunks, headings and cleaned text of one document."""
    builder = _TextBuilder()
    path: dict[int, str] = {}
    section_decision: Decision | None = None
    chunks: list[Chunk] = []
    heading_chunks: dict[tuple[str, ...], list[str]] = {}
    used_ids: set[str] = set()

    for block in blocks:
        section = tuple(path[lvl] for lvl in sorted(path))
        if isinstance(block, HeadingBlock):
            builder.add(block.text)
            if block.level >= 2:
                path = {lvl: t for lvl, t in path.items() if lvl < block.level}
                path[block.level] = block.text
                section_decision = None
            continue
        if isinstance(block, DecisionBlock):
            section_decision = block.decision
            start = builder.add(block.text)
            chunks.append(_line_chunk(meta, "decision", section, block.text, start, used_ids, decision=block.decision))
            heading_chunks.setdefault(section, []).append(chunks[-1].id)
            continue
        if isinstance(block, MetaBlock):
            start = builder.add(block.text)
            chunks.append(_line_chunk(meta, "meta", (), block.text, start, used_ids, name=block.field))
            continue
        if not block.lines:
            if chunks and block.links:
                owner = next(c for c in reversed(chunks) if c.kind not in LINE_KINDS)
                i = chunks.index(owner)
                chunks[i] = replace(owner, related_links=owner.related_links + block.links)
            start = builder.add("\n".join(block.link_lines))
            chunks.extend(_link_chunks(meta, block, start, chunks, used_ids))
            continue
        chunk = _chunk(meta, block, builder, section, section_decision, chunks, used_ids)
        chunks.append(chunk)
        heading_chunks.setdefault(section, []).append(chunk.id)
        chunks.extend(_link_chunks(meta, block, chunk.end + 1, chunks, used_ids))

    chunks = _link_companions(chunks)
    headings = [Heading(text=meta.title, level=1, chunk_ids=tuple(c.id for c in chunks))]
    for section, ids in heading_chunks.items():
        if section:
            headings.append(Heading(text=section[-1], level=1 + len(section), chunk_ids=tuple(ids)))
    return Document(meta=meta, text=builder.text(), chunks=chunks, headings=headings)


def _chunk(
    meta: DocumentMeta,
    block: BodyBlock,
    builder: _TextBuilder,
    section: tuple[str, ...],
    decision: Decision | None,
    previous: list[Chunk],
    used_ids: set[str],
) -> Chunk:
    body = "\n".join(block.lines)
    start = builder.add("\n".join(block.lines + block.link_lines))
    label, kind = _label_of(block.lines)
    first_in_section = not any(c.heading_path[: len(section)] == section for c in previous if c.kind not in LINE_KINDS)
    if decision is not None and first_in_section and kind == "prose":
        kind = "adopted"
    heading_path = section + ((label,) if label else ())
    chunk_id = _unique(f"{meta.id}/" + "/".join(slug(h) for h in heading_path or ("text",)), used_ids)

    sentences: list[Sentence] = []
    offset = start
    for line_no, line in enumerate(block.lines):
        for a, b in split_sentences(line):
            sentences.append(
                Sentence(
                    id=f"{chunk_id}#{len(sentences) + 1}",
                    chunk_id=chunk_id,
                    text=line[a:b],
                    start=offset + a,
                    end=offset + b,
                    is_lead=kind == "lead" and line_no == 0,
                )
            )
        offset += len(line) + 1
    return Chunk(
        id=chunk_id,
        doc_id=meta.id,
        heading_path=heading_path,
        kind=kind,
        text=body,
        start=start,
        end=start + len(body),
        sentences=tuple(sentences),
        related_links=block.links,
        # the decision the page puts above this text, for the text it adopted only: provenance follows the page
        decision=decision if kind == "adopted" else None,
    )


def _line_chunk(
    meta: DocumentMeta,
    kind: str,
    section: tuple[str, ...],
    text: str,
    start: int,
    used_ids: set[str],
    *,
    name: str = "",
    decision: Decision | None = None,
    links: tuple[RelatedLink, ...] = (),
) -> Chunk:
    """A chunk of one line that states a fact: a decision, a page detail, a "Läs mer" link."""
    tail = {"decision": "beslut", "meta": slug(name or text), "link": "las-mer/" + slug(text)}[kind]
    chunk_id = _unique(f"{meta.id}/" + "/".join([*(slug(h) for h in section), tail]), used_ids)
    sentence = Sentence(id=f"{chunk_id}#1", chunk_id=chunk_id, text=text, start=start, end=start + len(text))
    return Chunk(
        id=chunk_id,
        doc_id=meta.id,
        heading_path=section,
        kind=kind,
        text=text,
        start=start,
        end=start + len(text),
        sentences=(sentence,),
        related_links=links,
        decision=decision,
    )


def _link_chunks(
    meta: DocumentMeta, block: BodyBlock, start: int, chunks: list[Chunk], used_ids: set[str]
) -> list[Chunk]:
    """One chunk per "Läs mer" line of a block, under the section of the passage it belongs to.

    `start` is where the block's first link line begins in the document text.
    """
    owner = next((c for c in reversed(chunks) if c.kind not in LINE_KINDS), None)
    section = owner.heading_path if owner is not None else ()
    out = []
    offset = start
    for line, link in zip(block.link_lines, block.links, strict=True):
        out.append(_line_chunk(meta, "link", section, line, offset, used_ids, links=(link,)))
        offset += len(line) + 1
    return out


def _unique(candidate: str, used: set[str]) -> str:
    n, chunk_id = 1, candidate
    while chunk_id in used:
        n += 1
        chunk_id = f"{candidate}-{n}"
    used.add(chunk_id)
    return chunk_id


def _link_companions(chunks: list[Chunk]) -> list[Chunk]:
    """An adopted text and the passages of its section (its interpretation) are quoted together;
    the decision line is quoted with the text it adopted."""
    out = list(chunks)
    for i, chunk in enumerate(chunks):
        if chunk.kind != "adopted":
            continue
        section = chunk.heading_path
        others = [
            c.id
            for c in chunks
            if c is not chunk and c.heading_path[: len(section)] == section and c.kind not in LINE_KINDS
        ]
        out[i] = replace(chunk, companions=tuple(others))
        for j, c in enumerate(out):
            if c.id in others or (c.kind == "decision" and c.heading_path == section):
                out[j] = replace(c, companions=(chunk.id,))
    return out
