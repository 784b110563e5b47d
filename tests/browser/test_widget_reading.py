"""What a resident reads and hears: their own language, the Swedish original behind a disclosure,
a link to the page, sizes that ignore the host page, room to read on a phone and at 200 % zoom."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.browser.conftest import WIDGET, HostSite, axe_violations, focus_in_widget, wait_for_widget
from tests.browser.widget_page import (
    ADOPTED,
    PAGE_URL,
    ask,
    fake_answer,
    fulfil_chat,
    open_widget,
    record_chat,
    shadow,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NewPage = Callable[..., Any]
EN_QUESTION = "What is the goal for housing?"
AR_QUESTION = "ما هي رؤية كيرونا؟"


def ui(host_site: HostSite, lang: str) -> dict[str, str]:
    words: dict[str, str] = httpx.get(f"{host_site.bot}/v1/ui/{lang}", timeout=10).json()["messages"]
    return words


def wait_words(page: Any, lang: str) -> None:
    """Wait until the widget holds the server's words in `lang` (an answer's disclosure, link labels)."""
    page.wait_for_function(f"() => !!document.querySelector('{WIDGET}').stringsCache['{lang}']")


def tab_to(page: Any, selector: str, key: str = "Shift+Tab", limit: int = 25) -> list[str]:
    """Press `key` until the focused element inside the widget matches `selector`; the stops passed."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press(key)
        here = shadow(
            page,
            f"(() => {{ const a = root.activeElement; if (!a) return null;"
            f" return a.matches({json.dumps(selector)}) ? 'HIT' : (a.className || a.tagName); }})()",
        )
        if here == "HIT":
            return stops
        stops.append(str(here))
    raise AssertionError(f"{selector} not reached with {key}; passed {stops}")


# --------------------------------------------------------------------------------------------
# The resident's language, the Swedish original, the link to the page
# --------------------------------------------------------------------------------------------


def test_questions_come_back_in_their_own_language(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    sent = record_chat(page)
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    assert shadow(page, "root.querySelector('.panel').lang") == "sv", "the widget shows Swedish"

    ask(page, EN_QUESTION)
    assert "lang" not in sent[-1], "no language chosen: the bot answers in the question's language"
    assert sent[-1]["ui_lang"] == "sv"
    assert sent[-1]["page"] == host_site.url("/")
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert (answer.get_attribute("lang"), answer.get_attribute("dir")) == ("en", "ltr")
    assert "housing" in answer.locator("blockquote.quote").first.text_content().lower()
    user = page.locator(f"{WIDGET} .msg.user").last
    assert (user.get_attribute("lang"), user.get_attribute("dir")) == ("en", "ltr")

    with page.expect_response(lambda r: r.url.endswith("/v1/chat") and r.request.method == "POST") as arrived:
        ask(page, AR_QUESTION)
    reply = arrived.value.json()
    assert "lang" not in sent[-1]
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert (answer.get_attribute("lang"), answer.get_attribute("dir")) == ("ar", "rtl")
    user = page.locator(f"{WIDGET} .msg.user").last
    assert (user.get_attribute("lang"), user.get_attribute("dir")) == ("ar", "rtl")
    quote = answer.locator("blockquote.quote").first
    assert (quote.get_attribute("lang"), quote.get_attribute("dir")) == ("ar", "rtl")
    wait_words(page, "ar")
    ar = ui(host_site, "ar")

    # The Swedish original: behind a closed disclosure named in Arabic, opened with the keyboard.
    details = answer.locator("details.original")
    assert details.count() == 1
    assert details.get_attribute("open") is None
    summary = details.locator("summary")
    assert summary.text_content() == ar["UI_SWEDISH_ORIGINAL"]
    original = details.locator("blockquote[lang=sv]")
    assert (original.first.get_attribute("lang"), original.first.get_attribute("dir")) == ("sv", "ltr")
    assert not original.first.is_visible()
    # exactly the Swedish text of each translated quote, as the bot sent it
    translated = [q["text"] for q in reply["quotes"] if q["translation"]]
    assert translated
    assert original.all_text_contents() == translated
    shown = answer.locator("blockquote.quote:not(details blockquote)").all_text_contents()
    assert shown == [q["translation"]["text"] for q in reply["quotes"]], "the quotes in Arabic, in the answer"
    # From the question field backwards: the answer's links and buttons, then its disclosure.
    passed = tab_to(page, "details.original summary")
    assert "source-link" in passed, "the source link is reachable by keyboard, after the disclosure"
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    assert original.first.is_visible()

    # The source: a link to the page, in a new tab, saying where it goes.
    link = answer.locator("a.source-link")
    assert link.get_attribute("href") == PAGE_URL
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    name = link.text_content()
    assert "kiruna.se" in name
    assert ar["UI_NEW_TAB"] in name
    assert axe_violations(page) == "", "after English and Arabic answers, the original open"


def test_each_answer_is_a_region_and_says_only_the_answer(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    body = fake_answer(lang="en", lead="This is the goal for housing:")
    body["quote"]["heading"] = "Housing, buildings and living environment"
    body["quote"]["translation"] = {
        "lang": "en",
        "text": "Goal: A good and safe living environment.",
        "provenance": "unreviewed",
        "provider": "memory",
    }
    body["quotes"] = [body["quote"]]
    body["translation"] = {
        "provider": "memory",
        "available": True,
        "reviewed": False,
        "provenance": "unreviewed",
        "notice": "Unofficial translation, not yet reviewed — the Swedish text is the official one.",
    }
    body["source"] = {**body["source"], "text": "Source: Vision, goals and brand, Kiruna kommun, 21 February 2020"}
    body["related"] = [
        {"title": "bostadsförsörjningsprogram", "text": "Läs mer …", "label": "Read more (web page)", "url": None}
    ]
    body["suggestions"] = ["What is the goal for culture?"]
    fulfil_chat(page, body)
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, EN_QUESTION)
    region = page.locator(f"{WIDGET} section.msg.bot").last
    heading_id = region.get_attribute("aria-labelledby")
    heading = region.locator("h3")
    assert heading.get_attribute("id") == heading_id
    assert heading.text_content() == "Housing, buildings and living environment"
    # One provenance line, one source line; a related line without a URL stays text.
    assert region.locator(".provenance").count() == 1
    assert region.locator(".source").count() == 1
    assert region.locator(".related li a").count() == 0
    assert region.locator(".related li").text_content() == "Read more (web page)"
    # Date and paragraph never broken inside.
    assert region.locator(".source .nw").first.text_content() == "21 February 2020"

    # What a screen reader hears: the lead and the answer, in English; none of the labels.
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.announcer').textContent.trim() !== ''"
    )
    said = shadow(page, "root.querySelector('.announcer').textContent").strip()
    assert said == "This is the goal for housing: Goal: A good and safe living environment."
    assert shadow(page, "[...root.querySelector('.announcer').children].map(s => s.lang)") == ["en", "en"]

    # The answer's stops in a sensible order: disclosure, source, suggestion, feedback.
    stops = shadow(
        page,
        "[...root.querySelectorAll('section.msg.bot:last-of-type :is(a[href], button, summary)')]"
        ".map(e => e.tagName === 'SUMMARY' ? 'summary' : e.className.split(' ')[0])",
    )
    assert stops == ["summary", "source-link", "chip", "fb", "fb"]
    assert axe_violations(page) == ""


def test_host_root_font_size_does_not_shrink_the_widget(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    page.goto(host_site.url(lang="sv", small_root="1"))
    wait_for_widget(page)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "10px"
    open_widget(page)
    ask(page, "Vad är Kirunas vision?")
    sizes = shadow(
        page,
        "(() => { const px = (s) => parseFloat(getComputedStyle(root.querySelector(s)).fontSize);"
        " return {quote: px('.msg.bot blockquote.quote'), input: px('input[type=text]'), title: px('.title')}; })()",
    )
    assert sizes["quote"] >= 16, sizes
    assert sizes["input"] >= 16, sizes
    assert sizes["title"] >= 16, sizes
    assert axe_violations(page) == ""


# --------------------------------------------------------------------------------------------
# Space: a phone, 200 % and 400 % zoom, the phone keyboard
# --------------------------------------------------------------------------------------------

CONVERSATION_BOX = """() => {
    const root = document.querySelector('kiruna-vision-chat').shadowRoot;
    const panel = root.querySelector('.panel').getBoundingClientRect();
    const log = root.querySelector('.log').getBoundingClientRect();
    const composer = root.querySelector('.composer').getBoundingClientRect();
    // the part of the conversation on screen: within the panel, above the question field
    const top = Math.max(log.top, panel.top), bottom = Math.min(log.bottom, composer.top, panel.bottom);
    return {panel: panel.height, conversation: Math.max(0, bottom - top),
            vw: window.innerWidth, vh: window.innerHeight, panelWidth: panel.width};
}"""

# Elements that scroll (overflowing, overflow auto/scroll): more than one is scrolling in scrolling.
SCROLLERS = """(() => [...root.querySelectorAll('*')].filter(e => {
    const s = getComputedStyle(e);
    return /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
}).map(e => e.className))()"""


def test_phone_375_conversation_room_and_focus_trap(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    box = page.evaluate(CONVERSATION_BOX)
    assert box["panel"] >= box["vh"] - 1, "the panel covers the screen"
    assert box["panelWidth"] >= box["vw"] - 1
    assert box["conversation"] >= 0.5 * box["panel"], box
    ask(page, "Vilket mål finns för boende?")
    ask(page, "Hur togs visionen fram?")
    box = page.evaluate(CONVERSATION_BOX)
    assert box["conversation"] >= 0.5 * box["panel"], box
    assert len(shadow(page, SCROLLERS)) <= 1
    assert page.locator(f"{WIDGET} [role=dialog]").get_attribute("aria-modal") == "true"
    assert page.locator(f"{WIDGET} .launcher").is_hidden(), "under the panel, the close button is in it"

    # Tab and Shift+Tab go round inside the panel: never to the page links hidden under it.
    for key in ("Tab", "Shift+Tab"):
        for _ in range(30):
            page.keyboard.press(key)
            where = focus_in_widget(page)
            assert where is not None, f"{key} left the full-screen panel"
            assert shadow(page, "root.querySelector('.panel').contains(root.activeElement)")
    assert axe_violations(page) == "", "phone, after answers"
    page.keyboard.press("Escape")
    assert page.locator(f"{WIDGET} .launcher").is_visible()
    assert "launcher" in str(focus_in_widget(page))


@pytest.mark.parametrize(
    "viewport",
    [
        {"width": 640, "height": 360},  # 1280 × 720 at 200 % zoom
        {"width": 375, "height": 420},  # a phone with its keyboard up
        {"width": 320, "height": 180},  # 1280 × 720 at 400 % zoom
    ],
    ids=["200%-zoom", "phone-keyboard", "400%-zoom"],
)
def test_short_screens_scroll_once(host_site: HostSite, new_page: NewPage, viewport: dict[str, int]) -> None:
    page = new_page(viewport=viewport)
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, "Vad är Kirunas vision?")
    scrollers = shadow(page, SCROLLERS)
    assert len(scrollers) <= 1, f"scrolling inside scrolling: {scrollers}"
    assert shadow(page, "(() => { const p = root.querySelector('.panel'); return p.scrollWidth <= p.clientWidth; })()")
    box = page.evaluate(CONVERSATION_BOX)
    assert box["conversation"] >= 0.5 * box["vh"], box
    # The question field stays on screen while the answer is read.
    field = page.locator(f"{WIDGET} input[type=text]").bounding_box()
    send = page.locator(f"{WIDGET} .send").bounding_box()
    assert field is not None
    assert send is not None
    for b in (field, send):
        assert b["y"] >= 0, (b, viewport)
        assert b["y"] + b["height"] <= viewport["height"] + 1, (b, viewport)
        assert b["x"] >= 0, (b, viewport)
        assert b["x"] + b["width"] <= viewport["width"] + 1, (b, viewport)
    assert axe_violations(page) == ""


# --------------------------------------------------------------------------------------------
# The display language: data-lang, else the browser's languages, else Swedish
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "attr", "shown"),
    [("ar", "none", "ar"), ("de-AT", "none", "de"), ("nb-NO", "none", "sv"), ("ar", "en", "en")],
)
def test_display_language(host_site: HostSite, new_page: NewPage, locale: str, attr: str, shown: str) -> None:
    page = new_page(locale=locale)
    page.goto(host_site.url(lang=attr))
    wait_for_widget(page)
    words = ui(host_site, shown)
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.launcher').textContent"
        f" === {json.dumps(words['UI_OPEN'])}"
    )
    assert shadow(page, "root.querySelector('.root').lang") == shown
    assert shadow(page, "root.querySelector('.root').dir") == ("rtl" if shown == "ar" else "ltr")


# --------------------------------------------------------------------------------------------
# The conversation token, starting over, suggestions and pointers
# --------------------------------------------------------------------------------------------


def test_conversation_is_continued_and_started_over(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    sent: list[dict[str, Any]] = []
    turn = {"n": 0}

    def reply(request: dict[str, Any]) -> dict[str, Any]:
        turn["n"] += 1
        return fake_answer(id=f"a{turn['n']}", conversation=f"tok-{turn['n']}")

    fulfil_chat(page, reply, sent=sent)
    page.goto(host_site.url(lang="sv", document="vision-mal-och-varumarke"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, "Vad är målet för boende?")
    assert "conversation" not in sent[-1]
    assert sent[-1]["page"] == "vision-mal-och-varumarke", "data-document names the page"
    ask(page, "Och för kultur?")
    assert sent[-1]["conversation"] == "tok-1"
    page.reload()  # kept with the transcript for the tab
    wait_for_widget(page)
    page.wait_for_function(f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('.msg').length === 4")
    ask(page, "Och för utbildning?")
    assert sent[-1]["conversation"] == "tok-2"

    restart = page.locator(f"{WIDGET} button.restart")
    restart.click()
    assert shadow(page, "root.querySelectorAll('.msg').length") == 0
    assert page.locator(f"{WIDGET} .starter").first.is_visible()
    assert page.locator(f"{WIDGET} [role=status]").text_content() == ui(host_site, "sv")["UI_STARTED_OVER"]
    assert json.loads(page.evaluate("sessionStorage.getItem('kiruna-vision-chat')"))["conversation"] is None
    ask(page, "Vad är visionen?")
    assert "conversation" not in sent[-1]


def test_stale_conversation_is_dropped(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    sent: list[dict[str, Any]] = []

    def handler(route: Any) -> None:
        if route.request.method == "OPTIONS":
            route.fulfill(status=204, headers={"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*"})
            return
        request = json.loads(route.request.post_data or "{}")
        sent.append(request)
        if request.get("conversation") == "expired":
            route.fulfill(status=422, headers={"Access-Control-Allow-Origin": "*"}, json={"detail": "bad conversation"})
        else:
            route.fulfill(headers={"Access-Control-Allow-Origin": "*"}, json=fake_answer(conversation="fresh"))

    page.route("**/v1/chat", handler)
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    page.evaluate(
        "sessionStorage.setItem('kiruna-vision-chat', JSON.stringify("
        "{v: 2, ui: 'sv', forced: null, conversation: 'expired', open: true, messages: []}))"
    )
    page.reload()
    wait_for_widget(page)
    ask(page, "Vad är visionen?")
    assert [r.get("conversation") for r in sent] == ["expired", None]
    assert page.locator(f"{WIDGET} .msg.error").count() == 0
    assert json.loads(page.evaluate("sessionStorage.getItem('kiruna-vision-chat')"))["conversation"] == "fresh"


def test_suggestions_are_sent_and_pointers_labelled(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    sent: list[dict[str, Any]] = []

    def reply(request: dict[str, Any]) -> dict[str, Any]:
        if request["message"] == "Boende":
            return fake_answer()
        if request["message"] == "Vad kostar bussen?":
            return fake_answer(
                kind="out_of_scope",
                answered=False,
                lead="",
                answer="Det kan jag inte svara på: jag svarar bara om Kirunas vision.",
                quote=None,
                quotes=[],
                source=None,
                pointer={
                    "topic": "Kollektivtrafik",
                    "text": "Om bussar svarar Länstrafiken.",
                    "url": "https://www.ltnbd.se",
                },
            )
        return fake_answer(
            kind="clarification",
            answered=False,
            lead="Vilket område menar du?",
            answer="Vilket område menar du?\n• Boende\n• Kultur",
            quote=None,
            quotes=[],
            source=None,
            suggestions=["Boende", "Kultur"],
        )

    fulfil_chat(page, reply, sent=sent)
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    sv = ui(host_site, "sv")
    ask(page, "mål?")
    clarification = page.locator(f"{WIDGET} .msg.bot").last
    assert clarification.get_attribute("data-kind") == "clarification"
    assert clarification.locator("h3").text_content() == sv["UI_BOT"]
    chips = clarification.locator(".suggestions button")
    assert chips.all_text_contents() == ["Boende", "Kultur"]
    assert clarification.locator("p.text").all_text_contents() == ["Vilket område menar du?"], "topics once, as buttons"
    assert clarification.locator(".suggestions").get_attribute("aria-label") == sv["UI_SUGGESTIONS"]
    chips.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('.msg.bot').length === 2"
    )
    assert sent[-1]["message"] == "Boende"
    assert page.locator(f"{WIDGET} .msg.user").last.text_content().endswith("Boende")

    ask(page, "Vad kostar bussen?")
    refusal = page.locator(f"{WIDGET} .msg.bot").last
    assert refusal.locator("h3").text_content() == sv["UI_OUT_OF_SCOPE"]
    pointer = refusal.locator(".pointer")
    assert pointer.locator(".pointer-label").text_content() == sv["UI_POINTER"]
    assert pointer.locator("a").get_attribute("href") == "https://www.ltnbd.se/"
    assert axe_violations(page) == ""


def test_a_list_is_headed_by_its_lead_and_each_item_by_its_name(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page()
    parent = "Strategiska inriktningar och övergripande mål"
    items = []
    goals = (("Kommunikationer", "Goda kommunikationer."), ("Kultur", "Ett rikt kulturliv."), ("Boende", "Bra boende."))
    for name, goal in goals:
        q = fake_answer()["quote"]
        items.append({**q, "section": f"{parent} › {name}", "heading": name, "text": f"Mål: {goal}"})
    fulfil_chat(page, fake_answer(lead="Sidan listar 3 punkter under ”Strategiska inriktningar”:", quotes=items))
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, "Vilka är inriktningarna?")
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert answer.locator("h3").text_content() == "Sidan listar 3 punkter under ”Strategiska inriktningar”"
    assert answer.locator("h4").all_text_contents() == ["Kommunikationer", "Kultur", "Boende"]
    assert answer.locator("p.lead").count() == 0, "the lead is the heading, not said twice"
    assert answer.locator("blockquote.quote").count() == 3

    # a count: the page's own other count follows the items, set apart under its section's name
    q = fake_answer()["quote"]
    aside = {
        **q,
        "section": "Vision, mål och varumärke › Hur gjorde vi?",
        "heading": "Hur gjorde vi?",
        "text": "Detta arbete resulterade i de nio strategiska inriktningarna.",
        "lead": "Ur avsnittet ”Hur gjorde vi?”:",
    }
    fulfil_chat(
        page, fake_answer(lead="Sidan listar 3 punkter under ”Strategiska inriktningar”:", quotes=[*items, aside])
    )
    ask(page, "Hur många inriktningar finns det?")
    answer = page.locator(f"{WIDGET} .msg.bot").last
    assert answer.locator("h3").text_content() == "Sidan listar 3 punkter under ”Strategiska inriktningar”"
    assert answer.locator("h4").all_text_contents() == ["Kommunikationer", "Kultur", "Boende"]
    assert answer.locator("p.lead").all_text_contents() == ["Ur avsnittet ”Hur gjorde vi?”:"]
    assert answer.locator("blockquote.quote").last.text_content() == aside["text"]
    assert axe_violations(page) == ""


def test_each_part_of_an_answer_says_where_its_quote_stands(host_site: HostSite, new_page: NewPage) -> None:
    """A question in two parts, the second of which the page does not answer: on screen, the second
    quote says so before it, in the resident's words, and is not read as the answer (the real server)."""
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    with page.expect_response(lambda r: r.url.endswith("/v1/chat") and r.request.method == "POST") as arrived:
        ask(page, "När antogs visionen och vem höll i seminariet?")
    reply = arrived.value.json()
    later = reply["quotes"][-1]
    assert "seminariet" in later["text"]
    assert later["lead"].startswith("Det står inte på sidan")
    answer = page.locator(f"{WIDGET} section.msg.bot").last
    # each lead, on screen, right before the quote it introduces
    pairs = shadow(
        page,
        "[...root.querySelectorAll('.msg.bot:last-child blockquote.quote:not(details blockquote)')]"
        ".map(b => [b.previousElementSibling && b.previousElementSibling.matches('p.lead')"
        " ? b.previousElementSibling.textContent : null, b.textContent])",
    )
    assert pairs[-1] == [later["lead"], later["text"]]
    assert pairs[0][0] == reply["lead"]
    assert answer.locator("p.lead").all_text_contents()[0] == reply["lead"]
    assert axe_violations(page) == ""


def test_nothing_is_said_twice_on_screen_and_dates_stay_whole(host_site: HostSite, new_page: NewPage) -> None:
    """A lead naming its section hides the heading (kept for screen readers); an item whose first
    line names it gets no subheading; a date or "§ 68" in a quote is never broken across lines."""
    page = new_page(viewport={"width": 390, "height": 844})
    vision = fake_answer()["quote"]
    vision.update(
        section="Vår vision",
        heading="Vår vision",
        text=ADOPTED + "\nVår övertygelse om människors lika värde är lika djup och värdefull som vår malm.",
    )
    single = fake_answer(lead="Ur avsnittet ”Vår vision”:", quotes=[vision], quote=vision)
    parent = "Strategiska inriktningar och övergripande mål"
    items = []
    for name in ("Kommunikationer", "Kultur, fritid och idrott i hela kommunen", "Utbildning och forskning"):
        q = fake_answer()["quote"]
        items.append({**q, "section": f"{parent} › {name}", "heading": name, "text": f"Inriktning: {name}"})
    listed = fake_answer(lead="Sidan listar 3 punkter under ”Strategiska inriktningar”:", quotes=items)
    fulfil_chat(page, lambda request: single if "antogs" in request["message"] else listed)
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)

    ask(page, "När antogs visionen?")
    answer = page.locator(f"{WIDGET} section.msg.bot").last
    heading = answer.locator("h3")
    assert heading.get_attribute("id") == answer.get_attribute("aria-labelledby")
    assert heading.text_content() == "Vår vision", "the region keeps its name"
    assert (heading.bounding_box() or {"width": 0})["width"] <= 1, "not shown above a lead that names it"
    assert answer.locator("p.lead").text_content() == "Ur avsnittet ”Vår vision”:"
    dates = answer.locator("blockquote.quote .nw").all_text_contents()
    assert dates == ["2013-05-27", "§ 68"]
    # each on one line at a phone's width: one box per span
    assert shadow(
        page, "[...root.querySelectorAll('.msg.bot:last-child blockquote .nw')].map(s => s.getClientRects().length)"
    ) == [1, 1]

    ask(page, "Vilka är inriktningarna?")
    answer = page.locator(f"{WIDGET} section.msg.bot").last
    assert answer.locator("h3").text_content() == "Sidan listar 3 punkter under ”Strategiska inriktningar”"
    assert answer.locator("h4").count() == 0, "each item's first line names it already"
    assert answer.locator("blockquote.quote").all_text_contents() == [q["text"] for q in items]
    assert axe_violations(page) == "", "lead-named heading, list without subheadings"


# --------------------------------------------------------------------------------------------
# Dark mode and forced colours
# --------------------------------------------------------------------------------------------


def test_dark_mode(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page(color_scheme="dark")
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, "Vilket mål finns för boende?")
    background = shadow(page, "getComputedStyle(root.querySelector('.panel')).backgroundColor")
    channels = [int(x) for x in background[background.index("(") + 1 : background.index(")")].split(",")[:3]]
    assert max(channels) < 80, background
    assert axe_violations(page) == "", "dark"


def test_pressed_feedback_visible_in_forced_colours(host_site: HostSite, new_page: NewPage) -> None:
    page = new_page(forced_colors="active")
    fulfil_chat(page, fake_answer())
    page.route(
        "**/v1/feedback",
        lambda route: route.fulfill(
            status=204 if route.request.method == "OPTIONS" else 200,
            headers={"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Content-Type"},
            json=None if route.request.method == "OPTIONS" else {"stored": True},
        ),
    )
    page.goto(host_site.url(lang="sv"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, "Vad är visionen?")
    page.locator(f"{WIDGET} .fb-yes").click()
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.fb-yes')"
        ".getAttribute('aria-pressed') === 'true'"
    )
    look = shadow(
        page,
        "(() => { const s = (c) => getComputedStyle(root.querySelector(c));"
        " return {yes: s('.fb-yes').backgroundColor, no: s('.fb-no').backgroundColor,"
        " adjust: s('.fb-yes').forcedColorAdjust}; })()",
    )
    assert look["adjust"] == "none"
    assert look["yes"] != look["no"], look


def test_the_residents_bubble_reads_in_its_own_direction(host_site: HostSite, new_page: NewPage) -> None:
    # the hidden "You:" in the widget's Arabic is no part of the bubble's `dir="auto"`: a question in Latin letters,
    # before the answer tells its language, reads left to right in the Arabic widget
    page = new_page(locale="ar")
    fulfil_chat(page, fake_answer(lang="en", detected_lang=None))
    page.goto(host_site.url(lang="none"))
    wait_for_widget(page)
    open_widget(page)
    ask(page, "can you say that in english please?")
    user = "[...root.querySelectorAll('.msg.user')].at(-1)"
    assert shadow(page, f"{user}.dir") == "auto"
    assert shadow(page, f"getComputedStyle({user}).direction") == "ltr"
    ask(page, AR_QUESTION)
    assert shadow(page, f"getComputedStyle({user}).direction") == "rtl"
