"""Where a page states, in its own words, how many items a list of it has.

A count answer counts the items under a heading ("The page lists 6 items under …"). The page may
say another number elsewhere: the Kiruna page lists six strategic directions, and its account of
how the vision was made says the work "resulterade i de nio strategiska inriktningarna". A resident
who read the nine should find it in the answer, quoted and labelled with its section, not be left
to wonder which is right (issue 11). These are the sentences outside the list that state a count
and name the list's heading.
"""

from __future__ import annotations

from bot.chat.question_types import stated_types
from corpus.model import Corpus, Sentence
from index.analysis import stems, words

# Words of the heading a sentence must name: one shared word ("mål") is chance, two name the list.
SHARED_WORDS = 2


def counts_stated(corpus: Corpus) -> dict[str, tuple[Sentence, ...]]:
    """Each list heading (one with labelled items under it), with the sentences elsewhere in its
    document that state a count of what it names."""
    out: dict[str, tuple[Sentence, ...]] = {}
    for doc in corpus.documents:
        lang = doc.meta.language
        parents = {c.heading_path[:-1] for c in doc.chunks if c.kind == "labelled" and len(c.heading_path) > 1}
        for parent in sorted(parents):
            named = set(stems(words(parent[-1]), lang))
            found = [
                s
                for chunk in doc.chunks
                if chunk.heading_path[: len(parent)] != parent
                for s in chunk.sentences
                if "count" in stated_types(s.text, lang)
                and len(named & set(stems(words(s.text), lang))) >= SHARED_WORDS
            ]
            out[parent[-1]] = tuple(found)
    return out
