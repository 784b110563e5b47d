"""The one orchestration: cache, trace, and swapping in another corpus without a restart."""

from __future__ import annotations

from pathlib import Path

from bot.chat.answer import ChatRequest
from bot.config import Settings
from bot.wiring import Bot
from tests.fakes import ask, fake_bot, fake_pipeline, run_async, tiny_corpus_dir, with_settings


def test_trace_keeps_the_evidence_and_never_caches(fresh_bot: Bot) -> None:
    request = ChatRequest(message="Vad är målet för kultur och idrott?", lang="sv")
    first = run_async(fresh_bot.chat.trace, request)
    second = run_async(fresh_bot.chat.trace, request)
    assert first.plan is not None
    assert second.plan is not None  # not served from a cache
    assert first.plan.parts[0].chunk is not None
    assert first.plan.parts[0].chunk.id == first.answer.quote.chunk_id  # type: ignore[union-attr]
    assert first.answer.id != second.answer.id


def test_a_swapped_corpus_answers_at_once_and_old_answers_are_not_reused(
    fresh_bot: Bot, fast_settings: Settings, tmp_path: Path
) -> None:
    question = "När startade arbetet?"
    before = ask(fresh_bot.chat, question, "sv")
    assert before.quote is not None
    assert before.quote.doc_id == "vision-mal-och-varumarke"
    tiny = with_settings(fast_settings, data_dir=tmp_path / "tiny", corpus_dir=tiny_corpus_dir(tmp_path))
    tiny.data_dir.mkdir()
    fresh_bot.chat.swap(fake_pipeline(tiny))
    after = ask(fresh_bot.chat, question, "sv")
    assert after.quote is not None
    assert after.quote.doc_id == "tiny"
    assert "februari 2012" in after.quote.text
    assert fresh_bot.chat.corpus.documents[0].meta.id == "tiny"


def test_a_markdown_corpus_is_answered_like_the_page(fast_settings: Settings, tmp_path: Path) -> None:
    tiny = with_settings(fast_settings, data_dir=tmp_path / "data", corpus_dir=tiny_corpus_dir(tmp_path))
    tiny.data_dir.mkdir()
    bot = fake_bot(tiny, fake_pipeline(tiny))
    answer = ask(bot.chat, "Vad är målet för kultur?", "sv")
    assert answer.answered
    assert answer.quote is not None
    assert answer.quote.text == "Inriktning: Kultur\nMål: Kultur för alla i hela kommunen."
    assert answer.quote.section == "Mål › Kultur"
