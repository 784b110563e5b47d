"""Staff's pointers for topics the page does not cover, on the fast tier (hash embedder, fake provider).

The threshold is calibrated here for the hash embedder with the same code and set as for the real
model (`kiruna-bot topics calibrate`); the real model's figures are checked in test_pointers_quality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.chat.pipeline import Pipeline
from bot.config import Settings
from bot.content import ContentError
from bot.evaluation.pointer_calibration import Calibration, calibrate_pointers, load_pointer_set
from bot.storage.topics import TopicDraft
from bot.wiring import Bot, page_questions
from tests.fakes import MemoryTranslator, ask, fake_bot, with_settings

PRESCHOOL = "hur ansöker jag om förskoleplats för min dotter"
RUBBISH_UK = "коли вивозять сміття?"


@pytest.fixture(scope="module")
def calibration(fast_pipeline: Pipeline) -> Calibration:
    return calibrate_pointers(fast_pipeline, page_questions())


@pytest.fixture
def topic_bot(tmp_path: Path, fast_settings: Settings, fast_pipeline: Pipeline, calibration: Calibration) -> Bot:
    model = tmp_path / "pointers.json"
    calibration.model.save(model)
    settings = with_settings(fast_settings, data_dir=tmp_path / "data", pointer_model=model)
    bot = fake_bot(settings, fast_pipeline, provider=MemoryTranslator())
    topics, _ = load_pointer_set()
    for t in topics:
        bot.content.save_topic(TopicDraft(t.name, t.examples, t.text, t.url, "active"), "Åsa")
    return bot


def test_calibration_keeps_every_negative_below_the_threshold(calibration: Calibration) -> None:
    assert calibration.false_pointers() == []
    assert len(calibration.negatives) > 150  # the set's own and every in-scope eval question
    assert calibration.matched()  # and it still points somewhere
    assert calibration.model.threshold > max(s.score for s in calibration.negatives)


def test_a_refused_question_gets_the_pointer_labelled_as_guidance(topic_bot: Bot) -> None:
    answer = ask(topic_bot.chat, PRESCHOOL, "sv")
    assert not answer.answered
    assert answer.pointer is not None
    assert answer.pointer.topic == "Förskola och skolplacering"
    assert answer.pointer.url == "https://kiruna.se/Barn-och-utbildning/"
    assert answer.pointer.provenance == "original"
    assert answer.pointer.text.startswith("Ansökan om plats i förskola")
    lines = answer.answer.split("\n")
    label = lines.index("Vägledning från Kiruna kommun, inte en del av visionstexten:")
    assert lines[label + 1 :] == [answer.pointer.text, answer.pointer.url]
    assert answer.quote is None
    assert answer.quotes == []


def test_the_pointer_is_translated_like_the_page_with_its_provenance(topic_bot: Bot) -> None:
    answer = ask(topic_bot.chat, PRESCHOOL, "uk")  # asked in Swedish, answered in Ukrainian
    assert answer.pointer is not None
    assert answer.pointer.topic == "Förskola och skolplacering"
    assert answer.pointer.provenance == "machine"
    assert answer.pointer.text.startswith("[uk] Ansökan om plats i förskola")
    assert "Порада від муніципалітету Кіруна, не частина тексту бачення:" in answer.answer
    assert topic_bot.chat.catalogs.get("uk", "Machine translation (Google Translate), not reviewed:") in answer.answer
    # the translation is in the memory now, for staff to review like any other
    entries = topic_bot.staff.translations("uk")
    pointer_entry = next(r for r in entries if r.entry.source_text.startswith("Ansökan om plats i förskola"))
    assert not pointer_entry.stale
    approved = topic_bot.staff.approve_translation(pointer_entry.entry.id, "Åsa")
    assert not approved.stale
    again = ask(topic_bot.chat, PRESCHOOL, "uk")
    assert again.pointer is not None
    assert again.pointer.provenance == "reviewed"


def test_an_edited_topic_text_makes_its_old_translations_stale_and_answers_change_at_once(topic_bot: Bot) -> None:
    ask(topic_bot.chat, PRESCHOOL, "uk")
    topic = next(t for t in topic_bot.content.topics() if t.name == "Förskola och skolplacering")
    new_text = "Läs om förskola på kommunens webbplats."
    topic_bot.content.save_topic(TopicDraft(topic.name, topic.examples, new_text, topic.url, "active"), "Bo", topic.id)
    stale = [r for r in topic_bot.staff.translations("uk", stale=True) if "plats i förskola" in r.entry.source_text]
    assert stale
    answer = ask(topic_bot.chat, PRESCHOOL, "uk")  # not the cached answer with the old text
    assert answer.pointer is not None
    assert answer.pointer.text == f"[uk] {new_text}"


def test_a_draft_topic_points_nowhere(topic_bot: Bot) -> None:
    assert ask(topic_bot.chat, PRESCHOOL, "sv").pointer is not None
    topic = next(t for t in topic_bot.content.topics() if t.name == "Förskola och skolplacering")
    topic_bot.content.save_topic(TopicDraft(topic.name, topic.examples, topic.text, topic.url, "draft"), "Bo", topic.id)
    after = ask(topic_bot.chat, PRESCHOOL, "sv").pointer
    assert after is None or after.topic != topic.name


def test_questions_about_the_vision_get_no_pointer(topic_bot: Bot) -> None:
    for question in ("Vad är Kirunas vision?", "Vilket mål finns för boende?", "Hur gjorde vi visionen?"):
        answer = ask(topic_bot.chat, question, "sv")
        assert answer.answered
        assert answer.pointer is None


@pytest.mark.parametrize(
    ("draft", "fragment"),
    [
        (TopicDraft(" ", ("a",), "t", "https://x.se", "draft"), "needs a name"),
        (TopicDraft("Buss", (), "t", "https://x.se", "active"), "active topic needs"),
        (TopicDraft("Buss", ("a",), "", "https://x.se", "active"), "active topic needs"),
        (TopicDraft("Buss", ("a",), "t", "javascript:alert(1)", "draft"), "http"),
        (TopicDraft("Buss", ("a",) * 31, "t", "https://x.se", "draft"), "at most 30"),
    ],
)
def test_bad_topics_are_refused(fresh_bot: Bot, draft: TopicDraft, fragment: str) -> None:
    with pytest.raises(ContentError, match=fragment):
        fresh_bot.content.save_topic(draft, "Åsa")
    assert fresh_bot.content.topics() == []


def test_refused_questions_are_grouped_with_counts(topic_bot: Bot) -> None:
    for _ in range(3):
        ask(topic_bot.chat, "När går nattbussen?", "sv")
    ask(topic_bot.chat, "när går nattbussen", "sv")  # the same question, typed differently
    for _ in range(2):
        ask(topic_bot.chat, RUBBISH_UK, "uk")
    ask(topic_bot.chat, PRESCHOOL, "sv")
    ask(topic_bot.chat, "Vad är Kirunas vision?", "sv")  # answered: not among them
    clusters = topic_bot.content.clusters()
    assert sum(c.count for c in clusters) == 7
    bus = next(c for c in clusters if any("nattbussen" in q for q, _, _ in c.questions))
    assert bus.count == 4
    assert bus.by_lang == {"sv": 4}
    assert clusters[0] is bus  # the largest first
    rubbish = next(c for c in clusters if any(q == RUBBISH_UK for q, _, _ in c.questions))
    assert rubbish.by_lang == {"uk": 2}
    preschool = next(c for c in clusters if any(q == PRESCHOOL for q, _, _ in c.questions))
    assert preschool.covered_by == "Förskola och skolplacering"  # already pointed somewhere
