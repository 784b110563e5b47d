"""deep-translator's real Google client against a local stand-in of the endpoint: never the real one."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bot.redaction import redact
from bot.translation.base import TranslationUnavailable
from bot.translation.breaker import CircuitBreaker
from bot.translation.google import MAX_CHARS, GoogleTranslator, split_for_limit
from tests.google_standin import StandIn, google_standin


@pytest.fixture
def standin() -> Iterator[StandIn]:
    with google_standin() as s:
        yield s


def _translator(standin: StandIn, deadline: float = 1.0, failures: int = 3) -> GoogleTranslator:
    return GoogleTranslator(deadline=deadline, breaker=CircuitBreaker(failures, 60), base_url=standin.url)


def test_success(standin: StandIn) -> None:
    out = _translator(standin).translate("Vi är Kiruna.", "en")
    assert out == "[en] Vi är Kiruna."
    assert standin.received == ["Vi är Kiruna."]


@pytest.mark.parametrize("mode", ["429", "500", "empty"])
def test_failures_become_unavailable(standin: StandIn, mode: str) -> None:
    standin.mode = mode
    with pytest.raises(TranslationUnavailable):
        _translator(standin).translate("Vi är Kiruna.", "en")


def test_a_stall_is_cut_at_the_deadline(standin: StandIn) -> None:
    standin.mode, standin.stall_seconds = "stall", 8.0
    translator = _translator(standin, deadline=0.5)
    started = time.monotonic()
    with pytest.raises(TranslationUnavailable, match="within"):
        translator.translate("Vi är Kiruna.", "en")
    assert time.monotonic() - started < 0.5 + 3  # far short of the stall; generous for a loaded machine


def test_unsupported_language_is_refused_without_a_call(standin: StandIn) -> None:
    translator = _translator(standin)
    assert not translator.supports("se")
    assert not translator.supports("fit")
    with pytest.raises(TranslationUnavailable):
        translator.translate("Vi är Kiruna.", "se")
    assert standin.received == []


def test_text_over_the_limit_is_split_at_sentences(standin: StandIn) -> None:
    sentence = "Kultur och idrott ska vara lättillgängligt för alla. "
    text = sentence * (2 * MAX_CHARS // len(sentence) + 3)
    out = _translator(standin).translate(text, "de")
    assert len(standin.received) >= 3
    assert all(len(piece) <= MAX_CHARS for piece in standin.received)
    assert all(piece.endswith(".") for piece in standin.received)
    assert out.count("[de]") == len(standin.received)


def test_split_for_limit_keeps_every_character_but_spaces() -> None:
    text = "Ett. Två? Tre! " * 1000
    pieces = split_for_limit(text, 100)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_breaker_opens_after_repeated_failures(standin: StandIn) -> None:
    standin.mode = "500"
    translator = _translator(standin, failures=3)
    for _ in range(3):
        with pytest.raises(TranslationUnavailable):
            translator.translate("Vi är Kiruna.", "en")
    assert translator.breaker.state == "open"
    calls = len(standin.received)
    with pytest.raises(TranslationUnavailable, match="paused"):
        translator.translate("Vi är Kiruna.", "en")
    assert len(standin.received) == calls


def test_breaker_half_opens_and_closes_on_success() -> None:
    now = [0.0]
    breaker = CircuitBreaker(failures=2, reset_seconds=10, clock=lambda: now[0])
    breaker.failure()
    breaker.failure()
    assert breaker.state == "open"
    assert not breaker.allow()
    now[0] = 11
    assert breaker.state == "half-open"
    assert breaker.allow()
    assert not breaker.allow()  # one trial at a time
    breaker.success()
    assert breaker.state == "closed"


def test_personal_data_never_reaches_the_provider(standin: StandIn) -> None:
    text = "Ring 070-123 45 67 eller mejla anna.andersson@example.se, pnr 811228-9874."
    _translator(standin).translate(text, "en")
    sent = " ".join(standin.received)
    for secret in ("070-123 45 67", "anna.andersson@example.se", "811228-9874"):
        assert secret not in sent
    assert sent == redact(text)
