"""A question naming a section by its whole heading, in any language, and nothing besides."""

from __future__ import annotations

import pytest

from bot.chat.coverage import Coverage
from bot.chat.pipeline import Pipeline
from bot.chat.section_names import SectionNames

VISION = "vision-mal-och-varumarke/var-vision"


@pytest.fixture(scope="module")
def sections(fast_pipeline: Pipeline) -> SectionNames:
    coverage = Coverage(fast_pipeline.index.entries)
    names = {lang: {t.source: t.text for t in items} for lang, items in fast_pipeline.resources.translations.items()}
    return SectionNames.of(fast_pipeline.corpus, names, coverage.content_words, fast_pipeline.retriever.cues)


@pytest.mark.parametrize("words", [["visionen"], ["vision"], ["wizji"], ["visiosta"], ["visionissa"]])
def test_the_vision_named_in_any_language_is_its_section(sections: SectionNames, words: list[str]) -> None:
    assert sections.named(words) == VISION


@pytest.mark.parametrize(
    "words",
    [
        ["visionen", "kultur"],  # what the vision says of culture: the ranker's to find
        ["visiohankkeen"],  # the vision project, a compound: how the vision was made
        ["visionsarbetet"],
        ["kultur"],  # an item of a list, named by `Understander._named_item`
        [],
    ],
)
def test_more_or_another_word_names_no_section(sections: SectionNames, words: list[str]) -> None:
    assert sections.named(words) is None


def test_a_heading_that_asks_names_no_section_alone(sections: SectionNames) -> None:
    # "Hur når vi visionen?" asks how: "visionen" alone must not name it beside "Vår vision"
    assert not any(cid.endswith("hur-nar-vi-visionen") for cid in sections.headings)
    assert VISION in sections.headings
