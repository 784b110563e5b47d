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


LANDMARKS = """() => {
    const named = (e) => {
        const ids = e.getAttribute('aria-labelledby');
        if (ids) return ids.split(' ').map(i => document.getElementById(i)?.textContent.trim()).join(' ');
        return (e.getAttribute('aria-label') || '').trim();
    };
    const visible = (e) => !e.closest('[hidden]') && e.getClientRects().length > 0;
    const roles = [['nav', 'navigation'], ['main', 'main'], ['header', 'banner'], ['footer', 'contentinfo'],
                   ['[role=region]', 'region'], ['section[aria-labelledby]', 'region'],
                   ['section[aria-label]', 'region'], ['form[aria-label]', 'form']];
    const out = [];
    for (const [sel, role] of roles)
        document.querySelectorAll(sel).forEach(e => visible(e) && out.push(role + ': ' + named(e)));
    return out;
}"""


def assert_unique_landmarks(page: Any) -> None:
    """Two landmarks of one role never share a name (a screen reader lists them by name)."""
    landmarks = page.evaluate(LANDMARKS)
    assert len(landmarks) == len(set(landmarks)), landmarks


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
    # the translations load for the default language, section by section
    page.wait_for_selector("#tr-groups li[data-entry]")
    assert axe_violations(page) == "", "signed in"
    assert_unique_landmarks(page)

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

    # Approve a translation: the item then shows "reviewed" and the reviewer's name.
    row = page.locator("#tr-groups li[data-reviewed=false]").first
    entry = row.get_attribute("data-entry")
    row.get_by_role("button", name="Approve").click()
    approved = page.locator(f"#tr-groups li[data-entry='{entry}']")
    page.wait_for_function(
        f"() => document.querySelector(\"#tr-groups li[data-entry='{entry}']\").dataset.reviewed === 'true'"
    )
    state = approved.locator(".tr-state").text_content()
    assert "Reviewed" in state
    assert STAFF_NAME in state
    # Edit and save another: it becomes an unreviewed staff translation.
    other = page.locator("#tr-groups li[data-reviewed=false]").first
    other_id = other.get_attribute("data-entry")
    other.locator("textarea").fill("Uusi käännös testiä varten.")
    other.get_by_role("button", name="Save").click()
    page.wait_for_function("() => document.querySelector('#tr-status').textContent.includes('saved')")
    edited = page.locator(f"#tr-groups li[data-entry='{other_id}']")
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
    page.get_by_label("Status").select_option("stale")
    page.get_by_role("button", name="Show translations").click()
    page.wait_for_function("() => document.querySelector('#tr-status').textContent.includes('1 stale')")
    assert "status=stale" in seen[-1]
    row = page.locator("#tr-groups li[data-entry='999']")
    assert "stale" in (row.get_attribute("class") or "")
    flag = row.locator(".stale-flag")
    assert flag.is_visible()
    assert "Swedish text has changed" in flag.text_content()
    assert row.locator(".tr-sv[lang=sv]").text_content() == "Vår vision"
    assert row.locator("textarea").get_attribute("lang") == "fi"
    group = page.locator("#tr-groups .tr-group").filter(has=page.locator("li[data-entry='999']"))
    assert "No longer on the page" in group.locator("h3").text_content()
    assert group.locator("button.approve-section").is_hidden(), "stale translations are not approved in bulk"
    assert axe_violations(page) == ""


def test_review_a_section_on_a_phone(bot_server: str, new_page: NewPage) -> None:
    page = new_page(viewport={"width": 375, "height": 800})
    sign_in(page, bot_server)
    page.locator("#console").wait_for(state="visible")
    page.wait_for_selector("#tr-groups li[data-entry]")
    page.locator("#tr-lang").select_option("de")
    page.get_by_label("Status").select_option("unreviewed")
    page.get_by_role("button", name="Show translations").click()
    page.wait_for_function(
        "() => /not reviewed translations in/.test(document.querySelector('#tr-status').textContent)"
    )
    for width in (375, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"horizontal overflow at {width} px"

    # Every segment beside its Swedish source, grouped under its section's name.
    groups = page.locator("#tr-groups .tr-group")
    assert groups.count() >= 5
    sizes = [groups.nth(i).locator("li[data-entry]").count() for i in range(groups.count())]
    group = groups.nth(max(range(len(sizes)), key=lambda i: sizes[i]))
    items = group.locator("li[data-entry]")
    assert items.count() >= 2
    assert all(items.nth(i).locator(".tr-sv[lang=sv]").text_content() for i in range(items.count()))
    # The status is text, not something that looks like a button.
    look = group.locator(".state").first.evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.backgroundColor, s.cursor, e.tabIndex]; }"
    )
    assert look == ["none", "rgba(0, 0, 0, 0)", "auto", -1]

    ids = [int(items.nth(i).get_attribute("data-entry") or 0) for i in range(items.count())]
    with page.expect_response(lambda r: r.url.endswith("/v1/staff/translations/approve")) as posted:
        group.locator("button.approve-section").click()
    assert json.loads(posted.value.request.post_data or "{}") == {"ids": ids}
    page.wait_for_function("() => document.querySelector('#tr-status').textContent.startsWith('Approved')")
    assert all(items.nth(i).get_attribute("data-reviewed") == "true" for i in range(items.count()))
    assert group.locator("button.approve-section").is_hidden()
    assert page.evaluate("document.activeElement.tagName") == "H3", "focus stays in the section, on its name"
    # Recorded per segment, with the reviewer and the time.
    reviewed = httpx.get(
        f"{bot_server}/v1/staff/translations",
        params={"lang": "de", "status": "reviewed"},
        headers={"Authorization": f"Bearer {STAFF_TOKEN}"},
        timeout=10,
    ).json()
    by_id = {r["id"]: r for r in reviewed}
    for i in ids:
        assert by_id[i]["reviewer"] == STAFF_NAME
        assert by_id[i]["reviewed_at"]
    assert axe_violations(page) == "", "translations on a phone"
    assert_unique_landmarks(page)
