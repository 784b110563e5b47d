"""The answer text as a resident reads it: their language, short, the vision first, real links."""

from __future__ import annotations

import pytest

from bot.chat.answer import Answer
from bot.language.supported import LANGUAGES
from bot.service import ChatService
from corpus import Corpus
from tests.fakes import ask

OTHER_LANGUAGES = [code for code in LANGUAGES if code != "sv"]
BUDGET = 350  # characters of the bot's own words around the quotes


def _swedish_headings(corpus: Corpus) -> set[str]:
    return {h for c in corpus.chunks() for h in c.heading_path} | {d.meta.title for d in corpus.documents}


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize(
    "question",
    ["Vad är målet för kultur och idrott?", "Vad är Kirunas vision?", "Hur gjorde ni när visionen togs fram?"],
)
def test_a_translated_answer_is_in_the_residents_language_and_short(
    fast_chat: ChatService, corpus: Corpus, lang: str, question: str
) -> None:
    answer = ask(fast_chat, question, lang, log=False)
    assert answer.kind == "answer"
    assert answer.translation.available
    shown = [q.translation.text for q in answer.quotes if q.translation is not None]
    assert len(shown) == len(answer.quotes)  # every quote has its translation
    for quote, translated in zip(answer.quotes, shown, strict=True):
        assert translated in answer.answer
        assert quote.text not in answer.answer  # the Swedish original stays in the quote object
    for heading in _swedish_headings(corpus):
        assert f"“{heading}”" not in answer.answer, heading
        assert f"”{heading}”" not in answer.answer, heading
    assert len(answer.answer) <= sum(len(t) for t in shown) + BUDGET
    assert answer.translation.notice  # one line saying what kind of translation this is
    assert answer.answer.count(answer.translation.notice) == 1
    assert answer.source is not None
    assert answer.source.url == "https://kiruna.se/Kommun/Kommun-politik/Vision-mal-och-varumarke/"
    assert answer.answer.endswith(answer.source.text)
    assert all(q.heading and q.heading not in _swedish_headings(corpus) for q in answer.quotes)


def test_a_swedish_answer_quotes_swedish_with_a_source_line(fast_chat: ChatService) -> None:
    answer = ask(fast_chat, "Vad är målet för kultur och idrott?", "sv", log=False)
    assert answer.quote is not None
    assert answer.quote.translation is None
    assert answer.quote.text in answer.answer
    source = answer.answer.splitlines()[-1]
    changed = "senast ändrad 21\u00a0februari\u00a02020."
    assert source.startswith(f"Källa: Vision, mål och varumärke, Kiruna kommun, {changed}")
    assert answer.quote.doc_version is not None
    assert source.endswith(f"{answer.quote.doc_version}.")  # the version quoted, so a screenshot can be traced


def test_dates_and_paragraphs_do_not_break_across_lines(fast_chat: ChatService) -> None:
    for lang, date in (
        ("sv", "27\u00a0maj\u00a02013"),
        ("en", "May\u00a027,\u00a02013"),
        ("de", "27.\u00a0Mai\u00a02013"),
    ):
        answer = ask(fast_chat, "Vad är Kirunas vision?", lang, log=False)
        assert date in answer.lead, lang
        assert "§\u00a068" in answer.lead


def test_without_a_translation_the_swedish_text_is_the_answer_with_a_notice(fresh_bot_without_de: Answer) -> None:
    answer = fresh_bot_without_de
    assert not answer.translation.available
    assert answer.quote is not None
    assert answer.quote.text in answer.answer
    assert answer.translation.notice
    assert answer.answer.startswith(answer.translation.notice)


def test_read_more_lines_come_as_related_links_in_the_residents_language(fast_chat: ChatService) -> None:
    answer = ask(fast_chat, "Vad är målet för boende och bostäder?", "en", log=False)
    assert [r.text for r in answer.related] == ["Läs mer om vårt bostadsförsörjningsprogram (webbsida)"]
    assert answer.related[0].label != answer.related[0].text  # translated
    assert answer.related[0].url is None  # no address is known for it: none is invented
