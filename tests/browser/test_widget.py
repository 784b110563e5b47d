"""The chat widget in a real browser, embedded cross-origin as a municipality would embed it."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from api.routes.pages import WIDGET_VERSION
from tests.browser.conftest import WIDGET, HostSite, axe_violations, focus_in_widget, wait_for_widget
from tests.browser.widget_page import (
    PAGE_URL,
    SV_GOAL,
    SV_QUESTION,
    ask,
    bot_messages,
    choose_language_by_keyboard,
    fake_answer,
    fulfil_chat,
    open_widget,
    record_chat,
    shadow,
    wait_bot_messages,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NewPage = Callable[..., Any]


# --------------------------------------------------------------------------------------------
# 1. Keyboard only
# --------------------------------------------------------------------------------------------


def test_keyboard_only_ask_and_close(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    page.goto(host_site.url())
    wait_for_widget(page)

    for _ in range(8):  # skip link, page link, then the launcher
        page.keyboard.press("Tab")
        if focus_in_widget(page) and "launcher" in str(focus_in_widget(page)):
            break
    assert "launcher" in str(focus_in_widget(page)), "Tab never reached the launcher"
    launcher = page.locator(f"{WIDGET} .launcher")
    assert launcher.get_attribute("aria-expanded") == "false"
    assert launcher.get_attribute("aria-controls")
    ui = httpx.get(f"{host_site.bot}/v1/ui/sv", timeout=10).json()["messages"]
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.launcher').textContent"
        f" === {json.dumps(ui['UI_OPEN'])}"
    )

    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement?.tagName === 'INPUT'")
    assert launcher.get_attribute("aria-expanded") == "true"
    assert launcher.text_content() == ui["UI_CLOSE"], "the launcher's name follows its state"
    panel = page.locator(f"{WIDGET} [role=dialog]")
    assert panel.is_visible()
    title_id = panel.get_attribute("aria-labelledby")
    assert shadow(page, f"root.getElementById('{title_id}').textContent").strip()

    page.keyboard.type(SV_QUESTION)
    page.keyboard.press("Enter")
    wait_bot_messages(page, 1)
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert answer.get_attribute("lang") == "sv"
    quote = answer.locator("blockquote")
    assert quote.first.get_attribute("lang") == "sv"
    assert SV_GOAL in quote.first.text_content()
    assert answer.locator("details").count() == 0, "a Swedish answer has no translation to disclose"
    source = answer.locator(".source a")
    assert "Vision, mål och varumärke" in source.text_content()
    assert source.get_attribute("href") == PAGE_URL
    user = page.locator(f"{WIDGET} .msg.user").last
    assert user.get_attribute("lang") == "sv"
    assert SV_QUESTION in user.text_content()
    # The typing/status line lives in its own status region, not in the log; the log itself is
    # not live: what is said when an answer arrives is chosen (announcer, see test_widget_reading).
    assert shadow(page, "root.querySelector('[role=status]') !== root.querySelector('[role=log]')")
    assert shadow(page, "root.querySelector('[role=log]').getAttribute('aria-live')") == "off"

    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert "launcher" in str(focus_in_widget(page))
    assert launcher.get_attribute("aria-expanded") == "false"
    assert launcher.text_content() == ui["UI_OPEN"]

    page.keyboard.press("Tab")  # past the widget: the launcher is its only stop when closed
    assert focus_in_widget(page) is None

    # Open again and Tab through the whole panel: focus must leave it (no trap).
    launcher.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement?.tagName === 'INPUT'")
    for _ in range(40):
        page.keyboard.press("Tab")
        if focus_in_widget(page) is None:
            break
    assert focus_in_widget(page) is None, "focus is trapped in the panel"
    # And backwards from the launcher into the host page.
    launcher.focus()
    page.keyboard.press("Shift+Tab")
    assert focus_in_widget(page) is None
    assert page.evaluate("document.activeElement.textContent") == "Om webbplatsen"


# --------------------------------------------------------------------------------------------
# 2. Languages: English and Arabic
# --------------------------------------------------------------------------------------------


def test_language_menu_lists_every_language_and_forces_one(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    sent = record_chat(page)
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('select option').length >= 13"
    )
    options = shadow(page, "[...root.querySelectorAll('select option')].map(o => [o.value, o.lang, o.textContent])")
    langs = httpx.get(f"{host_site.bot}/v1/languages", timeout=10).json()
    sv_ui = httpx.get(f"{host_site.bot}/v1/ui/sv", timeout=10).json()["messages"]
    assert options[0] == ["", "", sv_ui["UI_LANG_AUTO"]], "automatic first, and chosen"
    assert shadow(page, "root.querySelector('select').value") == ""
    assert [o[0] for o in options[1:]] == [lang["code"] for lang in langs]
    assert all(o[0] == o[1] for o in options[1:]), "each option carries its lang attribute"
    assert [o[2] for o in options[1:]] == [lang["name"] for lang in langs], "each language by its own name"

    # Choosing English forces it: the widget speaks English, and a Swedish question is answered in English.
    choose_language_by_keyboard(page, "en")
    en_ui = httpx.get(f"{host_site.bot}/v1/ui/en", timeout=10).json()["messages"]
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('label').textContent"
        f" === {json.dumps(en_ui['UI_LANGUAGE'])}"
    )
    assert "forced" in (page.locator(f"{WIDGET} select").get_attribute("class") or ""), "visibly chosen"
    ask(page, "Vilket mål finns för boende?")
    assert sent[-1]["lang"] == "en"
    assert sent[-1]["ui_lang"] == "en"
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert answer.get_attribute("lang") == "en"
    assert "housing" in answer.locator("blockquote.quote").first.text_content().lower()
    user = page.locator(f"{WIDGET} .msg.user").last
    assert user.get_attribute("lang") == "en", "a forced language is the message's language"

    # Back to automatic: no lang is sent, the widget keeps showing English. (With the arrow keys
    # the resident would pass Swedish on the way up, and choose it: a select changes as it moves.)
    page.locator(f"{WIDGET} select").select_option("")
    page.wait_for_function(f"() => !document.querySelector('{WIDGET}').shadowRoot.querySelector('select.forced')")
    ask(page, "Vad är visionen?")
    assert "lang" not in sent[-1]
    assert sent[-1]["ui_lang"] == "en"
    assert page.locator(f"{WIDGET} .msg.bot").last.get_attribute("lang") == "sv"
    assert page.locator(f"{WIDGET} .msg.user").last.get_attribute("lang") == "sv"
    assert axe_violations(page) == "", "after a forced and an automatic answer"


# --------------------------------------------------------------------------------------------
# 3. axe-core: WCAG 2.0/2.1 A and AA in every state
# --------------------------------------------------------------------------------------------


def test_axe_closed_open_three_turns(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    page.goto(host_site.url())
    wait_for_widget(page)
    page.wait_for_timeout(300)  # the UI words arrive from /v1/ui
    assert axe_violations(page) == "", "closed"
    open_widget(page)
    assert axe_violations(page) == "", "open"
    for question in (SV_QUESTION, "Hur togs visionen fram?", "Vad blir vädret i morgon?"):
        ask(page, question)
    assert bot_messages(page) == 3
    assert axe_violations(page) == "", "after three turns"


def test_axe_degraded_translation(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    notice = "A translation into Somali is not available right now. Here is the official text in Swedish."
    body = fake_answer(
        lang="so",
        translation={"provider": "none", "available": False, "reviewed": False, "provenance": None, "notice": notice},
    )
    body["quote"]["fallback"] = {"fi": "Suunta: Asuminen\nTavoite: Hyvä ja turvallinen elinympäristö."}
    body["quotes"] = [body["quote"]]
    fulfil_chat(page, body)
    page.goto(host_site.url(lang="so"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, "Waa maxay hadafka guryaha?")
    answer = page.locator(f"{WIDGET} .msg.bot").last
    shown = answer.locator(".notice")
    assert shown.is_visible()
    assert shown.text_content() == notice
    fallback = answer.locator(".fallback")
    assert fallback.get_attribute("lang") == "fi"
    assert "Hyvä ja turvallinen" in fallback.text_content()
    assert answer.locator("blockquote[lang=sv]").count() == 1
    assert answer.locator("details").count() == 0, "the Swedish text is the answer: nothing to disclose"
    assert axe_violations(page) == "", "degraded"


# --------------------------------------------------------------------------------------------
# 4. Server text is text, never HTML
# --------------------------------------------------------------------------------------------

PROBE = "<img src=x onerror=window.__xss=1>"


def test_xss_probe_renders_literally(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    body = fake_answer(answer=f"Svar {PROBE}", lang="en", lead=f"Lead {PROBE}")
    body["quote"].update(text=f"Citat {PROBE}", heading=f"Rubrik {PROBE}", document=f"Dok {PROBE}")
    body["quote"]["translation"] = {"lang": "en", "text": f"Quote {PROBE}", "provenance": "machine", "provider": "x"}
    body["quote"]["url"] = "javascript:window.__xss=1"
    body["quotes"] = [body["quote"]]
    body["translation"] = {**body["translation"], "notice": f"Notice {PROBE}"}
    body["source"] = {**body["source"], "text": f"Source {PROBE}", "url": "javascript:window.__xss=1"}
    body["related"] = [
        {"title": PROBE, "text": f"Läs mer {PROBE}", "label": f"Read more {PROBE}", "url": "javascript:window.__xss=1"}
    ]
    body["suggestions"] = [f"Suggestion {PROBE}"]
    body["not_answered"] = [f"Not answered {PROBE}"]
    fulfil_chat(page, body)
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    ask(page, "probe")
    answer = page.locator(f"{WIDGET} .msg.bot").last
    text = answer.text_content()
    for expected in ("Citat", "Rubrik", "Lead", "Quote", "Notice", "Source", "Read more", "Suggestion", "Not answered"):
        assert f"{expected} {PROBE}" in text, expected

    # A refusal shows the answer text itself, and a pointer: the probe there too.
    refusal = fake_answer(
        kind="out_of_scope",
        answered=False,
        answer=f"Jag kan bara svara om visionen {PROBE}",
        quote=None,
        quotes=[],
        source=None,
        pointer={"topic": f"Topic {PROBE}", "text": f"Pointer {PROBE}", "url": "javascript:window.__xss=1"},
    )
    page.unroute("**/v1/chat")
    fulfil_chat(page, refusal)
    ask(page, "probe 2")
    text = page.locator(f"{WIDGET} .msg.bot").last.text_content()
    assert f"visionen {PROBE}" in text
    assert f"Pointer {PROBE}" in text

    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert shadow(page, "root.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    hrefs = shadow(page, "[...root.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert not any(h.lower().startswith("javascript:") for h in hrefs), hrefs


# --------------------------------------------------------------------------------------------
# 5. Storage: nothing before opening; sessionStorage only after
# --------------------------------------------------------------------------------------------

STORAGE_STATE = """async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    idb: (await indexedDB.databases()).length,
    keys: Object.keys(sessionStorage),
})"""


def test_storage_only_after_opening(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    # Count every storage write from the very start, before the widget's script runs.
    page.add_init_script(
        """(() => {
            window.__writes = [];
            const set = Storage.prototype.setItem;
            Storage.prototype.setItem = function (k, v) { window.__writes.push(k); return set.call(this, k, v); };
            const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
            Object.defineProperty(document, 'cookie', {
                get() { return desc.get.call(document); },
                set(v) { window.__writes.push('cookie'); return desc.set.call(document, v); },
            });
            const open = indexedDB.open.bind(indexedDB);
            indexedDB.open = (...a) => { window.__writes.push('indexedDB'); return open(...a); };
        })()"""
    )
    page.goto(host_site.url())
    wait_for_widget(page)
    page.wait_for_timeout(500)  # let the widget finish starting (it fetches its words)
    before = page.evaluate(STORAGE_STATE)
    assert before == {"local": 0, "session": 0, "cookie": "", "idb": 0, "keys": []}
    assert page.evaluate("window.__writes") == []
    bot_cookies = [c for c in page.context.cookies() if "127.0.0.1" in c["domain"]]
    assert bot_cookies == []

    open_widget(page)
    ask(page, SV_QUESTION)
    after = page.evaluate(STORAGE_STATE)
    assert after["local"] == 0
    assert after["cookie"] == ""
    assert after["idb"] == 0
    assert after["keys"] == ["kiruna-vision-chat"]
    stored = json.loads(page.evaluate("sessionStorage.getItem('kiruna-vision-chat')"))
    assert (stored["ui"], stored["forced"]) == ("sv", None)
    assert [m["role"] for m in stored["messages"]] == ["user", "bot"]
    assert stored["messages"][0]["text"] == SV_QUESTION
    assert stored["messages"][0]["lang"] == "sv", "tagged with the detected language"
    assert "sources" not in stored["messages"][1]["data"], "the ranking evidence is not kept"
    assert page.context.cookies() == []

    # A reload in the same tab restores the conversation.
    page.reload()
    wait_for_widget(page)
    page.wait_for_function(f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('.msg').length === 2")
    assert SV_GOAL in page.locator(f"{WIDGET} .msg.bot blockquote").first.text_content()


# --------------------------------------------------------------------------------------------
# 6. Narrow screens and 200 % zoom
# --------------------------------------------------------------------------------------------

PANEL_BOX = """() => {
    const root = document.querySelector('kiruna-vision-chat').shadowRoot;
    const r = (sel) => { const b = root.querySelector(sel).getBoundingClientRect();
                         return {left: b.left, right: b.right, top: b.top, bottom: b.bottom,
                                 width: b.width, height: b.height}; };
    return {panel: r('.panel'), input: r('input[type=text]'), send: r('.send'),
            vw: window.innerWidth, vh: window.innerHeight};
}"""


def _assert_fits(box: dict[str, Any]) -> None:
    """The panel, the input and the send button lie within the viewport, at least 24 px each."""
    vw, vh = box["vw"], box["vh"]
    panel = box["panel"]
    assert -1 <= panel["left"] <= panel["right"] <= vw + 1, box
    assert -1 <= panel["top"] <= panel["bottom"] <= vh + 1, box
    for part in ("input", "send"):
        b = box[part]
        assert min(b["width"], b["height"]) >= 24, (part, box)
        assert -1 <= b["left"] <= b["right"] <= vw + 1, (part, box)
        assert -1 <= b["top"] <= b["bottom"] <= vh + 1, (part, box)


@pytest.mark.parametrize(
    ("viewport", "zoom"),
    [({"width": 320, "height": 640}, "1"), ({"width": 640, "height": 720}, "2")],
    ids=["320px", "200%-zoom"],
)
def test_narrow_and_zoomed(host_site: HostSite, new_page: NewPage, viewport: dict[str, int], zoom: str) -> None:
    page = new_page(viewport=viewport)
    page.goto(host_site.url())
    wait_for_widget(page)
    page.evaluate(f"document.documentElement.style.zoom = '{zoom}'")
    launcher = page.locator(f"{WIDGET} .launcher")
    assert launcher.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    open_widget(page)
    box = page.evaluate(PANEL_BOX)
    _assert_fits(box)
    if viewport["width"] == 320:
        assert box["panel"]["width"] >= box["vw"] - 1, "the panel takes the full width on a narrow screen"
    # Usable: type and send with the visible button, an answer arrives.
    page.locator(f"{WIDGET} input[type=text]").fill(SV_QUESTION)
    page.locator(f"{WIDGET} .send").click()
    wait_bot_messages(page, 1)
    _assert_fits(page.evaluate(PANEL_BOX))
    assert page.locator(f"{WIDGET} .msg.bot blockquote").first.is_visible() or shadow(
        page, "root.querySelector('.log').scrollHeight > root.querySelector('.log').clientHeight"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_reduced_motion_means_no_animation(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page(reduced_motion="reduce")
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    assert shadow(page, "getComputedStyle(root.querySelector('.panel')).animationName") == "none"
    # The "thinking" dots stand still too (checked on a probe element of that class).
    still = shadow(
        page,
        "(() => { const d = document.createElement('span'); d.className = 'dots';"
        " root.querySelector('[role=status]').appendChild(d);"
        " const a = getComputedStyle(d, '::after').animationName; d.remove(); return a; })()",
    )
    assert still == "none"


# --------------------------------------------------------------------------------------------
# 8. Feedback
# --------------------------------------------------------------------------------------------


def test_feedback_thumbs_up(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    ask(page, "Hej!")  # a greeting's reply answers nothing, and asks for no feedback
    assert page.locator(f"{WIDGET} .msg.bot").last.locator("button.fb-yes").count() == 0
    ask(page, SV_QUESTION)
    answer = page.locator(f"{WIDGET} .msg.bot").last
    up = answer.locator("button.fb-yes")
    down = answer.locator("button.fb-no")
    ui = httpx.get(f"{host_site.bot}/v1/ui/sv", timeout=10).json()["messages"]
    assert up.get_attribute("aria-pressed") == "false"
    assert shadow(page, "root.querySelector('.msg.bot:last-child button.fb-yes').textContent") == ui["UI_FEEDBACK_YES"]
    assert shadow(page, "root.querySelector('.msg.bot:last-child button.fb-no').textContent") == ui["UI_FEEDBACK_NO"]
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback")) as posted:
        up.focus()
        page.keyboard.press("Enter")
    response = posted.value
    assert response.status == 200
    assert response.json() == {"stored": True}
    assert json.loads(response.request.post_data or "{}")["helpful"] is True
    status = page.locator(f"{WIDGET} [role=status]")
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('[role=status]').textContent"
        f" === {json.dumps(ui['UI_FEEDBACK_THANKS'])}"
    )
    assert status.text_content() == ui["UI_FEEDBACK_THANKS"]
    assert up.get_attribute("aria-pressed") == "true"
    assert down.get_attribute("aria-pressed") == "false"


# --------------------------------------------------------------------------------------------
# Rate limit and server errors; the script tag's options
# --------------------------------------------------------------------------------------------


def _visible_text(page: Any) -> str:
    """What the panel shows: the conversation and the status line (not the screen-reader-only announcer)."""
    return str(shadow(page, "root.querySelector('.log').innerText + '\\n' + root.querySelector('.status').innerText"))


def test_rate_limited_and_server_error(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    ui = httpx.get(f"{host_site.bot}/v1/ui/sv", timeout=10).json()["messages"]
    # As the server sends it: Retry-After (not exposed to other origins) and the wait in the body.
    fulfil_chat(page, {"detail": "too many requests; try again in 42 s"}, status=429, headers={"Retry-After": "42"})
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    ask(page, SV_QUESTION)
    expected = ui["UI_TOO_MANY"].format(seconds=42)
    assert page.locator(f"{WIDGET} .msg.error").last.text_content() == expected
    # Shown once and said once: in the conversation, and in the announcer (not the status line too).
    assert _visible_text(page).count(expected) == 1
    assert page.locator(f"{WIDGET} [role=status]").text_content() == ""
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.announcer').textContent.trim()"
        f" === {json.dumps(expected)}"
    )

    page.unroute("**/v1/chat")
    fulfil_chat(page, {"detail": "the bot is not ready: starting"}, status=503)
    ask(page, SV_QUESTION)
    assert page.locator(f"{WIDGET} .msg.error").last.text_content() == ui["UI_ERROR"]
    assert page.locator(f"{WIDGET} .msg.error").count() == 2

    # An Arabic reader on this Swedish page is told to wait in Arabic: the conversation's language.
    page.unroute("**/v1/chat")
    ask(page, "ما هي رؤية كيرونا؟")
    fulfil_chat(page, {"detail": "too many requests"}, status=429)
    ask(page, "ما هو الهدف من السكن؟")
    ar = httpx.get(f"{host_site.bot}/v1/ui/ar", timeout=10).json()["messages"]
    error = page.locator(f"{WIDGET} .msg.error").last
    assert error.text_content() == ar["UI_TOO_MANY_NOW"]
    assert (error.get_attribute("lang"), error.get_attribute("dir")) == ("ar", "rtl")


def test_script_tag_options(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page(viewport={"width": 1024, "height": 768})
    page.goto(host_site.url("/options"))
    wait_for_widget(page)
    launcher = page.locator(f"{WIDGET} .launcher").bounding_box()
    assert launcher is not None
    assert launcher["x"] < 1024 / 2, "data-position=bottom-left"
    open_widget(page)
    assert page.locator(f"{WIDGET} .title").text_content() == "Fråga kommunen"
    starters = page.locator(f"{WIDGET} .starter")
    assert starters.all_text_contents() == ["Vad är visionen?", "Hur togs den fram?"]
    starters.first.click()
    wait_bot_messages(page, 1)
    assert page.locator(f"{WIDGET} .msg.user").last.text_content().endswith("Vad är visionen?")
    assert "Vi är Kiruna." in page.locator(f"{WIDGET} .msg.bot").last.text_content()
    assert page.evaluate(f"customElements.get('{WIDGET}').version") == page.evaluate(
        f"document.querySelector('{WIDGET}').dataset.version"
    )


# --------------------------------------------------------------------------------------------
# Unreachable server, and the demo page under the server's own CSP
# --------------------------------------------------------------------------------------------


def test_unreachable_server(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    page.goto(host_site.url("/unreachable"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, SV_QUESTION)
    message = page.locator(f"{WIDGET} .msg.error").last.text_content()
    assert "https://www.kiruna.se" in message
    link = page.locator(f"{WIDGET} .msg.error a[href='https://www.kiruna.se/']")
    assert link.count() == 1
    mark = link.locator("svg").bounding_box()
    assert mark is not None
    assert mark["height"] <= 20, "the new-tab mark is text-sized"
    # Once on screen, once to screen readers (it used to appear, and be announced, twice).
    assert _visible_text(page).count("https://www.kiruna.se") == 1
    assert page.locator(f"{WIDGET} [role=status]").text_content() == ""
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.announcer')"
        ".textContent.includes('https://www.kiruna.se')"
    )
    assert axe_violations(page) == "", "unreachable"


def test_demo_page_runs_under_the_servers_csp(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    response = page.goto(f"{host_site.bot}/")
    assert response is not None
    assert "script-src 'self'" in (response.headers.get("content-security-policy") or "")
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator("main h1").text_content().startswith("Kiruna kommun")
    wait_for_widget(page)
    open_widget(page)
    ask(page, SV_QUESTION)
    assert SV_GOAL in page.locator(f"{WIDGET} .msg.bot blockquote").first.text_content()
    assert axe_violations(page) == ""
    # No CSP violation, no script error, no failed request (a browser's favicon probe aside).
    errors = [e for e in page.console_errors if not e.startswith("Failed to load resource")]
    assert errors == [], errors
    failed = [r for r in page.failed_responses if not r.endswith("/favicon.ico")]
    assert failed == [], failed
    for path in ("/accessibility", "/privacy"):
        page.goto(f"{host_site.bot}{path}")
        assert page.locator("h1").count() == 1
        assert axe_violations(page) == "", path


def test_versioned_url_with_subresource_integrity(host_site: HostSite, new_page: NewPage) -> None:
    script = httpx.get(f"{host_site.bot}/widget/{WIDGET_VERSION}/widget.js", timeout=10).content
    good = "sha384-" + base64.b64encode(hashlib.sha384(script).digest()).decode()
    page = new_page()
    page.goto(host_site.url("/sri", integrity=quote(good, safe="")))
    wait_for_widget(page)
    open_widget(page)

    bad = "sha384-" + base64.b64encode(hashlib.sha384(script + b" ").digest()).decode()
    page = new_page()
    page.goto(host_site.url("/sri", integrity=quote(bad, safe="")))
    page.wait_for_timeout(1000)
    assert page.evaluate(f"document.querySelector('{WIDGET}')") is None, "a wrong hash must block the script"


def test_versioned_widget_url_serves_the_same_script(host_site: HostSite) -> None:
    latest = httpx.get(f"{host_site.bot}/widget.js", timeout=10)
    versioned = httpx.get(f"{host_site.bot}/widget/{WIDGET_VERSION}/widget.js", timeout=10)
    assert latest.status_code == versioned.status_code == 200
    assert latest.text == versioned.text
    assert 'const VERSION = "' in latest.text
    assert "javascript" in latest.headers["content-type"]
