"""Staff keep the bot current: import a changed page, review it, publish, roll back (fast tier)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import AlreadyPublished, ContentError
from bot.storage.documents import PublishConflict
from bot.wiring import Bot
from tests.content_pages import (
    NEW_DATE_LINE,
    NEW_DIRECTION_GOAL,
    NEW_GOAL,
    NEW_LINK,
    NEW_LINK_URL,
    OLD_DATE_LINE,
    OLD_GOAL,
    REMOVED,
    second_version_html,
    seed_html,
)
from tests.fakes import ask, run_async

DOC = "vision-mal-och-varumarke"
CULTURE = "Vad är målet för kultur och idrott?"
TRANSLATED = ("en", "fi", "se", "fit", "ar", "so", "ti", "fa", "uk", "pl", "de")


def _follow(bot: Bot) -> None:
    run_async(bot.chat.follow)


def test_the_seed_is_version_one_and_published(fresh_bot: Bot) -> None:
    versions = fresh_bot.content.versions()
    assert [(v.doc_id, v.number, v.origin) for v in versions] == [(DOC, 1, "seed")]
    assert fresh_bot.content.published() == {DOC: versions[0].id}
    assert fresh_bot.content.serving() == {DOC: versions[0].id}
    answer = ask(fresh_bot.chat, CULTURE, "sv")
    assert answer.quote is not None
    assert answer.quote.doc_version == versions[0].id
    assert f"Sidans version {versions[0].id}." in answer.answer


def test_importing_the_same_page_twice_is_one_version(fresh_bot: Bot) -> None:
    first = fresh_bot.content.import_content(second_version_html(), "sida.html", "Åsa")
    again = fresh_bot.content.import_content(second_version_html(), "sida-igen.html", "Bo")
    assert first.created
    assert not again.created
    assert again.version.id == first.version.id
    assert first.version.number == 2
    assert first.version.imported_by == "Åsa"
    # what the page does not say about itself comes from the published version
    source = first.version.source
    assert source.adopted is not None
    assert source.adopted.date == "2013-05-27"
    assert source.source_url == "https://kiruna.se/Kommun/Kommun-politik/Vision-mal-och-varumarke/"


def test_the_seed_page_as_html_is_the_published_version(fresh_bot: Bot) -> None:
    result = fresh_bot.content.import_content(seed_html(), "sida.html", "Åsa")
    assert result.diff.changes == []
    assert result.diff.links
    assert {x.kind for x in result.diff.links} == {"changed"}


def test_review_names_changes_stale_translations_eval_cases_and_logged_answers(fresh_bot: Bot) -> None:
    ask(fresh_bot.chat, CULTURE, "sv")  # logged: answered from the culture direction
    version = fresh_bot.content.import_content(second_version_html(), "sida.html", "Åsa").version
    report = fresh_bot.content.review(version.id)
    assert report.against == fresh_bot.content.published()[DOC]
    assert [(c.kind, c.old, c.new) for c in report.diff.changes] == [
        ("changed", OLD_GOAL, NEW_GOAL),
        ("added", None, NEW_LINK),
        ("added", None, "Inriktning: Hållbarhet och klimat"),
        ("added", None, NEW_DIRECTION_GOAL),
        ("removed", REMOVED, None),
        ("changed", OLD_DATE_LINE, NEW_DATE_LINE),
    ]
    # the curated translations of the reworded goal, the removed sentence and the old date go stale, everywhere
    assert {s.lang: (s.count, s.curated) for s in report.stale} == dict.fromkeys(TRANSLATED, (3, 3))
    assert all(sorted(s.texts) == sorted([OLD_GOAL, REMOVED, OLD_DATE_LINE]) for s in report.stale)
    # the new goal, link line, date line, the new direction's two sentences and its heading: not translated yet
    assert report.untranslated == dict.fromkeys(TRANSLATED, 6)
    assert {c.answer for c in report.eval_cases} == {OLD_GOAL, REMOVED}
    assert len(report.eval_cases) == 14  # 12 languages ask about culture, 2 about the seminar
    assert [(q.chunk_id.rsplit("/", 1)[-1], q.count, q.examples) for q in report.questions] == [
        ("kultur-fritid-och-idrott-i-hela-kommunen", 1, [CULTURE])
    ]


def test_publish_then_rollback_changes_the_answers_and_the_version_they_name(fresh_bot: Bot) -> None:
    desk = fresh_bot.content
    v1 = desk.published()[DOC]
    v2 = desk.import_content(second_version_html(), "sida.html", "Åsa").version.id
    before = ask(fresh_bot.chat, CULTURE, "sv")
    assert before.quote is not None
    assert OLD_GOAL in before.quote.text

    publication = desk.publish(v2, "Åsa", wait=True)
    assert (publication.state, publication.action, publication.requested_by) == ("published", "publish", "Åsa")
    assert desk.published() == {DOC: v2}
    _follow(fresh_bot)  # what every worker's watch does within a second
    assert desk.serving() == {DOC: v2}
    after = ask(fresh_bot.chat, CULTURE, "sv")
    assert after.quote is not None
    assert NEW_GOAL in after.quote.text
    assert after.quote.doc_version == v2
    assert after.quote.last_modified == "2024-05-02"
    assert f"Sidans version {v2}." in after.answer
    assert [(r.text, r.url) for r in after.related] == [(NEW_LINK, NEW_LINK_URL)]

    with pytest.raises(AlreadyPublished):
        desk.publish(v2, "Åsa")
    with pytest.raises(ContentError, match="not earlier"):
        desk.rollback(v2, "Åsa")

    rolled = desk.rollback(v1, "Bo", wait=True)
    assert (rolled.state, rolled.action) == ("published", "rollback")
    _follow(fresh_bot)
    again = ask(fresh_bot.chat, CULTURE, "sv")
    assert again.quote is not None
    assert again.quote.text == before.quote.text
    assert again.quote.doc_version == v1
    assert [p.action for p in desk.publications()] == ["rollback", "publish", "seed"]


def test_one_publish_at_a_time(fresh_bot: Bot) -> None:
    desk = fresh_bot.content
    v2 = desk.import_content(second_version_html(), "sida.html", "Åsa").version.id
    store = desk._store
    building = store.start_publication(v2, "publish", "someone else")
    with pytest.raises(PublishConflict, match="being published"):
        desk.publish(v2, "Åsa")
    store.finish_publication(building.id, error="stopped")
    assert desk.published()[DOC] != v2
    assert desk.publish(v2, "Åsa", wait=True).state == "published"


def test_a_failed_build_leaves_the_published_version(fresh_bot: Bot, tmp_path: Path) -> None:
    desk = fresh_bot.content
    v1 = desk.published()[DOC]
    v2 = desk.import_content(second_version_html(), "sida.html", "Åsa").version.id

    def broken(_: object) -> None:
        raise OSError("disk full")

    desk._prepare = broken
    publication = desk.publish(v2, "Åsa", wait=True)
    assert publication.state == "failed"
    assert "disk full" in (publication.error or "")
    assert desk.published() == {DOC: v1}


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("sida.pdf", "%PDF-1.4", "import a saved page"),
        ("sida.html", "<html><body><nav>Meny</nav></body></html>", "no page content"),
        ("sida.txt", "   \n  ", "empty"),
    ],
)
def test_bad_imports_are_refused_with_a_reason(fresh_bot: Bot, name: str, content: str, fragment: str) -> None:
    with pytest.raises(ContentError, match=fragment):
        fresh_bot.content.import_content(content, name, "Åsa")
    assert len(fresh_bot.content.versions()) == 1


def test_a_markdown_file_is_a_new_document(fresh_bot: Bot) -> None:
    text = "# Bostäder i Kiruna\n\n## Mål\n\nAlla ska ha en bra bostad. Kommunen bygger nya hyresrätter.\n"
    result = fresh_bot.content.import_content(text, "bostader.md", "Åsa")
    assert result.version.doc_id == "bostader"
    assert result.published is None
    assert [c.kind for c in result.diff.changes] == ["added", "added"]  # its two sentences
    fresh_bot.content.publish(result.version.id, "Åsa", wait=True)
    _follow(fresh_bot)
    assert set(fresh_bot.content.serving()) == {DOC, "bostader"}


def test_a_publish_embeds_only_the_passages_that_changed(fresh_bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    embedded: list[str] = []
    embedder = fresh_bot.chat.pipeline.embedder
    original = embedder.embed_passages

    def counting(texts: list[str]) -> object:
        embedded.extend(texts)
        return original(texts)

    monkeypatch.setattr(embedder, "embed_passages", counting)
    desk = fresh_bot.content
    v2 = desk.import_content(second_version_html(), "sida.html", "Åsa").version.id
    assert desk.publish(v2, "Åsa", wait=True).state == "published"
    dense = fresh_bot.chat.pipeline.index.dense.size
    # this database had no vectors: those of the loaded index were kept first, so only new texts were embedded
    assert 0 < len(embedded) < dense / 10
    assert any(NEW_GOAL in text for text in embedded)
    assert not any(OLD_GOAL in text for text in embedded)
