"""Where the page states a count of a list's items in its own words (bot/chat/page_counts.py)."""

from __future__ import annotations

from bot.chat.page_counts import counts_stated
from bot.chat.pipeline import Pipeline


def test_the_nine_directions_the_working_process_names_are_found_for_the_list_of_six(
    fast_pipeline: Pipeline,
) -> None:
    counts = counts_stated(fast_pipeline.corpus)
    stated = counts["Strategiska inriktningar och övergripande mål"]
    assert [s.text for s in stated] == [
        "Detta arbete resulterade i de nio strategiska inriktningarna med tillhörande mål, "
        "samt den övergripande visionen."
    ]
    # a sentence with a number that names no word of the heading is no count of the list
    texts = " ".join(s.text for ss in counts.values() for s in ss)
    assert "Nio arbetsgrupper" not in texts


def test_a_lists_own_items_are_not_what_the_page_says_elsewhere(fast_pipeline: Pipeline) -> None:
    corpus = fast_pipeline.corpus
    for heading, stated in counts_stated(corpus).items():
        for sentence in stated:
            assert heading not in corpus.chunk(sentence.chunk_id).heading_path
