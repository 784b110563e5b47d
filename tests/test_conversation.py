"""Conversations without server state: the signed token, follow-ups, small talk and its language."""

from __future__ import annotations

import base64
import json
import time
import zlib
from pathlib import Path

import pytest

from bot.chat.answer import Answer, ChatRequest
from bot.chat.conversation import Context, ConversationTokens
from bot.config import Settings
from bot.service import ChatService
from bot.wiring import Bot, build_bot
from tests.fakes import ask, run_async

KEY = b"k" * 32


def _say(chat: ChatService, message: str, conversation: str | None = None, **extra: object) -> Answer:
    request = ChatRequest.model_validate({"message": message, "conversation": conversation, **extra})
    return run_async(lambda: chat.answer(request, log=False))


# -- the token -------------------------------------------------------------------------------------


def test_a_token_carries_the_context_and_nothing_else() -> None:
    tokens = ConversationTokens(KEY, ttl=60)
    context = Context("fi", "mikä on visio?", ("a/b",), ("x", "y"), ("time",))
    token = tokens.issue(context)
    assert tokens.read(token) == context
    assert len(token) < 400  # small: it travels with every message


def test_a_tampered_token_is_ignored() -> None:
    tokens = ConversationTokens(KEY, ttl=60)
    token = tokens.issue(Context("sv", "vad är visionen?"))
    version, payload, mac = token.split(".")
    forged = zlib.compress(json.dumps({"l": "en", "q": "x", "e": time.time() + 99}).encode())
    forged_payload = base64.urlsafe_b64encode(forged).rstrip(b"=").decode()
    assert tokens.read(f"{version}.{forged_payload}.{mac}") is None
    tampered = mac[:-2] + ("AA" if mac[-2:] != "AA" else "BA")  # a changed mac (one in 256 ends in AA)
    assert tokens.read(f"{version}.{payload}.{tampered}") is None
    assert tokens.read(token[:-1]) is None
    assert tokens.read("not a token") is None
    assert tokens.read("v1..") is None


def test_an_expired_token_is_ignored() -> None:
    tokens = ConversationTokens(KEY, ttl=60)
    token = tokens.issue(Context("sv", "vad är visionen?"), now=time.time() - 61)
    assert tokens.read(token) is None


def test_a_token_from_another_key_is_ignored_and_one_from_the_same_key_is_read() -> None:
    context = Context("de", "was ist die vision?")
    token = ConversationTokens(KEY, ttl=60).issue(context)
    assert ConversationTokens(b"o" * 32, ttl=60).read(token) is None
    assert ConversationTokens(KEY, ttl=60).read(token) == context  # another worker, the same key


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        ConversationTokens(b"short", ttl=60)


def test_workers_on_one_data_dir_share_the_key(fresh_bot: Bot, fast_settings: Settings, tmp_path: Path) -> None:
    """Any worker continues a conversation another began: the key lives in the data dir (0600)."""
    settings = fast_settings.model_copy(update={"data_dir": tmp_path})
    first = build_bot(settings, pipeline=fresh_bot.chat._live.pipeline)
    second = build_bot(settings, pipeline=fresh_bot.chat._live.pipeline)
    key = tmp_path / "conversation.key"
    assert key.stat().st_mode & 0o777 == 0o600
    answer = _say(first.chat, "Vad är målet för kultur och idrott?")
    assert answer.conversation
    again = _say(second.chat, "på engelska, tack", answer.conversation)
    assert again.lang == "en"
    assert again.quote is not None
    assert again.quote.chunk_id == answer.quote.chunk_id  # type: ignore[union-attr]


def test_a_bad_token_in_a_request_costs_nothing(fast_chat: ChatService) -> None:
    standalone = _say(fast_chat, "Vad är målet för kultur och idrott?")
    with_junk = _say(fast_chat, "Vad är målet för kultur och idrott?", "v1.AAAA.BBBB")
    assert (with_junk.kind, with_junk.lang, with_junk.answer) == (standalone.kind, standalone.lang, standalone.answer)
    assert with_junk.conversation  # and a fresh, valid token comes back


# -- small talk, in its own language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("hej", "sv"),
        ("Hej hej!", "sv"),
        ("tack!", "sv"),
        ("Hi!", "en"),
        ("moi", "fi"),
        ("Danke!", "de"),
        ("kiitos paljon", "fi"),
        ("شكرا جزيلا", "ar"),
        ("سلام عليكم", "ar"),  # both tables list it; Arabic's "ي" and "ك" as typed
        ("سلام علیکم", "fa"),  # ... and Persian's "ی" and "ک"
        ("дякую", "uk"),
        ("dziękuję!", "pl"),
        ("mahadsanid", "so"),
        ("ሰላም", "ti"),
        ("Bures!", "se"),
        ("are you a bot?", "en"),
        ("vad kan du svara på?", "sv"),
        ("moi moi, nähhään", "fit"),  # Finnish table's words, Meänkieli's "hh"
        ("thanks, that's all i needed", "en"),
        ("apua en tajuu miten tää toimii", "fi"),
    ],
)
def test_small_talk_is_answered_as_such_in_its_own_language(fast_chat: ChatService, message: str, lang: str) -> None:
    answer = _say(fast_chat, message)
    assert answer.kind == "smalltalk", message
    assert answer.lang == lang, message
    assert not answer.answered
    assert answer.quotes == []
    assert "Jag kan bara svara" not in answer.answer  # not the out-of-scope refusal


@pytest.mark.parametrize("message", ["Hi", "hello", "hey!"])
def test_an_english_greeting_on_a_swedish_page_is_answered_in_english(fast_chat: ChatService, message: str) -> None:
    # the widget says the page's language (ui_lang); "hi" is no Swedish greeting, "hej" is
    assert _say(fast_chat, message, ui_lang="sv").lang == "en"
    assert _say(fast_chat, "hej", ui_lang="sv").lang == "sv"


def test_small_talk_offers_questions_to_ask(fast_chat: ChatService) -> None:
    greeting = _say(fast_chat, "hej")
    assert len(greeting.suggestions) == 3
    assert "Vad är Kirunas vision?" in greeting.suggestions
    assert _say(fast_chat, "hej då").suggestions == []  # a goodbye needs no suggestions


def test_a_greeting_followed_by_a_question_answers_the_question(fast_chat: ChatService) -> None:
    answer = _say(fast_chat, "Hej! Vad är målet för kultur och idrott?")
    assert answer.kind == "answer"
    assert answer.quote is not None
    assert "Kultur och idrott ska vara lättillgängligt" in answer.quote.text


def test_a_thanks_with_a_question_answers_the_question(fast_chat: ChatService) -> None:
    # the whole message lies close to "tack så mycket"; its rest asks when
    answer = _say(fast_chat, "tack så mycket! när antogs visionen?")
    assert answer.kind == "answer"
    assert "Antagen av kommunfullmäktige 2013-05-27" in "\n".join(q.text for q in answer.quotes)


def test_a_follow_up_after_a_thanks_asks_of_the_conversation(fast_chat: ChatService) -> None:
    # "dziękuję! kiedy się zaczął?" (thanks! when did it start?): the thanks is no topic of the question
    first = _say(fast_chat, "czym był projekt Kiruna 2.0?")
    follow = _say(fast_chat, "dziękuję! kiedy się zaczął?", first.conversation)
    assert follow.kind == "answer"
    assert follow.lang == "pl"
    assert "februari 2012" in "\n".join(q.text for q in follow.quotes)


def test_the_widget_language_settles_what_the_words_cannot(fast_chat: ChatService) -> None:
    """ "Hallo" is a greeting in several tables: the widget's language decides among them."""
    assert _say(fast_chat, "hallo", ui_lang="sv").lang == "sv"
    assert _say(fast_chat, "hallo", ui_lang="de").lang == "de"
    # a forced language wins over everything
    assert _say(fast_chat, "hej", lang="fi").lang == "fi"


def test_a_short_question_falls_back_to_the_conversation_language(fast_chat: ChatService) -> None:
    first = _say(fast_chat, "Was ist das Ziel für Kultur und Sport?")
    assert first.lang == "de"
    follow = _say(fast_chat, "ok", first.conversation)
    assert follow.lang == "de"


def test_thanks_in_words_finnish_and_meankieli_share_keeps_a_meankieli_conversation(fast_chat: ChatService) -> None:
    first = _say(fast_chat, "Koska sivu oon viimeksi muutettu?")
    assert first.lang == "fit"
    thanks = _say(fast_chat, "Kiitoksia paljon!", first.conversation)
    assert thanks.kind == "smalltalk"
    assert thanks.lang == "fit"


def test_the_detectors_confidence_is_shown_for_staff(fast_chat: ChatService) -> None:
    answer = ask(fast_chat, "Vad är målet för kultur och idrott?")
    assert answer.detected_confidence is not None
    assert 0.5 < answer.detected_confidence <= 1.0


# -- what answers claim ---------------------------------------------------------------------------


def test_only_the_vision_is_said_to_be_adopted_by_the_council(fast_chat: ChatService) -> None:
    vision = ask(fast_chat, "Vad är Kirunas vision?", "sv")
    assert vision.lead.startswith("Kirunas vision, antagen av kommunfullmäktige")
    # questions the fake embedder still ranks to their sections (the real model's ranking: test_answers_real)
    for question in ("Hur uppnår kommunen visionen?", "Vad är målet för kultur och idrott?"):
        answer = ask(fast_chat, question, "sv")
        assert answer.kind == "answer"
        assert "antagen av kommunfullmäktige" not in answer.answer.casefold(), question
        assert answer.quote is not None
        assert answer.quote.adopted  # document-level metadata stays in the quote object


def test_the_vision_comes_before_its_interpretation_in_every_language(fast_chat: ChatService) -> None:
    for lang in ("sv", "en", "fi", "ar", "so"):
        answer = ask(fast_chat, "Vad är Kirunas vision och hur ska den tolkas?", lang)
        kinds = [q.chunk_id.rsplit("/", 1)[-1] for q in answer.quotes]
        assert kinds.index("var-vision") < kinds.index("vi-vill-att-visionen-ska-tolkas-sa-har"), lang
