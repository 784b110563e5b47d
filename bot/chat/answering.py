"""Turns a retrieval into an extractive answer: verbatim quotes, their translation, the bot's own words."""

from __future__ import annotations

from bot.chat.answer import Answer, Quote, QuoteTranslation, RelatedLink, Source, TranslationInfo
from bot.chat.quoting import quote_span, verify_quote
from bot.chat.retrieval import Retrieval, ScoredChunk
from bot.chat.scope import ScopeDecision
from bot.language.messages import Catalogs, M
from bot.language.supported import LANGUAGES, SOURCE_LANGUAGE, direction
from bot.translation.service import PROVENANCE_ORDER, Segment, TranslatedQuote, TranslationService
from corpus.model import Chunk, Corpus, Document

PROVENANCE_LABEL = {
    "reviewed": M.LABEL_REVIEWED,
    "unreviewed": M.LABEL_UNREVIEWED,
    "machine": M.LABEL_MACHINE,
}


def segments_of(doc: Document, chunk: Chunk, start: int, end: int) -> list[Segment]:
    """The sentences of a quote, each with the characters that follow it inside the quote."""
    inside = [s for s in chunk.sentences if start <= s.start and s.end <= end]
    return [
        Segment(s.text, doc.text[s.end : inside[i + 1].start] if i + 1 < len(inside) else "")
        for i, s in enumerate(inside)
    ]


class Answerer:
    def __init__(
        self,
        corpus: Corpus,
        catalogs: Catalogs,
        translations: TranslationService,
        municipality_url: str,
        top_k: int = 3,
    ) -> None:
        self._corpus = corpus
        self._catalogs = catalogs
        self._translations = translations
        self._url = municipality_url
        self._top_k = top_k

    def for_corpus(self, corpus: Corpus) -> Answerer:
        """The same answerer over another version of the corpus."""
        return Answerer(corpus, self._catalogs, self._translations, self._url, self._top_k)

    def refuse(self, lang: str, detected: str | None, retrieval: Retrieval | None, reason: str) -> Answer:
        return Answer(
            answered=False,
            lang=lang,
            detected_lang=detected,
            answer=self._catalogs.get(lang, M.OUT_OF_SCOPE, url=self._url),
            quote=None,
            sources=self._sources(retrieval) if retrieval else [],
            translation=TranslationInfo(provider="none", available=True, reviewed=True, provenance="catalog"),
            dir=direction(lang),
            refusal_reason=reason,
        )

    def answer(self, retrieval: Retrieval, decision: ScopeDecision, lang: str, detected: str | None) -> Answer:
        if not decision.in_scope:
            return self.refuse(lang, detected, retrieval, decision.reason)
        best = retrieval.ranked[0]
        doc = self._corpus.document(best.chunk.doc_id)
        spans = [(best.chunk, *quote_span(best.chunk, best.sentence_scores, best.typed_sentences))]
        spans += [(c, c.start, c.end) for c in (self._corpus.chunk(i) for i in best.chunk.companions)]
        quotes: list[Quote] = []
        results: list[TranslatedQuote] = []
        for chunk, start, end in spans:
            result = self._translations.translate(segments_of(doc, chunk, start, end), lang)
            quotes.append(self._quote(doc, chunk, start, end, result))
            results.append(result)
        info = self._translation_info(lang, results)
        return Answer(
            answered=True,
            lang=lang,
            detected_lang=detected,
            answer=self._compose(lang, doc, best, quotes, info),
            quote=quotes[0],
            quotes=quotes,
            sources=self._sources(retrieval),
            translation=info,
            dir=direction(lang),
            related=[RelatedLink(title=r.title, text=r.text, url=r.url) for r in best.chunk.related_links],
        )

    def _translation_info(self, lang: str, results: list[TranslatedQuote]) -> TranslationInfo:
        if lang == SOURCE_LANGUAGE:
            return TranslationInfo(provider="source", available=True, reviewed=True, provenance="original")
        if all(r.available for r in results):
            provenance = max((r.provenance or "machine" for r in results), key=PROVENANCE_ORDER.index)
            providers = {r.provider for r in results}
            provider = providers.pop() if len(providers) == 1 else "mixed"
            return TranslationInfo(
                provider=provider, available=True, reviewed=provenance == "reviewed", provenance=provenance
            )
        name = LANGUAGES[lang].name if lang in LANGUAGES else lang
        has_finnish = any("fi" in r.fallback for r in results)
        notice_id = M.MISSING_WITH_FINNISH if has_finnish else M.DEGRADED
        notice = self._catalogs.get(lang, notice_id, language=name)
        return TranslationInfo(provider="none", available=False, reviewed=False, provenance=None, notice=notice)

    def _quote(self, doc: Document, chunk: Chunk, start: int, end: int, result: TranslatedQuote) -> Quote:
        text = doc.text[start:end]
        verify_quote(doc, start, end, text)
        decision = chunk.decision or doc.meta.adopted
        translation = None
        if result.text is not None and result.lang != SOURCE_LANGUAGE and result.provenance != "original":
            translation = QuoteTranslation(
                lang=result.lang, text=result.text, provenance=result.provenance or "machine", provider=result.provider
            )
        return Quote(
            text=text,
            section=chunk.section,
            document=doc.meta.title,
            url=doc.meta.source_url,
            adopted=decision.reference() if decision else None,
            last_modified=doc.meta.last_modified,
            doc_id=doc.meta.id,
            doc_version=doc.meta.version,
            chunk_id=chunk.id,
            start=start,
            end=end,
            translation=translation,
            fallback=dict(result.fallback),
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

    def _intro(self, lang: str, doc: Document, quote: Quote, quotes: list[Quote]) -> str:
        c = self._catalogs
        kind = self._corpus.chunk(quote.chunk_id).kind
        decision = self._corpus.chunk(quote.chunk_id).decision or doc.meta.adopted
        if kind == "adopted" and decision:
            return c.get(lang, M.INTRO_ADOPTED, date=decision.date, paragraph=decision.paragraph)
        if kind == "lead" and any(self._corpus.chunk(q.chunk_id).kind == "adopted" for q in quotes):
            return c.get(lang, M.INTRO_COMPANION)
        return c.get(lang, M.INTRO_SECTION, document=doc.meta.title, section=quote.section)

    def _compose(self, lang: str, doc: Document, best: ScoredChunk, quotes: list[Quote], info: TranslationInfo) -> str:
        c = self._catalogs
        meta = doc.meta
        lines: list[str] = []
        if info.notice:
            lines.append(info.notice)
        for quote in quotes:
            lines.append(self._intro(lang, doc, quote, quotes))
            if quote.translation is not None:
                lines.append(c.get(lang, PROVENANCE_LABEL[quote.translation.provenance]))
                lines.append(c.get(lang, M.QUOTE, quote=quote.translation.text))
                lines.append(c.get(lang, M.ORIGINAL))
            lines.append(c.get(SOURCE_LANGUAGE, M.QUOTE, quote=quote.text))
            if "fi" in quote.fallback:
                lines.append(c.get(lang, M.IN_FINNISH))
                lines.append(c.get("fi", M.QUOTE, quote=quote.fallback["fi"]))
        decision = best.chunk.decision or meta.adopted
        lines.append(c.get(lang, M.SOURCE, document=meta.title, publisher=meta.publisher))
        if decision:
            lines.append(c.get(lang, M.ADOPTED, date=decision.date, paragraph=decision.paragraph))
        if meta.last_modified:
            lines.append(c.get(lang, M.LAST_MODIFIED, date=meta.last_modified))
        if meta.version:  # traceable: a screenshot of an answer names the version it quotes
            lines.append(c.get(lang, M.VERSION, version=meta.version))
        if best.chunk.related_links:
            lines.append(c.get(lang, M.RELATED, links="; ".join(r.title for r in best.chunk.related_links)))
        return "\n".join(lines)
