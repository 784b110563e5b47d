"""The page as the municipality's site renders it, and a real second version made from it.

`tests/data/vision-mal-och-varumarke.html` is the seed page shaped like the site (cookie notice,
language chooser, menus, breadcrumbs, related content, footer around the content region). The
second version changes it the way editors do: a goal reworded, a direction added, a sentence
removed, a new "Läs mer" link with its address, and a new "Senast ändrad" date.
"""

from __future__ import annotations

from pathlib import Path

PAGE = Path(__file__).with_name("data") / "vision-mal-och-varumarke.html"
PAGE_URL = "https://kiruna.se/Kommun/Kommun-politik/Vision-mal-och-varumarke/"

OLD_GOAL = "Mål: Kultur och idrott ska vara lättillgängligt och ge medborgare och besökare ett rikt liv."
NEW_GOAL = (
    "Mål: Kultur, fritid och idrott ska vara lättillgängliga i hela kommunen och ge medborgare och besökare "
    "ett rikt liv."
)
NEW_DIRECTION = "Inriktning: Hållbarhet och klimat"
NEW_DIRECTION_GOAL = "Mål: Kiruna minskar sina utsläpp av växthusgaser och ställer om till förnybar energi."
REMOVED = (
    "Syftet med seminariet var att skapa kontakter, bygga nätverk och diskutera hur man tillsammans med "
    "kommuninvånarna kan styra Kirunas utveckling."
)
NEW_LINK = "Läs mer om kultur- och fritidsplanen"
NEW_LINK_URL = "https://kiruna.se/Uppleva-och-gora/Kultur-och-fritidsplan/"
NEW_DATE = "2024-05-02"
OLD_DATE_LINE = "Senast ändrad: 2020-02-21"
NEW_DATE_LINE = f"Senast ändrad: {NEW_DATE}"


def seed_html() -> str:
    return PAGE.read_text(encoding="utf-8")


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"not exactly once in the page: {old[:60]}"
    return text.replace(old, new)


def second_version_html() -> str:
    page = seed_html()
    page = _replace(
        page,
        "Mål: Kultur och idrott ska vara lättillgängligt och ge medborgare och besökare ett rikt liv.</p>",
        f'{NEW_GOAL}<br>\n          <a href="/Uppleva-och-gora/Kultur-och-fritidsplan/">{NEW_LINK}</a></p>',
    )
    page = _replace(
        page,
        "gruva och turism.</p>\n",
        "gruva och turism.</p>\n"
        f'        <p class="normal"><strong>{NEW_DIRECTION}</strong><br>\n          {NEW_DIRECTION_GOAL}</p>\n',
    )
    page = _replace(page, "\n          " + REMOVED, "")
    return _replace(page, "Senast ändrad: 2020-02-21", f"Senast ändrad: {NEW_DATE}")


THIRD_OLD = "Vi arbetar också fram en lokal tillväxtsstrategi med stöd i visionen"
THIRD_NEW = "Vi har också tagit fram en lokal tillväxtstrategi med stöd i visionen"


def third_version_html() -> str:
    """The second version with one more sentence reworded: a publish that embeds only a few new texts."""
    return _replace(second_version_html(), THIRD_OLD, THIRD_NEW)
