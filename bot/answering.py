"""Turns a retrieval into an extractive answer: verbatim quotes, their source, the bot's own words."""

from __future__ import annotations

from bot.answer import Answer, Quote, RelatedLinkOut, Source, TranslationInfo
from bot.messages import Catalogs, M
from bot.quoting import quote_span, verify_quote
from bot.retrieval import Retrieval, ScoredChunk
from bot.scope import ScopeDecision
from corpus.model import Chunk, Corpus, Document

NO_TRANSLATION = TranslationInfo(provider="none", available=False, reviewed=False)


class Answerer:
    def __init__(self, corpus: Corpus, catalogs: Catalogs, municipality_url: str, top_k: int = 3) -> None:
        self._corpus = corpus
        self._catalogs = catalogs
        self._url = municipality_url
        self._top_k = top_k

    def refuse(self, lang: str, detected: str | None, retrieval: Retrieval | None, reason: str) -> Answer:
        text = self._catalogs.get(lang, M.OUT_OF_SCOPE, url=self._url)
        return Answer(
            answered=False,
            lang=lang,
            detected_lang=detected,
            answer=text,
            quote=None,
            sources=self._sources(retrieval) if retrieval else [],
            translation=NO_TRANSLATION,
            refusal_reason=reason,
        )

    def answer(self, retrieval: Retrieval, decision: ScopeDecision, lang: str, detected: str | None) -> Answer:
        if not decision.in_scope:
            return self.refuse(lang, detected, retrieval, decision.reason)
        best = retrieval.ranked[0]
        doc = self._corpus.document(best.chunk.doc_id)
        quotes = [self._quote(doc, best.chunk, *quote_span(best.chunk, best.sentence_scores))]
        for companion_id in best.chunk.companions:
            companion = self._corpus.chunk(companion_id)
            quotes.append(self._quote(doc, companion, companion.start, companion.end))
        return Answer(
            answered=True,
            lang=lang,
            detected_lang=detected,
            answer=self._compose(lang, doc, best, quotes),
            quote=quotes[0],
            quotes=quotes,
            sources=self._sources(retrieval),
            translation=NO_TRANSLATION,
            related=[RelatedLinkOut(r.title, r.text, r.url) for r in best.chunk.related_links],
        )

    def _quote(self, doc: Document, chunk: Chunk, start: int, end: int) -> Quote:
        text = doc.text[start:end]
        verify_quote(doc, start, end, text)
        decision = chunk.decision or doc.meta.adopted
        return Quote(
            text=text,
            section=chunk.section,
            document=doc.meta.title,
            url=doc.meta.source_url,
            adopted=decision.reference() if decision else None,
            last_modified=doc.meta.last_modified,
            doc_id=doc.meta.id,
            chunk_id=chunk.id,
            start=start,
            end=end,
        )

    def _sources(self, retrieval: Retrieval) -> list[Source]:
        return [
            Source(
                id=r.chunk.id,
                section=r.chunk.section,
                text=r.chunk.text,
                score=round(r.fused, 4),
                dense=round(r.dense, 4),
                lexical=round(r.lexical, 4),
            )
            for r in retrieval.ranked[: self._top_k]
        ]

    def _compose(self, lang: str, doc: Document, best: ScoredChunk, quotes: list[Quote]) -> str:
        c = self._catalogs
        meta = doc.meta
        lines: list[str] = []
        decision = best.chunk.decision or meta.adopted
        for quote in quotes:
            kind = self._corpus.chunk(quote.chunk_id).kind
            if kind == "adopted" and decision:
                lines.append(c.get(lang, M.INTRO_ADOPTED, date=decision.date, paragraph=decision.paragraph))
            elif kind == "lead" and any(self._corpus.chunk(q.chunk_id).kind == "adopted" for q in quotes):
                lines.append(c.get(lang, M.INTRO_COMPANION))
            else:
                lines.append(c.get(lang, M.INTRO_SECTION, document=meta.title, section=quote.section))
            lines.append(c.get(lang, M.QUOTE, quote=quote.text))
        lines.append(c.get(lang, M.SOURCE, document=meta.title, publisher=meta.publisher))
        if decision:
            lines.append(c.get(lang, M.ADOPTED, date=decision.date, paragraph=decision.paragraph))
        if meta.last_modified:
            lines.append(c.get(lang, M.LAST_MODIFIED, date=meta.last_modified))
        if best.chunk.related_links:
            links = "; ".join(r.title for r in best.chunk.related_links)
            lines.append(c.get(lang, M.RELATED, links=links))
        return "\n".join(lines)
