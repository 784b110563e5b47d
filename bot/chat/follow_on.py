"""Ranking for a follow-up that names a new topic: "Vad är målet för bostäder?" → "och för kultur?".

Read alone, "och för kultur?" is a word or two the page uses in several places (the interpretation
speaks of "många kulturer"); read with the last question it is mostly that question again. The
answer is the passage both readings rank well that the last answer did not already give: the new
topic in the last question's frame. Scores are the ranker's, so they add up on one scale.
"""

from __future__ import annotations

from dataclasses import replace

from bot.chat.retrieval import Retrieval, ScoredChunk


def follow_on(alone: Retrieval, together: Retrieval, previous: tuple[str, ...], named: bool = False) -> Retrieval:
    """`together` re-ranked by the sum of both readings' scores, the last answer's passages last. A follow-up
    that `named` a topic of its own gets no line the last answer quoted ("var kan jag läsa om trafik?" → "och
    om boende?": not traffic's link again; "and when exactly?" may get the decision line again)."""
    if not together.ranked:
        return together
    own = {r.chunk.id: r.fused for r in alone.ranked}
    floor = min(own.values(), default=0.0)

    def key(r: ScoredChunk) -> tuple[bool, float]:
        return (r.chunk.id in previous, -(r.fused + own.get(r.chunk.id, floor)))

    lines = [r for r in together.lines if not (named and r.chunk.id in previous)]
    return replace(together, ranked=sorted(together.ranked, key=key), lines=lines)
