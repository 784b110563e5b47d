"""Whether a message tells of its writer ("Olen Pekka ja asun keskustassa", I'm Pekka and live in the centre)
rather than states a need ("Ich suche eine Wohnung", I'm looking for a flat).

A resident often opens a chat by saying who they are, with no greeting word and nothing asked: small talk to
return with a greeting. The same first person stating a need asks for a service the page does not offer, and
is refused. Two word lists, read and matched as the other word lists are (`bot.chat.word_tables`), written from
the languages' grammar, not from any question set: `telling_words.tsv` (the first person telling of a life:
"asun", "orun", "i live", "ich wohne"; no bare Finnish "oon", which Meänkieli says for "is"),
`wanting_words.tsv` ("ich suche", "шукаю", "i need") and `family_words.tsv` (the writer's family, "my son"); a
phrase where one word does not say the first person.

A resident also says what they think of what they read, asking nothing: "gillar verkligen målet om kultur", "the
vision sounds nice", "thanks for the info about the housing goal". Its words are the page's, so the scope model
reads it as a question of the page; `praising_words.tsv` (liking, approval, a thanks naming what it is for) and
`asking_words.tsv` (the words that ask with or without a mark: "vad", "miksi", "هل", "czy", "kerro") tell it apart.
A thanks often says what the answer did for its writer: "nu förstår jag äntligen hur visionen kom till" (now I
finally understand how the vision came about) names the page and says "how", yet tells, in `knowing_words.tsv`'s
words (the first person now understanding, knowing or having learned). Praise of the bot itself is a word
of praise beside a word for the bot or "you": "Naprawdę fajny ten czat" (a really nice chat), "sie olet fiksu"
(you are clever); `bot_words.tsv` and `bot_praise_words.tsv` (single adjectives and adverbs, not the phrases of
`praising_words.tsv`, which praise what they name).
In Kiruna a resident also greets with the weather: "Onpa kylmä tänäpänä, -32 Kiirunassa" (it's cold today, -32 in
Kiruna); `weather_words.tsv` (cold, frost, snow, the dark, the sun, the seasons), beside a temperature below zero and
the emoji of cold, snow and sun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from bot.chat.word_tables import says

TELLING_FILE = Path(__file__).with_name("telling_words.tsv")
WANTING_FILE = Path(__file__).with_name("wanting_words.tsv")
PRAISING_FILE = Path(__file__).with_name("praising_words.tsv")
ASKING_FILE = Path(__file__).with_name("asking_words.tsv")
KNOWING_FILE = Path(__file__).with_name("knowing_words.tsv")
FAMILY_FILE = Path(__file__).with_name("family_words.tsv")
BOT_WORDS_FILE = Path(__file__).with_name("bot_words.tsv")
BOT_PRAISE_FILE = Path(__file__).with_name("bot_praise_words.tsv")
WEATHER_FILE = Path(__file__).with_name("weather_words.tsv")
# a temperature below zero ("-30", "−32 °C"; not a range such as "2016-2018") and the emoji of cold, snow and sun
_WEATHER_SIGNS = re.compile(r"(?<![\w-])[-−]\d{1,2}(?!\d)(?:\s?°\s?c?)?|[🥶❄⛄☃🌨☀🌞]")


def states_a_need(text: str) -> bool:
    """The writer states a need, a wish or a search in the first person ("Я шукаю роботу", I'm looking for work)."""
    return says(text, WANTING_FILE)


def tells_of_oneself(text: str) -> bool:
    """The writer tells of their life in the first person, and states no need or wish."""
    return says(text, TELLING_FILE) and not states_a_need(text)


def tells_of_family(text: str) -> bool:
    """The writer tells of their family ("ابني في المرحلة الثانوية", my son is at upper secondary school): beside a
    question, the resident's own reason to ask; alone, no introduction to greet ("min dotter" is in questions too)."""
    return says(text, FAMILY_FILE) and not states_a_need(text)


def praises(text: str, langs: Sequence[str] | None = None) -> bool:
    """The writer likes, approves of or thanks for something ("mie tykkään", "klingt gut", "дякую за")."""
    return says(text, PRAISING_FILE, langs)


def asks_in_words(text: str, langs: Sequence[str] | None = None) -> bool:
    """A word asks, mark or not: a question word or particle ("miksi", "هل", "czy"), or a request to be told
    ("kerro", "erzähl mir")."""
    return says(text, ASKING_FILE, langs)


def now_knows(text: str, langs: Sequence[str] | None = None) -> bool:
    """The writer says they now understand, know or have learned ("nu förstår jag", "dál dieđán", "teraz wiem")."""
    return says(text, KNOWING_FILE, langs)


def praises_the_bot(text: str, langs: Sequence[str] | None = None) -> bool:
    """A word of praise beside a word for the bot or "you" ("fajny ten czat", "ezi bot tsbuq eyu")."""
    return says(text, BOT_WORDS_FILE, langs) and says(text, BOT_PRAISE_FILE, langs)


def tells_the_weather(text: str, langs: Sequence[str] | None = None) -> bool:
    """The writer speaks of the weather or the season ("kylmä täälä", "lumi sullaa"), or tells a temperature below
    zero or shows the cold, snow or sun ("-32 at the bus stop", "Det är -30 här idag 🥶"): in Kiruna's winter a
    number after a minus sign is the weather."""
    return says(text, WEATHER_FILE, langs) or _WEATHER_SIGNS.search(text) is not None
