"""The content pages in a real browser: import, review, publish, roll back, topics, refused questions; axe each."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.browser.conftest import STAFF_TOKEN, axe_violations
from tests.content_pages import NEW_GOAL, OLD_GOAL, REMOVED, second_version_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NewPage = Callable[..., Any]
STAFF = {"Authorization": f"Bearer {STAFF_TOKEN}", "X-Staff-Name": "cleanup"}
CULTURE = {"message": "Vad är målet för kultur och idrott?", "lang": "sv"}
SKI = "Var kan jag hyra skidor i Kiruna?"


@pytest.fixture
def clean_topics(bot_server: str) -> Iterator[None]:
    """Topics made here are gone afterwards: the other browser tests share this server."""
    yield
    for topic in httpx.get(f"{bot_server}/v1/staff/content/topics", headers=STAFF, timeout=10).json():
        httpx.delete(f"{bot_server}/v1/staff/content/topics/{topic['id']}", headers=STAFF, timeout=10)


def sign_in(page: Any, bot: str) -> None:
    page.goto(f"{bot}/staff/content")
    page.get_by_label("Your name").fill("Åsa Test")
    page.get_by_label("Staff token").fill(STAFF_TOKEN)
    page.get_by_role("button", name="Sign in").click()
    page.locator("#console").wait_for(state="visible")


def _quote(bot: str) -> dict[str, Any]:
    return dict(httpx.post(f"{bot}/v1/chat", json=CULTURE, timeout=30).json()["quote"])


def _wait_quote(bot: str, text: str) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while True:
        quote = _quote(bot)
        if text in quote["text"] or time.monotonic() > deadline:
            return quote
        time.sleep(0.2)


@pytest.mark.timeout(900)  # the first browser test also starts the server (and builds the session's index)
def test_import_review_publish_and_roll_back(bot_server: str, new_page: NewPage) -> None:
    page = new_page()
    sign_in(page, bot_server)
    assert page.locator("#serving li").first.text_content().startswith("Vision, mål och varumärke: version 1")
    assert axe_violations(page) == "", "signed in"

    # Import the changed page, saved from the site
    page.set_input_files(
        "#import-file",
        files=[{"name": "vision.html", "mimeType": "text/html", "buffer": second_version_html().encode()}],
    )
    page.get_by_role("button", name="Import file").click()
    page.wait_for_function("() => document.querySelector('#import-status').textContent.includes('version 2')")
    assert "2 sentences reworded, 3 added, 1 removed" in page.locator("#import-status").text_content()

    # The review opens on the new version: exactly what changed, and what goes stale
    page.locator("#review-result").wait_for(state="visible")
    rows = page.locator("#changes-table tbody tr")
    assert [rows.nth(i).get_attribute("data-kind") for i in range(rows.count())] == [
        "changed",
        "added",
        "added",
        "added",
        "removed",
        "changed",
    ]
    assert OLD_GOAL in rows.nth(0).text_content()
    assert NEW_GOAL in rows.nth(0).text_content()
    assert REMOVED in rows.nth(4).text_content()
    other = page.locator("#other-changes").text_content()
    assert "New heading: Hållbarhet och klimat" in other
    assert "last modified: 2020-02-21 → 2024-05-02" in other
    fi = page.locator("#stale-table tbody tr[data-lang=fi] td").all_text_contents()
    assert fi[0] == "3"  # the translations of the reworded goal, the removed sentence and the old date
    assert page.locator("#review-cases li").count() == 14
    assert axe_violations(page) == "", "review"

    # Publish: built in the background, then served without a restart
    page.locator("#review-publish").click()
    page.wait_for_function(
        "() => document.querySelector('#publish-status').textContent.includes('is published')", timeout=300_000
    )
    version_2 = page.locator("#versions-list tr.current").get_attribute("data-version")
    assert page.locator("#versions-list tr.current th").text_content().startswith("Version 2")
    assert axe_violations(page) == "", "published"
    quote = _wait_quote(bot_server, NEW_GOAL)
    assert NEW_GOAL in quote["text"]
    assert quote["doc_version"] == version_2

    # Roll back to version 1, the same way
    page.get_by_role("button", name="Roll back to version 1").click()
    page.wait_for_function(
        "() => document.querySelector('#publish-status').textContent.includes('is published')"
        " && !document.querySelector('#publish-status').textContent.includes('" + version_2 + "')",
        timeout=120_000,
    )
    assert page.locator("#versions-list tr.current th").text_content().startswith("Version 1")
    assert OLD_GOAL in _wait_quote(bot_server, OLD_GOAL)["text"]
    assert axe_violations(page) == "", "rolled back"


@pytest.mark.timeout(600)
def test_topics_and_unanswered_questions(bot_server: str, new_page: NewPage, clean_topics: None) -> None:
    for question, lang in ((SKI, "sv"), (SKI, "sv"), ("Mistä voin vuokrata sukset Kiirunassa?", "fi")):
        assert not httpx.post(f"{bot_server}/v1/chat", json={"message": question, "lang": lang}, timeout=30).json()[
            "answered"
        ]
    page = new_page()
    sign_in(page, bot_server)

    # A topic written by hand
    page.get_by_label("Name", exact=True).fill("Bygglov")
    page.get_by_label("Status").select_option("active")
    page.get_by_label("Example questions").fill("Hur söker jag bygglov?\nHow do I apply for a building permit?")
    page.get_by_label("Text in Swedish").fill("Om bygglov står på kommunens sidor om bygglov.")
    page.get_by_label("Link").fill("https://kiruna.se/Bygga-bo-och-miljo/Bygglov/")
    page.get_by_role("button", name="Save topic").click()
    # the first active topic embeds the page's reference questions once (kept in the database after)
    page.wait_for_function(
        "() => document.querySelector('#topic-status-line').textContent.includes('Saved')", timeout=180_000
    )
    row = page.locator("#topics-table tbody tr", has_text="Bygglov")
    assert "active" in row.text_content()
    assert axe_violations(page) == "", "topics"

    # Refused questions, grouped; one click makes a topic draft of a group
    page.get_by_role("button", name="Group refused questions").click()
    page.wait_for_function("() => document.querySelector('#unanswered-status').textContent.includes('groups')")
    ski = page.locator("#unanswered-table tbody tr", has_text=SKI)
    assert ski.count() == 1
    cells = ski.locator("td").all_text_contents()
    assert int(cells[0]) >= 2
    assert "sv 2" in cells[1]
    assert axe_violations(page) == "", "unanswered"
    ski.get_by_role("button").click()
    page.wait_for_function("() => document.querySelector('#topic-status-line').textContent.includes('Draft')")
    assert page.get_by_label("Name", exact=True).input_value() == SKI
    assert SKI in page.get_by_label("Example questions").input_value()
    assert page.get_by_label("Status").input_value() == "draft"
    assert page.locator("#topics-table tbody tr", has_text=SKI).count() == 1
    assert axe_violations(page) == "", "draft"
