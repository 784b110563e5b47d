"""After a swap no answer is cached: the same question asked at once by many residents is made once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.chat.answer import ChatRequest
from bot.chat.cache import InFlight
from bot.storage.question_stats import refused
from bot.wiring import Bot
from tests.fakes import run_async


def test_concurrent_requests_for_one_answer_make_it_once(fresh_bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    understander = fresh_bot.chat.pipeline.understander
    understand = understander.understand

    def counted(message: str, *args: Any) -> Any:
        made.append(message)
        return understand(message, *args)

    monkeypatch.setattr(understander, "understand", counted)

    async def many() -> list[Any]:
        request = ChatRequest(message="När går nattbussen?", lang="sv")
        return await asyncio.gather(*(fresh_bot.chat.answer(request) for _ in range(16)))

    answers = run_async(many)
    assert made == ["När går nattbussen?"]
    assert len({a.id for a in answers}) == 16  # each resident's answer has its own id, for feedback
    assert {a.answer for a in answers} == {answers[0].answer}
    assert refused(fresh_bot.database) == [("När går nattbussen?", "sv", 16)]  # and each was logged


def test_a_failed_maker_lets_the_waiters_make_their_own() -> None:
    calls: list[int] = []

    async def run() -> list[object]:
        inflight = InFlight()
        started = asyncio.Event()

        async def failing() -> int:
            calls.append(1)
            started.set()
            await asyncio.sleep(0.01)
            raise RuntimeError("provider down")

        async def working() -> int:
            calls.append(2)
            return 7

        async def waiter() -> tuple[int, bool]:
            await started.wait()
            return await inflight.share("k", working)

        return await asyncio.gather(inflight.share("k", failing), waiter(), return_exceptions=True)

    first, second = run_async(run)
    assert isinstance(first, RuntimeError)
    assert second == (7, False)
    assert calls == [1, 2]
