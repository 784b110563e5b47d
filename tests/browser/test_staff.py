"""The staff console in a real browser: sign in, try, save a case, evaluate, approve, read questions."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.browser.conftest import STAFF_TOKEN, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NewPage = Callable[..., Any]
STAFF_NAME = "Åsa Test"


def sign_in(page: Any, bot: str, token: str = STAFF_TOKEN) -> None:
    page.goto(f"{bot}/staff")
    page.get_by_label("Your name").fill(STAFF_NAME)
    page.get_by_label("Staff token").fill(token)
    page.get_by_role("button", name="Sign in").click()


def test_staff_console_signed_out_and_wrong_token(bot_server: str, new_page: NewPage) -> None:
    page = new_page()
    response = page.goto(f"{bot_server}/staff")
    assert response is not None
    assert "frame-ancestors 'none'" in (response.headers.get("content-security-policy") or "")
    assert page.get_by_label("Staff token").get_attribute("type") == "password"
    assert page.locator("#console").is_hidden()
    assert axe_violations(page) == "", "signed out"

    sign_in(page, bot_server, token="not-the-token")
    message = page.locator("#sign-in-message")
    message.wait_for(state="visible")
    assert "not valid" in message.text_content()
    assert page.locator("#console").is_hidden()
    assert page.evaluate("sessionStorage.getItem('kiruna-staff')") is None
    assert axe_violations(page) == "", "wrong token"


def test_staff_console_flows(bot_server: str, new_page: NewPage) -> None:
    page = new_page(accept_downloads=True)
    staff_calls: list[dict[str, str]] = []
    page.on("request", lambda r: "/v1/staff/" in r.url and staff_calls.append(r.headers))
    sign_in(page, bot_server)
    page.locator("#console").wait_for(state="visible")
    assert page.evaluate("JSON.parse(sessionStorage.getItem('kiruna-staff')).token") == STAFF_TOKEN
    # the translations table loads for the default language
    page.wait_for_selector("#tr-table tbody tr[data-entry]")
    assert axe_violations(page) == "", "signed in"

    # Try a question: the resident's view, the decision, and every retrieved passage with scores.
    page.get_by_label("Question", exact=True).fill("Vilket mål finns för boende?")
    page.get_by_label("Answer language").select_option("en")
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator("#try-result").wait_for(state="visible")
    rows = page.locator("#try-retrieved tbody tr")
    assert rows.count() >= 3
    headers = page.locator("#try-retrieved thead th").all_text_contents()
    assert headers[2:5] == ["Dense", "Lexical", "Fused"]
    first = rows.first.locator("td").all_text_contents()
    assert "Boende" in first[0]
    assert all(cell.replace(".", "", 1).replace("-", "", 1).isdigit() for cell in first[1:4])
    assert headers[5] == "Answer type"
    assert first[4] == "goal"  # the question asks for a goal; the passage is one
    facts = page.locator("#try-facts").text_content()
    assert "Question asks forgoal" in facts  # <dt> and <dd> text run together
    assert "Detected language" in facts
    assert "Swedish (sv)" in facts
    assert "In scope" in facts
    assert "not yet reviewed" in facts or "reviewed by" in facts
    assert page.locator("#try-answer blockquote[lang=sv]").first.text_content().startswith("Inriktning: Boende")
    assert axe_violations(page) == "", "after trying a question"

    # Save it as an eval case: the expected passage is preselected from the answer.
    assert page.locator("#case-answer").input_value() != ""
    page.get_by_role("button", name="Save as eval case").click()
    page.wait_for_function("() => document.querySelector('#case-status').textContent.startsWith('Saved eval case')")
    page.wait_for_selector("#cases-table tbody tr th:text('Vilket mål finns för boende?')")

    # A refusal case too, picked by keyboard-free select: "should be refused".
    page.get_by_label("Question", exact=True).fill("Vad kostar bussen?")
    page.get_by_label("Answer language").select_option("sv")
    page.get_by_role("button", name="Ask", exact=True).click()
    page.wait_for_function("() => document.querySelector('#case-question').value === 'Vad kostar bussen?'")
    page.locator("#case-answer").select_option("")
    page.get_by_role("button", name="Save as eval case").click()
    page.wait_for_function("() => document.querySelector('#case-status').textContent.includes('should be refused')")
    cases = httpx.get(
        f"{bot_server}/v1/staff/eval-cases", headers={"Authorization": f"Bearer {STAFF_TOKEN}"}, timeout=10
    ).json()
    assert {c["question"]: c["answer"] is None for c in cases} == {
        "Vilket mål finns för boende?": False,
        "Vad kostar bussen?": True,
    }
    assert {c["created_by"] for c in cases} == {STAFF_NAME}

    # Approve a translation: the row then shows "reviewed" and the reviewer's name.
    row = page.locator("#tr-table tbody tr[data-reviewed=false]").first
    entry = row.get_attribute("data-entry")
    row.get_by_role("button", name="Approve").click()
    approved = page.locator(f"#tr-table tbody tr[data-entry='{entry}']")
    page.wait_for_function(
        f"() => document.querySelector(\"#tr-table tr[data-entry='{entry}']\").dataset.reviewed === 'true'"
    )
    state = approved.locator(".tr-state").text_content()
    assert "Reviewed" in state
    assert STAFF_NAME in state
    # Edit and save another: it becomes an unreviewed staff translation.
    other = page.locator("#tr-table tbody tr[data-reviewed=false]").first
    other_id = other.get_attribute("data-entry")
    other.locator("textarea").fill("Uusi käännös testiä varten.")
    other.get_by_role("button", name="Save").click()
    page.wait_for_function("() => document.querySelector('#tr-status').textContent.includes('saved')")
    edited = page.locator(f"#tr-table tbody tr[data-entry='{other_id}']")
    assert "Provider: staff" in edited.locator(".tr-state").text_content()
    assert edited.locator("textarea").input_value() == "Uusi käännös testiä varten."
    assert axe_violations(page) == "", "translations"

    # Questions: the log (a resident's refused question and an answered one with a thumbs up),
    # the top unanswered per language, and the CSV download (fetched with the token, as a blob).
    for _ in range(2):
        httpx.post(f"{bot_server}/v1/chat", json={"message": "Vad kostar bussen till Abisko?"}, timeout=30)
    answered = httpx.post(f"{bot_server}/v1/chat", json={"message": "Vad är visionen?", "lang": "sv"}, timeout=30)
    httpx.post(f"{bot_server}/v1/feedback", json={"answer_id": answered.json()["id"], "helpful": True}, timeout=10)
    page.get_by_role("button", name="Show questions").click()
    page.wait_for_function("() => /question/.test(document.querySelector('#q-status').textContent)")
    refused_row = page.locator("#q-table tbody tr", has_text="Vad kostar bussen till Abisko?").first
    assert "Refused" in refused_row.text_content()
    helped_row = page.locator("#q-table tbody tr", has_text="Vad är visionen?").first
    assert helped_row.locator("td").all_text_contents()[-2:] == ["1", "0"]
    top = page.locator("#q-top table", has_text="Vad kostar bussen till Abisko?")
    assert top.locator("caption").text_content() == "Swedish (sv)"
    assert top.locator("tbody td").first.text_content() == "2"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download questions.csv").click()
    assert download.value.suggested_filename == "questions.csv"
    with open(download.value.path(), encoding="utf-8") as fh:
        assert fh.readline().startswith("id,created_at,lang")

    # Evaluation: built-in set plus the saved cases; a per-language table.
    page.get_by_role("button", name="Run evaluation").click()
    page.wait_for_function(
        "() => document.querySelector('#eval-status').textContent.startsWith('Evaluation finished')", timeout=150_000
    )
    by_lang = page.locator("#eval-by-lang tbody tr")
    assert by_lang.count() >= 12
    langs = page.locator("#eval-by-lang tbody th").all_text_contents()
    assert any("(sv)" in x for x in langs)
    assert any("(ar)" in x for x in langs)
    assert page.locator("#eval-by-lang thead th").all_text_contents()[4:6] == ["Recall@1", "Recall@3"]
    assert "Recall@1" in page.locator("#eval-overall").text_content()
    assert page.locator("#eval-failures tbody tr").count() >= 1
    assert axe_violations(page) == "", "after evaluation"

    # Every staff call carried the token and the name.
    assert staff_calls
    assert all(h.get("authorization") == f"Bearer {STAFF_TOKEN}" for h in staff_calls)
    assert all(h.get("x-staff-name") == STAFF_NAME for h in staff_calls)

    # A reload keeps the session; signing out forgets it.
    page.reload()
    page.locator("#console").wait_for(state="visible")
    page.get_by_role("button", name="Sign out").click()
    page.locator("#sign-in").wait_for(state="visible")
    assert page.evaluate("sessionStorage.getItem('kiruna-staff')") is None


def test_staff_expired_token_returns_to_sign_in(bot_server: str, new_page: NewPage) -> None:
    page = new_page()
    page.goto(f"{bot_server}/staff")
    page.evaluate("sessionStorage.setItem('kiruna-staff', JSON.stringify({token: 'stale', name: 'X'}))")
    page.reload()
    message = page.locator("#sign-in-message")
    message.wait_for(state="visible")
    assert "sign in again" in message.text_content()
    assert page.locator("#console").is_hidden()
    assert page.evaluate("sessionStorage.getItem('kiruna-staff')") is None


def test_stale_translations_are_flagged(bot_server: str, new_page: NewPage) -> None:
    page = new_page()
    entry = {
        "id": 999,
        "lang": "fi",
        "source_text": "Vår vision",
        "text": "Visiomme",
        "provider": "curated",
        "reviewed": True,
        "reviewer": "Anna",
        "reviewed_at": "2026-01-02T10:00:00+00:00",
        "stale": True,
    }
    seen: list[str] = []

    def handler(route: Any) -> None:
        seen.append(route.request.url)
        route.fulfill(status=200, content_type="application/json", body=json.dumps([entry]))

    page.route("**/v1/staff/translations?*", handler)
    sign_in(page, bot_server)
    page.locator("#console").wait_for(state="visible")
    page.get_by_label("Stale only").check()
    page.get_by_role("button", name="Show translations").click()
    page.wait_for_function("() => document.querySelector('#tr-status').textContent.includes('1 stale')")
    assert "stale=true" in seen[-1]
    row = page.locator("#tr-table tbody tr[data-entry='999']")
    assert "stale" in (row.get_attribute("class") or "")
    flag = row.locator(".badge.stale")
    assert flag.is_visible()
    assert "Swedish text has changed" in flag.text_content()
    assert row.locator("th[lang=sv]").text_content() == "Vår vision"
    assert row.locator("textarea").get_attribute("lang") == "fi"
    assert axe_violations(page) == ""
