"""Whether a message tells of its writer ("Olen Pekka ja asun keskustassa", I'm Pekka and live in the centre)
rather than states a need ("Ich suche eine Wohnung", I'm looking for a flat).

A resident often opens a chat by saying who they are, with no greeting word and nothing asked: small talk to
return with a greeting. The same first person stating a need asks for a service the page does not offer, and
is refused. Two word lists, read and matched as the other word lists are (`bot.chat.word_tables`), written from
the languages' grammar, not from any question set: `telling_words.tsv` (the first person telling of a life:
"asun", "orun", "i live", "ich wohne"; no bare Finnish "oon", which Meänkieli says for "is") and
`wanting_words.tsv` ("ich suche", "шукаю", "i need"); a phrase where one word does not say the first person.
"""

from __future__ import annotations

from pathlib import Path

from bot.chat.word_tables import says

TELLING_FILE = Path(__file__).with_name("telling_words.tsv")
WANTING_FILE = Path(__file__).with_name("wanting_words.tsv")


def states_a_need(text: str) -> bool:
    """The writer states a need, a wish or a search in the first person ("Я шукаю роботу", I'm looking for work)."""
    return says(text, WANTING_FILE)


def tells_of_oneself(text: str) -> bool:
    """The writer tells of their life in the first person, and states no need or wish."""
    return says(text, TELLING_FILE) and not states_a_need(text)
