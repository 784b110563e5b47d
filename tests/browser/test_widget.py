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

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NewPage = Callable[..., Any]
SV_QUESTION = "Vilket mål finns för utbildning?"
SV_GOAL = "Kiruna har god kvalitet i utbildningen"
ADOPTED = "Antagen av kommunfullmäktige 2013-05-27, § 68"


def shadow(page: Any, script: str) -> Any:
    """Evaluate `script` (an expression over `root`, the widget's shadow root) in the page."""
    return page.evaluate(f"() => {{ const root = document.querySelector('{WIDGET}').shadowRoot; return {script}; }}")


def bot_messages(page: Any) -> int:
    return int(shadow(page, "root.querySelectorAll('.msg.bot').length"))


def wait_bot_messages(page: Any, n: int, timeout: float = 30_000) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('.msg.bot, .msg.error').length >= {n}",
        timeout=timeout,
    )


def open_widget(page: Any) -> None:
    page.locator(f"{WIDGET} .launcher").click()
    page.wait_for_function(f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement?.tagName === 'INPUT'")
    wait_settled(page)


def wait_settled(page: Any) -> None:
    """Wait for the panel's opening animation to end (axe measures colours as painted)."""
    page.wait_for_function(
        f"() => !document.querySelector('{WIDGET}').shadowRoot.querySelector('.panel').classList.contains('opening')"
    )


def ask(page: Any, question: str) -> None:
    before = int(shadow(page, "root.querySelectorAll('.msg.bot, .msg.error').length"))
    field = page.locator(f"{WIDGET} input[type=text]")
    field.fill(question)
    field.press("Enter")
    wait_bot_messages(page, before + 1)


def choose_language_by_keyboard(page: Any, code: str) -> None:
    """Focus the picker and move with the arrow keys until `code` is chosen (no mouse)."""
    select = page.locator(f"{WIDGET} select")
    select.focus()
    codes = shadow(page, "[...root.querySelector('select').options].map(o => o.value)")
    current = shadow(page, "root.querySelector('select').value")
    steps = codes.index(code) - codes.index(current)
    key = "ArrowDown" if steps > 0 else "ArrowUp"
    for _ in range(abs(steps)):
        page.keyboard.press(key)
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.panel').lang === '{code}'"
    )


def fulfil_chat(page: Any, body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> None:
    """Answer /v1/chat from the test instead of the server (CORS headers included)."""

    def handler(route: Any) -> None:
        if route.request.method == "OPTIONS":
            route.fulfill(
                status=204,
                headers={
                    "Access-Control-Allow-Origin": "*",
                    "Access-Control-Allow-Methods": "POST",
                    "Access-Control-Allow-Headers": "Content-Type",
                },
            )
            return
        route.fulfill(
            status=status,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": "*", **(headers or {})},
            body=json.dumps(body),
        )

    page.route("**/v1/chat", handler)


def fake_answer(**overrides: Any) -> dict[str, Any]:
    quote = {
        "text": "Inriktning: Boende, bebyggelse och livsmiljö\nMål: En god och trygg livsmiljö.",
        "section": "Strategiska inriktningar och övergripande mål › Boende, bebyggelse och livsmiljö",
        "document": "Vision, mål och varumärke",
        "url": None,
        "adopted": ADOPTED,
        "last_modified": "2020-02-21",
        "doc_id": "vision-mal-och-varumarke",
        "chunk_id": "vision-mal-och-varumarke/boende",
        "start": 0,
        "end": 10,
        "translation": None,
        "fallback": {},
    }
    body: dict[str, Any] = {
        "answered": True,
        "lang": "sv",
        "detected_lang": "sv",
        "answer": "Ur ”Vision, mål och varumärke”: ” … ”",
        "dir": "ltr",
        "id": "fake-answer-1",
        "quote": quote,
        "quotes": [quote],
        "sources": [],
        "translation": {"provider": "source", "available": True, "reviewed": True, "provenance": "original"},
        "related": [],
        "refusal_reason": None,
    }
    body.update(overrides)
    return body


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

    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement?.tagName === 'INPUT'")
    assert launcher.get_attribute("aria-expanded") == "true"
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
    source = answer.locator(".source").first
    assert "Vision, mål och varumärke" in source.text_content()
    assert ADOPTED in source.text_content()
    user = page.locator(f"{WIDGET} .msg.user").last
    assert user.get_attribute("lang") == "sv"
    assert SV_QUESTION in user.text_content()
    # The typing/status line lives in its own status region, not in the log.
    assert shadow(page, "root.querySelector('[role=status]') !== root.querySelector('[role=log]')")
    assert shadow(page, "root.querySelector('[role=log]').getAttribute('aria-live')") == "polite"

    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert "launcher" in str(focus_in_widget(page))
    assert launcher.get_attribute("aria-expanded") == "false"

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


def test_english_and_arabic(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('select option').length >= 12"
    )
    options = shadow(page, "[...root.querySelectorAll('select option')].map(o => [o.value, o.lang, o.textContent])")
    langs = httpx.get(f"{host_site.bot}/v1/languages", timeout=10).json()
    assert [o[0] for o in options] == [lang["code"] for lang in langs]
    assert all(o[0] == o[1] for o in options), "each option carries its lang attribute"
    assert [o[2] for o in options] == [lang["name"] for lang in langs], "each language by its own name"

    choose_language_by_keyboard(page, "en")
    en_ui = httpx.get(f"{host_site.bot}/v1/ui/en", timeout=10).json()["messages"]
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('label').textContent"
        f" === {json.dumps(en_ui['UI_LANGUAGE'])}"
    )
    page.locator(f"{WIDGET} input[type=text]").focus()
    page.keyboard.type("What is the goal for housing?")
    page.keyboard.press("Enter")
    wait_bot_messages(page, 1)
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert answer.get_attribute("lang") == "en"
    assert answer.get_attribute("dir") == "ltr"
    assert page.locator(f"{WIDGET} .msg.user").last.get_attribute("lang") == "en"
    translated = answer.locator(".translated").first
    assert translated.get_attribute("lang") == "en"
    assert "housing" in translated.text_content().lower()
    provenance = answer.locator(".provenance").first
    assert provenance.is_visible()
    assert provenance.text_content() in (en_ui["LABEL_REVIEWED"], en_ui["LABEL_UNREVIEWED"], en_ui["LABEL_MACHINE"])
    assert answer.locator("blockquote[lang=sv]").first.text_content().startswith("Inriktning: Boende")

    choose_language_by_keyboard(page, "ar")
    ar_ui = httpx.get(f"{host_site.bot}/v1/ui/ar", timeout=10).json()["messages"]
    assert page.locator(f"{WIDGET} [role=dialog]").get_attribute("dir") == "rtl"
    page.locator(f"{WIDGET} input[type=text]").focus()
    page.keyboard.type("ما هي رؤية كيرونا؟")
    page.keyboard.press("Enter")
    wait_bot_messages(page, 2)
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert answer.get_attribute("lang") == "ar"
    assert answer.get_attribute("dir") == "rtl"
    user = page.locator(f"{WIDGET} .msg.user").last
    assert (user.get_attribute("lang"), user.get_attribute("dir")) == ("ar", "rtl")
    provenance = answer.locator(".provenance").first
    assert provenance.is_visible()
    assert provenance.text_content() in (ar_ui["LABEL_REVIEWED"], ar_ui["LABEL_UNREVIEWED"], ar_ui["LABEL_MACHINE"])
    # The Swedish original stays Swedish and left-to-right inside the Arabic answer.
    official = answer.locator("blockquote").first
    assert (official.get_attribute("lang"), official.get_attribute("dir")) == ("sv", "ltr")
    assert "Vi är Kiruna." in official.text_content()


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
    assert axe_violations(page) == "", "degraded"


# --------------------------------------------------------------------------------------------
# 4. Server text is text, never HTML
# --------------------------------------------------------------------------------------------

PROBE = "<img src=x onerror=window.__xss=1>"


def test_xss_probe_renders_literally(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    body = fake_answer(answer=f"Svar {PROBE}", lang="en")
    body["quote"].update(text=f"Citat {PROBE}", section=f"Avsnitt {PROBE}", document=f"Dok {PROBE}")
    body["quote"]["translation"] = {"lang": "en", "text": f"Quote {PROBE}", "provenance": "machine", "provider": "x"}
    body["quote"]["url"] = "javascript:window.__xss=1"
    body["quotes"] = [body["quote"]]
    body["related"] = [{"title": PROBE, "text": f"Läs mer {PROBE}", "url": "javascript:window.__xss=1"}]
    fulfil_chat(page, body)
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    ask(page, "probe")
    answer = page.locator(f"{WIDGET} .msg.bot").last
    text = answer.text_content()
    for expected in (f"Citat {PROBE}", f"Avsnitt {PROBE}", f"Dok {PROBE}", f"Quote {PROBE}", f"Läs mer {PROBE}"):
        assert expected in text

    # A refusal shows the answer text itself: the probe there too.
    refusal = fake_answer(answered=False, answer=f"Jag kan bara svara om visionen {PROBE}", quote=None, quotes=[])
    page.unroute("**/v1/chat")
    fulfil_chat(page, refusal)
    ask(page, "probe 2")
    assert f"visionen {PROBE}" in page.locator(f"{WIDGET} .msg.bot").last.text_content()

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
    assert stored["lang"] == "sv"
    assert [m["role"] for m in stored["messages"]] == ["user", "bot"]
    assert stored["messages"][0]["text"] == SV_QUESTION
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


def test_rate_limited_and_server_error(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    ui = httpx.get(f"{host_site.bot}/v1/ui/sv", timeout=10).json()["messages"]
    # As the server sends it: Retry-After (not exposed to other origins) and the wait in the body.
    fulfil_chat(page, {"detail": "too many requests; try again in 42 s"}, status=429, headers={"Retry-After": "42"})
    page.goto(host_site.url())
    wait_for_widget(page)
    open_widget(page)
    ask(page, SV_QUESTION)
    status = page.locator(f"{WIDGET} [role=status]").text_content()
    assert status == f"{ui['UI_ERROR']} (42 s)"
    assert page.locator(f"{WIDGET} .msg.error").last.text_content().endswith("(42 s)")

    page.unroute("**/v1/chat")
    fulfil_chat(page, {"detail": "the bot is not ready: starting"}, status=503)
    ask(page, SV_QUESTION)
    assert page.locator(f"{WIDGET} [role=status]").text_content() == ui["UI_ERROR"]
    assert page.locator(f"{WIDGET} .msg.error").count() == 2


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
    assert "Vi är Kiruna." in page.locator(f"{WIDGET} .msg.bot blockquote").first.text_content()
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
    status = page.locator(f"{WIDGET} [role=status]").text_content()
    message = page.locator(f"{WIDGET} .msg.error").last.text_content()
    assert "https://www.kiruna.se" in status
    assert "https://www.kiruna.se" in message
    assert page.locator(f"{WIDGET} .msg.error a[href='https://www.kiruna.se/']").count() == 1
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
