"""Screenshots of the widget as a resident sees it, so anyone can look: `python -m tests.browser.screenshots [OUT]`.

Starts a real `kiruna-bot serve` on loopback, the host page on another origin and Debian's Chromium,
then for each language (sv, en, ar: the widget shows that language; the questions are written in it)
and each width (1280 and 375 px wide) saves the closed widget, the open panel, the panel after three
answers, and each of the three answers scrolled into view (`--extra`: also at 200 % zoom, with a
phone keyboard up, and in dark mode). PNGs go to OUT (default: a new temp dir, never the
repository); their paths are printed, and on stderr the time from Enter to the painted answer.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.config import Settings
from tests.browser.hosting import CHROMIUM, CHROMIUM_ARGS, host_site
from tests.servers import free_port, serve

QUESTIONS = {
    "sv": ["Vad är Kirunas vision?", "Vilket mål finns för boende?", "Hur togs visionen fram?"],
    "en": ["What is the vision?", "What is the goal for housing?", "How was the vision made?"],
    "ar": ["ما هي رؤية كيرونا؟", "ما هو الهدف في مجال السكن؟", "كيف تم إعداد الرؤية؟"],
}
# name: (width, height, device scale, colour scheme); the first two by default, the rest with --extra
VIEWS = {
    "1280": (1280, 800, 1, "light"),
    "375": (375, 740, 2, "light"),
    "zoom200": (640, 360, 2, "light"),  # 1280 × 720 at 200 % zoom
    "keyboard": (375, 420, 2, "light"),  # a phone with its keyboard up
    "dark": (375, 740, 2, "dark"),
}
WIDGET = "kiruna-vision-chat"


@contextmanager
def running_bot(work: Path) -> Iterator[tuple[str, int]]:
    """A real server over a copy of this checkout's index when there is one (else it builds one)."""
    data = work / "data"
    data.mkdir()
    built = Settings().index_dir
    if built.is_dir():
        shutil.copytree(built, data / "index")
    host_port = free_port()
    env = {
        "KIRUNA_BOT_CORS_ORIGINS": f"http://127.0.0.1:{host_port}",
        "KIRUNA_BOT_TRANSLATION_PROVIDER": "none",
        "KIRUNA_BOT_RATE_LIMIT": "off",
    }
    with serve(data, env=env) as server:
        yield server.base, host_port


def _shadow(page: Any, script: str) -> Any:
    return page.evaluate(f"() => {{ const root = document.querySelector('{WIDGET}').shadowRoot; return {script}; }}")


# Milliseconds from the Enter key to the first frame painted with the answer in it, measured in the page.
TIMER = """(() => {
    const root = document.querySelector('kiruna-vision-chat').shadowRoot;
    window.__kvcTimes = window.__kvcTimes || [];
    let start = 0;
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter') start = performance.now(); }, true);
    new MutationObserver((changes) => {
        const added = changes.some(c => [...c.addedNodes].some(n => n.classList && n.classList.contains('bot')));
        if (!start || !added) return;
        const t0 = start; start = 0;
        requestAnimationFrame(() => setTimeout(() => window.__kvcTimes.push(performance.now() - t0), 0));
    }).observe(root.querySelector('.log'), {childList: true});
})()"""


def _ask(page: Any, question: str) -> None:
    before = int(_shadow(page, "root.querySelectorAll('.msg.bot, .msg.error').length"))
    field = page.locator(f"{WIDGET} input[type=text]")
    field.fill(question)
    field.press("Enter")
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('.msg.bot, .msg.error').length"
        f" > {before}",
        timeout=60_000,
    )
    page.wait_for_timeout(100)


def capture(browser: Any, origin: str, out: Path, lang: str, view: str, times: list[float]) -> list[Path]:
    w, h, scale, scheme = VIEWS[view]
    context = browser.new_context(
        viewport={"width": w, "height": h}, device_scale_factor=scale, locale=lang, color_scheme=scheme
    )
    page = context.new_page()
    shots: list[Path] = []

    def shot(name: str) -> None:
        path = out / f"{lang}-{view}-{name}.png"
        page.screenshot(path=str(path))
        shots.append(path)

    try:
        page.goto(f"{origin}/?lang={lang}")
        page.wait_for_function(f"() => !!document.querySelector('{WIDGET}')?.shadowRoot?.querySelector('.launcher')")
        page.wait_for_timeout(300)  # its words from /v1/ui
        shot("1-closed")
        page.locator(f"{WIDGET} .launcher").click()
        page.wait_for_function(f"() => !document.querySelector('{WIDGET}').shadowRoot.querySelector('.panel.opening')")
        page.wait_for_timeout(200)
        shot("2-open")
        page.evaluate(TIMER)
        for question in QUESTIONS[lang]:
            _ask(page, question)
        measured = page.evaluate("window.__kvcTimes")
        print(f"{lang}-{view}: Enter to answer painted, ms: {', '.join(f'{t:.0f}' for t in measured)}", file=sys.stderr)
        times.extend(measured)
        shot("3-three-answers")
        for i in range(3):
            _shadow(
                page,
                f"(() => {{ const a = root.querySelectorAll('.msg.bot')[{i}];"
                " const box = root.querySelector('.root').classList.contains('short')"
                " ? root.querySelector('.panel') : root.querySelector('.log');"
                " box.scrollTop = a.offsetTop - (box === root.querySelector('.log') ? box.offsetTop : 0) - 8;"
                " return true; })()",
            )
            page.wait_for_timeout(50)
            shot(f"4-answer-{i + 1}")
    finally:
        context.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", type=Path, help="folder for the PNGs (default: a new temp dir)")
    parser.add_argument("--langs", default="sv,en,ar", help="comma-separated: sv,en,ar")
    parser.add_argument("--widths", default="1280,375", help="comma-separated: 1280,375")
    parser.add_argument("--extra", action="store_true", help="also 200 %% zoom, a phone keyboard, dark mode")
    args = parser.parse_args(argv)
    langs = [x for x in args.langs.split(",") if x]
    views = [x for x in args.widths.split(",") if x] + (["zoom200", "keyboard", "dark"] if args.extra else [])
    unknown = [x for x in langs if x not in QUESTIONS] + [x for x in views if x not in VIEWS]
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)}")
    if not Path(CHROMIUM).exists():
        parser.error(f"Chromium is missing at {CHROMIUM} (apt-get install chromium)")
    out: Path = args.out or Path(tempfile.mkdtemp(prefix="kiruna-widget-shots-"))
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="kiruna-shots-") as tmp,
        running_bot(Path(tmp)) as (bot, host_port),
        host_site(bot, host_port, f"http://127.0.0.1:{free_port()}") as site,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            times: list[float] = []
            for lang in langs:
                for view in views:
                    for path in capture(browser, site.origin, out, lang, view, times):
                        print(path)
        finally:
            browser.close()
    if times:
        ordered = sorted(times)
        print(
            f"Enter to answer painted: median {ordered[len(ordered) // 2]:.0f} ms, "
            f"max {ordered[-1]:.0f} ms over {len(ordered)} answers",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
