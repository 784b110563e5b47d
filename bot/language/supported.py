"""The languages the bot serves: codes, names in themselves, script direction, provider codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

LangCode = Literal["sv", "en", "fi", "se", "fit", "ar", "so", "ti", "fa", "uk", "pl", "de"]


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's name in itself
    english_name: str
    dir: Literal["ltr", "rtl"] = "ltr"
    google: str | None = None  # code for Google Translate; None where Google has none


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("sv", "svenska", "Swedish", google="sv"),
        Language("en", "English", "English", google="en"),
        Language("fi", "suomi", "Finnish", google="fi"),
        Language("se", "davvisámegiella", "Northern Sami"),
        Language("fit", "meänkieli", "Meänkieli"),
        Language("ar", "العربية", "Arabic", dir="rtl", google="ar"),
        Language("so", "Soomaali", "Somali", google="so"),
        Language("ti", "ትግርኛ", "Tigrinya", google="ti"),
        Language("fa", "فارسی", "Persian", dir="rtl", google="fa"),
        Language("uk", "українська", "Ukrainian", google="uk"),
        Language("pl", "polski", "Polish", google="pl"),
        Language("de", "Deutsch", "German", google="de"),
    )
}
if tuple(LANGUAGES) != get_args(LangCode):  # pragma: no cover - a mismatch is a programming error
    raise RuntimeError("LangCode and LANGUAGES disagree")
SOURCE_LANGUAGE = "sv"
# The world's loan language: its small talk beside another language's is that language's resident's
ENGLISH = "en"


def direction(code: str) -> Literal["ltr", "rtl"]:
    lang = LANGUAGES.get(code)
    return lang.dir if lang else "ltr"
