"""The bot's own words exist in every supported language, with the same placeholders."""

from __future__ import annotations

from bot.language.messages import ALL_IDS, PLACEHOLDER, load_catalogs
from bot.language.supported import LANGUAGES


def test_every_message_in_every_language() -> None:
    catalogs = load_catalogs()
    assert set(catalogs.languages()) >= set(LANGUAGES)
    for lang in LANGUAGES:
        assert catalogs.missing(lang) == [], lang


def test_placeholders_survive_translation() -> None:
    catalogs = load_catalogs()
    for lang in LANGUAGES:
        for msgid in ALL_IDS:
            text = catalogs.by_lang[lang][msgid]
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(msgid)), (lang, msgid)


def test_messages_format_without_errors() -> None:
    catalogs = load_catalogs()
    values = dict.fromkeys(
        (
            "date",
            "paragraph",
            "document",
            "section",
            "quote",
            "language",
            "publisher",
            "links",
            "url",
            "count",
            "heading",
            "version",
            "seconds",
            "part",
        ),
        "x",
    )
    for lang in LANGUAGES:
        for msgid in ALL_IDS:
            assert catalogs.get(lang, msgid, **values)
