"""Several questions in one message, on the fast pipeline: each part gets its own quote, verbatim."""

from __future__ import annotations

import re
import unicodedata

from bot.chat.pipeline import Pipeline
from bot.service import ChatService
from tests.conftest import SEED
from tests.fakes import ask

# the page as published, its runs of spaces as one (as the cleaned corpus keeps them)
PAGE = re.sub(r"[^\S\n]+", " ", unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8")))


def _quoted(chat: ChatService, message: str) -> list[str]:
    answer = ask(chat, message, "sv", log=False)
    assert answer.kind == "answer", message
    for quote in answer.quotes:
        assert quote.text in PAGE  # against the page as published, not only the offsets
    return [q.text for q in answer.quotes]


def test_two_sentences_are_two_parts_in_the_order_asked(fast_chat: ChatService) -> None:
    quoted = _quoted(fast_chat, "Vad är målet för boende? Vem publicerade sidan?")
    assert quoted[0].startswith("Inriktning: Boende")
    assert quoted[-1] == "Publicerad av: Ulrika Hannu"


def test_two_facts_of_one_passage_are_one_quote_from_the_first_to_the_last(fast_chat: ChatService) -> None:
    quoted = _quoted(fast_chat, "När startade visionsprojektet och hur många arbetsgrupper fanns det?")
    assert len(quoted) == 1
    assert quoted[0].startswith("Visionsprojektet Kiruna 2.0 startade i februari 2012")
    assert "Nio arbetsgrupper" in quoted[0]


def test_a_topic_joined_to_the_one_before_is_asked_as_it_was(fast_chat: ChatService) -> None:
    quoted = _quoted(fast_chat, "Vilka mål har ni för bostäder och kultur?")
    assert [q.split("\n")[0] for q in quoted] == [
        "Inriktning: Boende, bebyggelse och livsmiljö",
        "Inriktning: Kultur, fritid och idrott i hela kommunen",
    ]


def test_a_question_about_one_passage_is_not_split(fast_chat: ChatService) -> None:
    # "kultur och idrott" names one direction: one quote, not two copies of it
    quoted = _quoted(fast_chat, "Vad är målet för kultur och idrott?")
    assert len(quoted) == 1


def test_a_conjunction_the_page_says_between_the_same_words_is_no_cut(fast_pipeline: Pipeline) -> None:
    coverage = fast_pipeline.gate.coverage
    assert coverage.says(("kultur", "och", "idrott"))  # the page: "Kultur och idrott ska vara …"
    assert not coverage.says(("boende", "och", "kultur"))
    assert not coverage.says(("och", "idrott", "ska", "vara", "lattillgangligt", "och", "ge", "nope"))
