"""The first person telling of oneself, against the first person stating a need (`bot/chat/self_telling.py`)."""

from __future__ import annotations

import pytest

from bot.chat.self_telling import states_a_need, tells_of_oneself


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
