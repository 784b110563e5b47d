"""A follow-up naming a new topic is ranked by both readings, not the passage just given again."""

from __future__ import annotations

from bot.chat.follow_on import follow_on
from bot.chat.retrieval import Retrieval, ScoredChunk
from corpus.model import Chunk


def _scored(chunk_id: str, fused: float) -> ScoredChunk:
    chunk = Chunk(chunk_id, "doc", ("doc", chunk_id), "labelled", chunk_id, 0, len(chunk_id), ())
    return ScoredChunk(chunk, dense=0.0, lexical=0.0, fused=fused)


def test_the_new_topic_in_the_last_questions_frame_wins() -> None:
    # "och för kultur?" alone: the interpretation (which mentions cultures) a little above culture
    alone = Retrieval("och för kultur?", [_scored("interpretation", 5.0), _scored("culture", 4.9)])
    # read with "Vad är målet för bostäder?": housing, then culture, the interpretation far below
    together = Retrieval(
        "Vad är målet för bostäder? och för kultur?",
        [_scored("housing", 6.5), _scored("culture", 6.0), _scored("interpretation", 1.5)],
    )
    ranked = follow_on(alone, together, previous=("housing",))
    assert [r.chunk.id for r in ranked.ranked] == ["culture", "interpretation", "housing"]
    assert ranked.question == together.question  # facts are read from the question in its frame


def test_a_chunk_only_one_reading_found_still_ranks() -> None:
    alone = Retrieval("x", [_scored("a", 1.0)])
    together = Retrieval("y x", [_scored("b", 3.0), _scored("a", 1.5)])
    assert [r.chunk.id for r in follow_on(alone, together, previous=()).ranked] == ["b", "a"]
    assert follow_on(alone, Retrieval("y x", []), previous=()).ranked == []
