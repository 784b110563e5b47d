"""The bot's own words, from gettext PO catalogs: one file per language in `bot/language/locales/`.

Everything the bot says around a quote comes from here, never from machine translation,
so staff and translators can read and correct every word the bot may say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).with_name("locales")
FALLBACK = "en"
# A str.format placeholder in a message: "{date}", a name, not a word of the message's language.
PLACEHOLDER = re.compile(r"\{\w+\}")


# Message ids (English source text, gettext style). Placeholders are str.format names.
class M:
    # the lead of an answer, before the quote(s)
    LEAD_VISION = "Kiruna's vision, adopted by the municipal council on {date} ({paragraph}):"
    LEAD_INTERPRETATION = "The municipality explains how the vision should be understood:"
    LEAD_SECTION = "From the section “{section}”:"
    LEAD_PAGE = "The page “{document}” says:"
    LEAD_LIST = "The page lists {count} items under “{heading}”:"
    LEAD_NOT_STATED = "The page does not say that. Here is what it says under “{section}”:"
    # before the refusal, for a question about the vision that asks what the page does not state (who sat in
    # the working groups, what residents think of it): the page's topic, not another
    NOT_STATED = "The page does not say that."
    LEAD_CLARIFY = "Your question fits several parts of the page. Which one do you mean?"
    LEAD_PAST_THE_LIST = "That list has only {count} items. Which one do you mean?"
    # after the quotes of a message in parts: a part no page answers, in the resident's words
    PART_NOT_ANSWERED = "The page does not answer this part of your question: “{part}”"
    # after the quote(s): one line of provenance, one source line
    PROVENANCE_REVIEWED = "Translation reviewed by Kiruna kommun. The Swedish text is the official one."
    PROVENANCE_UNREVIEWED = "Unofficial translation, not yet reviewed. The Swedish text is the official one."
    PROVENANCE_MACHINE = "Machine translation (Google Translate), not reviewed. The Swedish text is the official one."
    SOURCE_LINE = "Source: {document}, {publisher}, last changed {date}."
    SOURCE_LINE_UNDATED = "Source: {document}, {publisher}."
    VERSION = "Page version {version}."
    LABEL_REVIEWED = "Translation reviewed by Kiruna kommun:"
    LABEL_UNREVIEWED = "Translation, not yet reviewed by Kiruna kommun:"
    LABEL_MACHINE = "Machine translation (Google Translate), not reviewed:"
    ORIGINAL = "The official text in Swedish, which is the one that applies:"
    DEGRADED = "A translation into {language} is not available right now. Here is the official text in Swedish."
    MISSING_WITH_FINNISH = (
        "This passage has not been translated into {language} yet. Here it is in Swedish and in Finnish."
    )
    IN_FINNISH = "In Finnish:"
    OUT_OF_SCOPE = (
        "I can only answer questions about Kiruna kommun's vision: what it says and means, "
        "the six strategic directions and their goals, and how the vision was made and is reached. "
        "For other questions, please visit {url} or contact the municipality."
    )
    EMPTY_QUESTION = "Please write a question about Kiruna's vision or goals."
    # a staff-written pointer for a topic the page does not cover (bot/chat/pointers.py)
    POINTER = "Guidance from Kiruna kommun, not part of the vision text:"
    # small talk: the bot's own replies
    TALK_GREETING = (
        "Hello! I answer questions about Kiruna kommun's vision and goals by quoting the municipality's "
        "own text. What would you like to know?"
    )
    TALK_THANKS = "You're welcome! Ask again whenever you like."
    # a resident liking what the page says ("gillar verkligen målet om kultur"): no thanks was given
    TALK_PRAISE = "Glad to hear it! Ask again whenever you like."
    TALK_GOODBYE = "Goodbye, and welcome back!"
    TALK_HELP = (
        "I answer questions about Kiruna kommun's vision: what it says and means, the strategic "
        "directions and their goals, and how the vision was made and is reached. I quote the "
        "official text and say where it comes from. You could ask, for example:"
    )
    TALK_IDENTITY = (
        "I am a chatbot, not a person. I answer by quoting Kiruna kommun's official text about its "
        "vision; I never write that text myself."
    )
    # asked why the quotes are Swedish, or whether one may write in one's own language
    TALK_LANGUAGES = (
        "Write to me in your own language, and I answer in it. The municipality's official text is in "
        "Swedish, so I quote it word for word in Swedish and show a translation beside it, marked as "
        "unofficial."
    )
    # the chat widget
    UI_TITLE = "Ask about Kiruna's vision"
    UI_OPEN = "Open the chat about Kiruna's vision"
    UI_CLOSE = "Close the chat"
    UI_INPUT_LABEL = "Your question"
    UI_PLACEHOLDER = "Ask about the vision and goals…"
    UI_SEND = "Send"
    UI_LANGUAGE = "Language"
    UI_THINKING = "Looking in the official text…"
    UI_UNREACHABLE = "The chat cannot be reached right now. Please try again later, or visit {url}."
    UI_ERROR = "Something went wrong. Please try again."
    UI_FEEDBACK_PROMPT = "Was this answer helpful?"
    UI_FEEDBACK_YES = "Yes, it helped"
    UI_FEEDBACK_NO = "No, it did not help"
    UI_FEEDBACK_THANKS = "Thank you for your feedback."
    UI_SOURCE = "Source"
    UI_STARTERS = "Suggested questions"
    UI_STARTER_VISION = "What is Kiruna's vision?"
    UI_STARTER_HOUSING = "What is the goal for housing?"
    UI_STARTER_HISTORY = "How was the vision made?"
    # offered in Meänkieli's own words beside an answer to Finnish text without Meänkieli's marks
    UI_ASK_IN_MEANKIELI = "In Meänkieli, please"
    UI_ACCESSIBILITY = "Accessibility statement"
    UI_PRIVACY = "How your questions are handled"
    UI_YOU = "You"
    UI_BOT = "Kiruna vision bot"
    # widget (issue 12)
    UI_LANG_AUTO = "Automatic"
    UI_SWEDISH_ORIGINAL = "Official text in Swedish"
    UI_NEW_TAB = "opens in a new tab"
    UI_SUGGESTIONS = "Suggestions"
    UI_POINTER = "Not from the vision text: guidance from Kiruna kommun"
    UI_OUT_OF_SCOPE = "Outside the vision"
    UI_START_OVER = "Start over"
    UI_STARTED_OVER = "New conversation started."
    UI_TOO_MANY = "You have asked many questions in a short time. Please wait {seconds} s and ask again."
    UI_TOO_MANY_NOW = "You have asked many questions in a short time. Please wait a moment and ask again."


ALL_IDS: tuple[str, ...] = tuple(v for k, v in vars(M).items() if k.isupper())


@dataclass
class Catalogs:
    """Loaded catalogs by language code; a missing message falls back to English, then to its id."""

    by_lang: dict[str, dict[str, str]]

    def get(self, lang: str, msgid: str, **values: object) -> str:
        text = self.by_lang.get(lang, {}).get(msgid) or self.by_lang.get(FALLBACK, {}).get(msgid) or msgid
        return text.format(**values) if values else text

    def languages(self) -> list[str]:
        return sorted(self.by_lang)

    def missing(self, lang: str) -> list[str]:
        table = self.by_lang.get(lang, {})
        return [m for m in ALL_IDS if not table.get(m)]


def load_catalogs(directory: Path = LOCALES_DIR) -> Catalogs:
    by_lang: dict[str, dict[str, str]] = {}
    for path in sorted(directory.glob("*.po")):
        with path.open("rb") as fh:
            catalog = read_po(fh, abort_invalid=True)
        by_lang[path.stem] = {
            str(m.id): str(m.string) for m in catalog if m.id and isinstance(m.string, str) and m.string
        }
    return Catalogs(by_lang)
