"""The widget's page: answers from the document it sits on are preferred when they answer as well.

A municipality with several documents in the bot embeds the widget on each page. When the
resident asks on the housing page and two passages answer about equally well, the one from the
page they are reading comes first; a clearly better passage from another document still wins.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from bot.chat.retrieval import Retrieval
from corpus.model import Corpus

# How far below the best passage (in the ranker's score) a passage of the page may stand and still
# be preferred: a near tie, well below the typical gap between a right and a wrong passage.
PAGE_MARGIN = 0.5


def normalize_url(url: str) -> str:
    """The page a URL names, ignoring scheme, "www.", letter case of the host, query, fragment, final slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".lower()


def page_document(corpus: Corpus, page: str | None) -> str | None:
    """The id of the document the widget's page shows: given as its id, or as the page's URL."""
    if not page or len(corpus.documents) < 2:
        return None
    ids = {d.meta.id for d in corpus.documents}
    if page in ids:
        return page
    if "/" not in page:
        return None
    wanted = normalize_url(page)
    for doc in corpus.documents:
        if doc.meta.source_url and normalize_url(doc.meta.source_url) == wanted:
            return doc.meta.id
    return None


def prefer_document(retrieval: Retrieval, doc_id: str | None, margin: float = PAGE_MARGIN) -> Retrieval:
    """The page's best passage first, if it scores within `margin` of the best; otherwise unchanged."""
    if doc_id is None or not retrieval.ranked or retrieval.ranked[0].chunk.doc_id == doc_id:
        return retrieval
    top = retrieval.ranked[0].fused
    own = next((r for r in retrieval.ranked if r.chunk.doc_id == doc_id), None)
    if own is None or own.fused < top - margin:
        return retrieval
    return replace(retrieval, ranked=[own, *(r for r in retrieval.ranked if r is not own)])
