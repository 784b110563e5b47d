"""Chooses the exact words to quote: whole sentences of the corpus, never anything else.

A quote is always a slice of `Document.text` between sentence boundaries, so it is verbatim
by construction; `verify_quote` checks it again before an answer leaves the bot.
"""

from __future__ import annotations

from corpus.model import Chunk, Document, Sentence

# A neighbouring sentence joins the quote when it scores nearly as well as the best one.
NEIGHBOUR_MARGIN = 0.03
# How much better than the typed sentence an untyped one must score to be quoted beside it.
SURER_BY = 0.6
# Kinds of chunk that are one statement and are quoted whole: the adopted text, a direction with
# its goal, and a text introduced by a lead (the official interpretation), whose sentences only
# mean what they mean under their lead.
WHOLE_KINDS = frozenset({"adopted", "labelled", "lead"})


class QuoteError(RuntimeError):
    """A quote that is not verbatim corpus text: a bug, never shown to a resident."""


def quote_span(chunk: Chunk, sentence_scores: dict[str, float], typed: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Start and end offsets (in the document text) of the sentences that answer best.

    `typed` holds the sentences that state what the question asks for (a time for "when?", a
    number for "how many?"): the best of them is quoted before any sentence that does not.
    """
    sentences = list(chunk.sentences)
    if chunk.kind in WHOLE_KINDS or len(sentences) == 1:
        return chunk.start, chunk.end
    best_i = max(
        range(len(sentences)),
        key=lambda i: (sentences[i].id in typed, sentence_scores.get(sentences[i].id, 0.0), -i),
    )
    best = sentences[best_i]
    if best.is_lead:
        # A lead ("… tolkas så här:") introduces what follows; quoted alone it says nothing.
        return chunk.start, chunk.end
    first, last = best_i, best_i
    top = sentence_scores.get(best.id, 0.0)
    # a sentence the question's words point at far more surely than the typed one is part of the answer too: "why
    # does the page say nine strategic directions?" types "Syftet med seminariet …" (a purpose) first, and the
    # sentence naming the nine directions is what it asks about
    surest = max(range(len(sentences)), key=lambda i: (sentence_scores.get(sentences[i].id, 0.0), -i))
    if sentence_scores.get(sentences[surest].id, 0.0) >= top + SURER_BY and not sentences[surest].is_lead:
        first, last = min(first, surest), max(last, surest)
    for j in (best_i - 1, best_i + 1):
        if not 0 <= j < len(sentences) or sentences[j].is_lead:
            continue
        # a neighbour stating what is asked too is part of the answer ("Vi arbetar också fram …" beside "det
        # pågående arbetet …" for "what is being drawn up now?")
        both = best.id in typed and sentences[j].id in typed
        if both or sentence_scores.get(sentences[j].id, 0.0) >= top - NEIGHBOUR_MARGIN:
            first, last = min(first, j), max(last, j)
    return _span(sentences[first], sentences[last])


def _span(a: Sentence, b: Sentence) -> tuple[int, int]:
    return a.start, b.end


def verify_quote(doc: Document, start: int, end: int, text: str) -> None:
    if doc.text[start:end] != text or not text.strip():
        raise QuoteError(f"quote is not verbatim corpus text at {doc.meta.id}[{start}:{end}]")
