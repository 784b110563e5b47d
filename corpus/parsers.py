"""Readers that turn a document file into blocks: site page text and Markdown."""

from __future__ import annotations

import re

from corpus.blocks import Block, BodyBlock, DecisionBlock, HeadingBlock, MetaBlock
from corpus.cleaning import split_blocks
from corpus.model import RelatedLink
from corpus.site_profile import SiteProfile

_MAX_HEADING = 90
_LABEL = re.compile(r"^[\wÅÄÖåäö ]{2,30}:\s")


def _looks_like_heading(line: str) -> bool:
    """A lone short line that does not end like a sentence or a lead, and is no "Label: …" line."""
    return len(line) <= _MAX_HEADING and not line.endswith((".", ":", ";", ",", "!")) and not _LABEL.match(line)


def _body(lines: list[str], profile: SiteProfile) -> list[Block]:
    """A body block, with its link lines set aside (a link in the middle splits the block)."""
    out: list[Block] = []
    text: list[str] = []
    links: list[RelatedLink] = []
    link_lines: list[str] = []
    for line in lines:
        link = profile.as_related_link(line)
        if link is None:
            if links and text:  # text after a link: the link closed the previous block
                out.append(BodyBlock(tuple(text), tuple(links), tuple(link_lines)))
                text, links, link_lines = [], [], []
            text.append(line)
        else:
            links.append(link)
            link_lines.append(line)
    if text or links:
        out.append(BodyBlock(tuple(text), tuple(links), tuple(link_lines)))
    return out


def parse_site_page(cleaned: str, title: str, profile: SiteProfile) -> list[Block]:
    """Blocks of a page copied from the site.

    Everything above the line that repeats the page title is site chrome (cookie notice,
    language chooser, site name) and is dropped, as are lines the profile names boilerplate.
    """
    raw_blocks = split_blocks(cleaned)
    start = next((i for i, b in enumerate(raw_blocks) if b == [title]), None)
    blocks: list[Block] = []
    if start is not None:
        blocks.append(HeadingBlock(title, 1))
        raw_blocks = raw_blocks[start + 1 :]
    for raw in raw_blocks:
        lines = [ln for ln in raw if not profile.is_boilerplate(ln)]
        kept: list[str] = []
        for line in lines:
            field = profile.as_footer(line)
            if field:
                # metadata, and text of the page: "who published this?" quotes the line itself
                blocks.extend(_body(kept, profile) if kept else [])
                kept = []
                blocks.append(MetaBlock(line, field[0], field[1]))
            else:
                kept.append(line)
        if not kept:
            continue
        if len(kept) == 1:
            decision = profile.as_decision(kept[0])
            if decision:
                blocks.append(DecisionBlock(kept[0], decision))
                continue
            if profile.as_related_link(kept[0]) is None and _looks_like_heading(kept[0]):
                blocks.append(HeadingBlock(kept[0], 1 if not blocks else 2))
                continue
        blocks.extend(_body(kept, profile))
    return blocks


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")


def parse_markdown(cleaned: str, profile: SiteProfile) -> list[Block]:
    """Blocks of a Markdown document: `#` headings, paragraphs, and the same link and decision lines."""
    blocks: list[Block] = []
    for raw in split_blocks(cleaned):
        body: list[str] = []
        for line in raw:
            m = _MD_HEADING.match(line)
            decision = profile.as_decision(line)
            field = profile.as_footer(line)
            if m or decision or field:
                if body:
                    blocks.extend(_body(body, profile))
                    body = []
                if m:
                    blocks.append(HeadingBlock(m.group(2), len(m.group(1))))
                elif decision:
                    blocks.append(DecisionBlock(line, decision))
                elif field:
                    blocks.append(MetaBlock(line, field[0], field[1]))
            else:
                body.append(line)
        if body:
            blocks.extend(_body(body, profile))
    return blocks
