"""Several documents: retrieval ranks across them, and the widget's page wins near ties only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.chat.answer import ChatRequest
from bot.chat.page_preference import normalize_url, page_document, prefer_document
from bot.chat.pipeline import Pipeline
from bot.chat.retrieval import Retrieval, ScoredChunk
from bot.config import Settings
from bot.wiring import Bot
from corpus.model import Chunk
from tests.fakes import fake_bot, run_async

VISION_URL = "https://kiruna.se/Kommun/Kommun-politik/Vision-mal-och-varumarke/"
HOUSING_URL = "https://kiruna.se/Bygga-bo-och-miljo/Bostader/Bostadsforsorjningsprogram/"
HOUSING_GOAL = (
    "Mål: En god och trygg livsmiljö där god tillgång till ett varierat utbud av bostäder är en självklarhet."
)
HOUSING_PAGE = f"""# Bostadsförsörjningsprogram

## Boende

Inriktning: Boende, bebyggelse och livsmiljö
{HOUSING_GOAL}

## Planerade bostäder

Kommunen planerar 500 nya bostäder vid skjutbanan. Byggstart är planerad till sommaren 2014.
"""


def _chunk(doc: str, name: str) -> Chunk:
    return Chunk(f"{doc}/{name}", doc, (name,), "prose", name, 0, len(name), ())


def _retrieval(*scores: tuple[str, float]) -> Retrieval:
    return Retrieval("q", [ScoredChunk(_chunk(doc, f"c{i}"), 0.0, 0.0, s) for i, (doc, s) in enumerate(scores)])


def test_the_page_wins_a_near_tie_and_nothing_more() -> None:
    near = _retrieval(("a", 3.0), ("b", 2.7), ("a", 1.0))
    assert [r.chunk.doc_id for r in prefer_document(near, "b").ranked] == ["b", "a", "a"]
    assert prefer_document(near, "a") is near
    far = _retrieval(("a", 3.0), ("b", 2.0))
    assert prefer_document(far, "b") is far  # a clearly better passage of another page still wins
    assert prefer_document(near, None) is near
    assert prefer_document(_retrieval(("a", 3.0)), "b").ranked[0].chunk.doc_id == "a"


def test_a_page_url_names_its_document() -> None:
    assert normalize_url("HTTPS://www.Kiruna.se/Kommun/Vision/?utm=x#top") == normalize_url(
        "http://kiruna.se/kommun/vision"
    )


@pytest.fixture(scope="module")
def two_documents(
    tmp_path_factory: pytest.TempPathFactory, fast_settings: Settings, fast_pipeline: Pipeline, started_database: Path
) -> Bot:
    """A fresh bot that published a second page beside the vision (once for this module: the tests only ask)."""
    data = tmp_path_factory.mktemp("two-documents")
    shutil.copy(started_database, data / started_database.name)
    bot = fake_bot(fast_settings.model_copy(update={"data_dir": data}), fast_pipeline)
    result = bot.content.import_content(
        HOUSING_PAGE, "bostader.md", "Åsa", metadata={"id": "bostader", "source_url": HOUSING_URL}
    )
    bot.content.publish(result.version.id, "Åsa", wait=True)
    run_async(bot.chat.follow)
    assert {d.meta.id for d in bot.chat.corpus.documents} == {"vision-mal-och-varumarke", "bostader"}
    return bot


def _ask(bot: Bot, message: str, page: str | None) -> tuple[str, str]:
    answer = run_async(bot.chat.answer, ChatRequest(message=message, lang="sv", page=page))
    assert answer.quote is not None
    return answer.quote.doc_id, answer.quote.text


def test_answers_from_the_widgets_page_are_preferred_when_they_answer_as_well(two_documents: Bot) -> None:
    corpus = two_documents.chat.corpus
    assert page_document(corpus, HOUSING_URL + "?ref=menu") == "bostader"
    assert page_document(corpus, "bostader") == "bostader"
    assert page_document(corpus, "https://example.org/") is None
    question = "Vad är målet för bebyggelse?"
    on_housing = _ask(two_documents, question, HOUSING_URL)
    on_vision = _ask(two_documents, question, VISION_URL)
    assert on_housing == ("bostader", f"Inriktning: Boende, bebyggelse och livsmiljö\n{HOUSING_GOAL}")
    assert on_vision[0] == "vision-mal-och-varumarke"
    assert HOUSING_GOAL in on_vision[1]
    by_id = _ask(two_documents, question, "bostader")  # data-document
    assert by_id[0] == "bostader"
    # the cache keeps the pages apart
    assert _ask(two_documents, question, VISION_URL) == on_vision
    # what only the other page says is quoted from it, whatever page the widget sits on
    doc, text = _ask(two_documents, "När startade visionsprojektet Kiruna 2.0?", HOUSING_URL)
    assert doc == "vision-mal-och-varumarke"
    assert "februari 2012" in text
    doc, text = _ask(two_documents, "Var planerar kommunen nya bostäder?", VISION_URL)
    assert doc == "bostader"
    assert "500 nya bostäder" in text


def test_the_eval_reports_figures_per_document(two_documents: Bot) -> None:
    from bot.evaluation.dataset import EvalCase
    from bot.evaluation.report import render_table
    from bot.evaluation.runner import run_eval

    cases = [
        EvalCase("v1", "sv", "När startade visionsprojektet Kiruna 2.0?", None),
        EvalCase(
            "v2",
            "sv",
            "När startade visionsprojektet?",
            "Visionsprojektet Kiruna 2.0 startade i februari 2012 i samband med ett seminarium för ledamöterna i "
            "kommunfullmäktige.",
        ),
        EvalCase(
            "b1",
            "sv",
            "Var planerar kommunen nya bostäder?",
            "Kommunen planerar 500 nya bostäder vid skjutbanan.",
        ),
        EvalCase("x1", "sv", "vad blir det för väder i morgon", None),
    ]
    report = run_async(run_eval, two_documents.chat, cases)
    assert report.by_document["bostader"].in_scope == 1
    assert report.by_document["bostader"].recall_at_1 == 1.0
    assert report.by_document["vision-mal-och-varumarke"].in_scope == 1
    assert sum(s.questions for s in report.by_document.values()) == len(cases)
    assert "bostader:" in render_table(report)
    assert set(report.to_dict()["by_document"]) == set(report.by_document)  # type: ignore[arg-type]
