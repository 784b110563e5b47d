"""The sentence diff between two versions names exactly what changed."""

from __future__ import annotations

from dataclasses import replace

from corpus.diff import diff_documents
from corpus.html_import import source_from_html
from corpus.model import Chunk, Document
from corpus.site_profile import load_site_profile
from corpus.sources import document_from_source
from tests.content_pages import (
    NEW_DATE,
    NEW_DATE_LINE,
    NEW_DIRECTION,
    NEW_DIRECTION_GOAL,
    NEW_GOAL,
    NEW_LINK,
    NEW_LINK_URL,
    OLD_DATE_LINE,
    OLD_GOAL,
    PAGE_URL,
    REMOVED,
    second_version_html,
    seed_html,
)

PROFILE = load_site_profile()
DIRECTIONS = "vision-mal-och-varumarke/strategiska-inriktningar-och-overgripande-mal"


def _doc(html: str) -> Document:
    return document_from_source(source_from_html(html, PROFILE, base_url=PAGE_URL), PROFILE)


def test_the_second_version_changes_exactly_what_the_editor_changed() -> None:
    old, new = _doc(seed_html()), _doc(second_version_html())
    diff = diff_documents(old, new)
    # the page's one-line facts are quotable too: its new "Läs mer" line and its new date are sentences
    assert [(c.kind, c.old, c.new) for c in diff.changes] == [
        ("changed", OLD_GOAL, NEW_GOAL),
        ("added", None, NEW_LINK),
        ("added", None, NEW_DIRECTION),
        ("added", None, NEW_DIRECTION_GOAL),
        ("removed", REMOVED, None),
        ("changed", OLD_DATE_LINE, NEW_DATE_LINE),
    ]
    changed = diff.changes[0]
    assert changed.old_section == changed.new_section
    assert changed.old_chunk == f"{DIRECTIONS}/kultur-fritid-och-idrott-i-hela-kommunen"
    assert diff.changes[4].old_chunk == "vision-mal-och-varumarke/hur-gjorde-vi"
    assert diff.headings_added == ["Hållbarhet och klimat"]
    assert diff.headings_removed == []
    assert diff.metadata == {"last_modified": ("2020-02-21", NEW_DATE)}
    assert [(x.kind, x.text, x.new_url) for x in diff.links] == [("added", NEW_LINK, NEW_LINK_URL)]
    assert diff.unchanged == sum(len(c.sentences) for c in old.chunks) - 3
    assert diff.old_texts() == {OLD_GOAL, REMOVED, OLD_DATE_LINE}
    assert diff.old_chunks() == {
        changed.old_chunk,
        "vision-mal-och-varumarke/hur-gjorde-vi",
        "vision-mal-och-varumarke/last-modified",
    }


def test_the_same_version_has_no_changes() -> None:
    doc = _doc(seed_html())
    assert diff_documents(doc, doc).empty


def test_a_moved_sentence_is_not_a_change() -> None:
    page = "<main><h1>Sida</h1><h2>A</h2><p>Ett. Två. Tre.</p><h2>B</h2><p>Fyra.</p></main>"
    moved = "<main><h1>Sida</h1><h2>A</h2><p>Ett. Tre.</p><h2>B</h2><p>Fyra. Två.</p></main>"
    diff = diff_documents(_doc(page), _doc(moved))
    assert diff.changes == []


def test_a_new_document_is_all_added() -> None:
    doc = _doc(seed_html())
    diff = diff_documents(None, doc)
    assert {c.kind for c in diff.changes} == {"added"}
    assert len(diff.changes) == sum(len(c.sentences) for c in doc.chunks)
    assert "title" in diff.metadata


def test_a_changed_link_address_is_reported() -> None:
    old = _doc(seed_html())
    link = next(r for c in old.chunks for r in c.related_links)

    def moved(chunk: Chunk) -> Chunk:
        links = tuple(replace(r, url="https://kiruna.se/ny-adress/") if r == link else r for r in chunk.related_links)
        return replace(chunk, related_links=links)

    new = Document(old.meta, old.text, [moved(c) for c in old.chunks], old.headings)
    diff = diff_documents(old, new)
    assert [(x.kind, x.old_url, x.new_url) for x in diff.links] == [
        ("changed", link.url, "https://kiruna.se/ny-adress/")
    ]
    assert diff.changes == []
