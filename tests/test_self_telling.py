"""The first person telling of oneself, against the first person stating a need (`bot/chat/self_telling.py`)."""

from __future__ import annotations

import pytest

from bot.chat.self_telling import (
    ASKING_FILE,
    BOT_PRAISE_FILE,
    BOT_WORDS_FILE,
    KNOWING_FILE,
    PRAISING_FILE,
    asks_in_words,
    now_knows,
    praises,
    praises_the_bot,
    states_a_need,
    tells_of_oneself,
    tells_the_weather,
)
from bot.chat.word_tables import word_table
from bot.language.supported import LANGUAGES


@pytest.mark.parametrize(
    "text",
    ["I'm a nurse and I live in Lombolo", "jag heter Sara och bor i Tuolluvaara", "Mun lean Ánde ja orun Gironis"],
)
def test_telling_of_oneself(text: str) -> None:
    assert tells_of_oneself(text)
    assert not states_a_need(text)


@pytest.mark.parametrize(
    "text", ["I live in Lombolo and I need a flat", "jag bor här och söker jobb", "Ich suche Arbeit"]
)
def test_a_need_is_no_telling(text: str) -> None:
    assert states_a_need(text)
    assert not tells_of_oneself(text)


def test_a_question_of_the_page_tells_nothing_of_its_writer() -> None:
    assert not tells_of_oneself("what is the goal for housing")


@pytest.mark.parametrize(
    ("text", "langs"),
    [
        ("gillar verkligen målet om kultur och idrott", ("sv",)),
        ("cheers for the info about the housing goal", ("en",)),
        ("mie tykkään ko kulttuuri ja urheilu on kaikile", ("fit",)),
        ("dzięki za info o celu mieszkaniowym", ("pl",)),
    ],
)
def test_praise_naming_what_it_is_for(text: str, langs: tuple[str, ...]) -> None:
    assert praises(text, langs)
    assert not asks_in_words(text, langs)


@pytest.mark.parametrize(
    ("text", "langs"),
    [
        ("tack för svaret, vad är målet för kultur", ("sv",)),
        ("kiitos tiedosta, mikä on kulttuurin tavoite", ("fi",)),
        ("czy gmina ma cel dla kultury", ("pl",)),
        ("erzähl mir mehr über die Vision", ("de",)),
        ("هل للبلدية هدف للثقافة", ("ar",)),
    ],
)
def test_a_word_that_asks_without_a_mark(text: str, langs: tuple[str, ...]) -> None:
    assert asks_in_words(text, langs)


def test_the_words_are_read_in_the_languages_given() -> None:
    # Finnish "mitä" (what) asks in Finnish, and is no Swedish word
    assert asks_in_words("mitä", ("fi",))
    assert not asks_in_words("mitä", ("sv",))


def test_every_language_has_every_list() -> None:
    for table in (PRAISING_FILE, ASKING_FILE, KNOWING_FILE, BOT_WORDS_FILE, BOT_PRAISE_FILE):
        assert set(word_table(table)) == set(LANGUAGES)


@pytest.mark.parametrize(
    ("text", "langs"),
    [
        ("nu förstår jag äntligen hur visionen kom till", ("sv",)),
        ("Nyt ymmärrän vähän paremmin mitä kunta ajaa takaa", ("fi",)),
        ("dál dieđán goas visuvdna mearriduvvui", ("se",)),
        ("тепер я розумію, як з'явилася візія", ("uk",)),
    ],
)
def test_saying_one_now_knows(text: str, langs: tuple[str, ...]) -> None:
    assert now_knows(text, langs)


@pytest.mark.parametrize("text", ["vad betyder visionen", "I don't know what the vision is", "en tiedä mitä kysyä"])
def test_asking_or_not_knowing_is_no_knowing(text: str) -> None:
    assert not now_knows(text)


@pytest.mark.parametrize(
    ("text", "langs"),
    [
        ("Świetny ten bot, bardzo pomocny", ("pl",)),
        ("du är riktigt smart", ("sv",)),
        ("hyvä botti tämä", ("fi",)),
        ("روبوت ذكي جدا", ("ar",)),
    ],
)
def test_praise_of_the_bot(text: str, langs: tuple[str, ...]) -> None:
    assert praises_the_bot(text, langs)


@pytest.mark.parametrize("text", ["Hi bot!", "the goal for housing is good", "tyhmä botti"])
def test_a_bot_word_or_a_good_word_alone_is_no_praise_of_the_bot(text: str) -> None:
    assert not praises_the_bot(text)


@pytest.mark.parametrize(
    "text",
    ["Onpa kylmä tänäpänä", "Det är -30 här idag", "−32 °C ute", "Still getting used to the dark", "❄️❄️"],
)
def test_the_weather_told_is_read(text: str) -> None:
    assert tells_the_weather(text)


@pytest.mark.parametrize(
    "text",
    ["Läs mer om näringslivsstrategi 2016-2018", "Vad är målet för boende?", "ring 0980-70000", "stop - 30 people"],
)
def test_a_range_a_number_or_the_page_is_no_weather(text: str) -> None:
    assert not tells_the_weather(text)
