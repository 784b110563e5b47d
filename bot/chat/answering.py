"""Turns a plan into the answer a resident reads: quotes of the page, in their language, and the
bot's own words around them (from the message catalogs, never generated).

The `answer` text is what a resident reads first: a short lead, the quote(s) in their language,
one line saying what kind of translation that is, and one source line. The Swedish original is
not repeated there when a translation is shown: it stays in `quote.text`, the authority, and the
widget shows it on request. Where no translation is available the Swedish text is the answer,
with a notice. Everything around the quotes (section names, link lines, dates) is in the
resident's language too; headings are translated through the same memory as sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from bot.chat.answer import (
    Answer,
    Quote,
    QuoteTranslation,
    RelatedLink,
    Source,
    SourceLine,
    TranslationInfo,
)
from bot.chat.quoting import verify_quote
from bot.chat.retrieval import Retrieval
from bot.chat.understanding import LANGUAGES_TALK, PRAISE_TALK, Part, Plan
from bot.language.messages import Catalogs, M
from bot.language.supported import LANGUAGES, SOURCE_LANGUAGE, direction
from bot.translation.service import PROVENANCE_ORDER, Segment, TranslatedQuote, TranslationService
from corpus.model import Chunk, Corpus, Document

PROVENANCE_LINE = {
    "reviewed": M.PROVENANCE_REVIEWED,
    "unreviewed": M.PROVENANCE_UNREVIEWED,
    "machine": M.PROVENANCE_MACHINE,
}
# Babel's locale for each language's dates (Meänkieli writes dates as Finnish does).
DATE_LOCALE = {"fit": "fi"}
NBSP = "\u00a0"
STARTERS = (M.UI_STARTER_VISION, M.UI_STARTER_HOUSING, M.UI_STARTER_HISTORY)


def segments_of(doc: Document, chunk: Chunk, start: int, end: int) -> list[Segment]:
    """The sentences of a quote, each with the characters that follow it inside the quote."""
    inside = [s for s in chunk.sentences if start <= s.start and s.end <= end]
    return [
        Segment(s.text, doc.text[s.end : inside[i + 1].start] if i + 1 < len(inside) else "")
        for i, s in enumerate(inside)
    ]


def format_day(iso: str, lang: str) -> str:
    """A date as the resident's language writes it, with no line break inside."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, format="long", locale=DATE_LOCALE.get(lang, lang)).replace(" ", NBSP)


@dataclass(frozen=True)
class _Span:
    chunk: Chunk
    start: int
    end: int
    lead: bool  # the bot's words come before this quote (else it follows the previous one directly)
    not_stated: bool = False  # the question asked for something this passage does not state
    aside: bool = False  # not one of a list's items: what the page says of them elsewhere, with its own lead


def _joins(a: _Span, b: _Span) -> bool:
    return a.chunk.id == b.chunk.id and a.not_stated == b.not_stated


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

    # -- the bot's words ---------------------------------------------------------------------

    def _say(self, lang: str, msgid: str, **values: object) -> str:
        return self._catalogs.get(lang, msgid, **values)

    def _translate_line(self, text: str, lang: str) -> str:
        """A heading or a title in the answer's language, from the memory (the Swedish if missing)."""
        if lang == SOURCE_LANGUAGE or not text:
            return text
        result = self._translations.translate([Segment(text)], lang)
        return result.text if result.text is not None else text

    # -- kinds of answer -----------------------------------------------------------------------

    def compose(self, plan: Plan) -> Answer:
        if plan.kind == "smalltalk":
            return self._smalltalk(plan)
        if plan.kind == "out_of_scope":
            return self._refusal(plan)
        if plan.kind == "clarification":
            return self._clarification(plan)
        return self._answer(plan)

    def _base(self, plan: Plan) -> dict[str, object]:
        return {
            "lang": plan.lang,
            "detected_lang": plan.detection.lang,
            "detected_confidence": round(plan.detection.confidence, 3),
            "dir": direction(plan.lang),
            "sources": self._sources(plan.retrieval),
        }

    def _offers(self, plan: Plan, suggestions: list[str]) -> list[str]:
        """The suggestions, and the language the message may as well be in, in that language's own words
        ("Meänkielelä, kiitos" beside a Finnish answer to "kiitos paljon"): one tap asks for it."""
        if plan.may_be:
            return [*suggestions, self._say(plan.may_be, M.UI_ASK_IN_MEANKIELI)]
        return suggestions

    def _catalog_info(self) -> TranslationInfo:
        return TranslationInfo(provider="none", available=True, reviewed=True, provenance="catalog")

    def _smalltalk(self, plan: Plan) -> Answer:
        lang = plan.lang
        reply = {
            "greeting": M.TALK_GREETING,
            "thanks": M.TALK_THANKS,
            PRAISE_TALK: M.TALK_PRAISE,
            "goodbye": M.TALK_GOODBYE,
            "identity": M.TALK_IDENTITY,
            LANGUAGES_TALK: M.TALK_LANGUAGES,
        }.get(plan.smalltalk, M.TALK_HELP)
        text = self._say(lang, reply)
        suggestions = self._offers(plan, [self._say(lang, m) for m in STARTERS]) if plan.smalltalk != "goodbye" else []
        return Answer(
            kind="smalltalk",
            answered=False,
            lead=text,
            answer=text,
            quote=None,
            translation=self._catalog_info(),
            suggestions=suggestions,
            **self._base(plan),
        )

    def _refusal(self, plan: Plan) -> Answer:
        text = self._say(plan.lang, M.OUT_OF_SCOPE, url=self._url)
        if plan.stated_nowhere:
            # "who sat in the working groups?" is about the vision: the page does not say, rather than "only the vision"
            text = f"{self._say(plan.lang, M.NOT_STATED)} {text}"
        reason = plan.parts[0].decision.reason if plan.parts else "out of scope"
        return Answer(
            kind="out_of_scope",
            answered=False,
            lead=text,
            answer=text,
            quote=None,
            translation=self._catalog_info(),
            refusal_reason=reason,
            suggestions=self._offers(plan, [self._say(plan.lang, m) for m in STARTERS]),
            **self._base(plan),
        )

    def _clarification(self, plan: Plan) -> Answer:
        # an ordinal past the end of a list ("the seventh one?" of six) is asked of that list: its items to choose from
        past_the_list = plan.reading == "ordinal"
        lead = (
            self._say(plan.lang, M.LEAD_PAST_THE_LIST, count=len(plan.candidates))
            if past_the_list
            else self._say(plan.lang, M.LEAD_CLARIFY)
        )
        topics = [self._translate_line(c.heading_path[-1], plan.lang) for c in plan.candidates if c.heading_path]
        return Answer(
            kind="clarification",
            answered=False,
            lead=lead,
            answer="\n".join([lead, *(f"• {t}" for t in topics)]),
            quote=None,
            translation=self._catalog_info(),
            suggestions=self._offers(plan, topics),
            **self._base(plan),
        )

    # -- quotes ------------------------------------------------------------------------------

    def _spans(self, plan: Plan) -> list[_Span]:
        """What to quote, in reading order, and where the bot's words come before a quote."""
        if plan.items:
            items = [
                _Span(item, item.start, item.end if plan.with_goals else item.sentences[0].end, lead=i == 0)
                for i, item in enumerate(plan.items)
            ]
            also = [_Span(self._corpus.chunk(s.chunk_id), s.start, s.end, lead=True, aside=True) for s in plan.also]
            return items + also
        out: list[_Span] = []
        for part in plan.parts:
            assert part.chunk is not None
            if part.not_stated and any(o.chunk.id == part.chunk.id and not o.not_stated for o in out):
                continue  # "how old is the vision? which year is it from?": the first part quoted what states it
            for span in self._part_spans(part):
                same = next((i for i, o in enumerate(out) if _joins(o, span)), None)
                if same is None:
                    out.append(span)
                else:  # two parts quoting one passage: one quote from the first to the last sentence asked
                    o = out[same]
                    out[same] = _Span(o.chunk, min(o.start, span.start), max(o.end, span.end), o.lead, o.not_stated)
        return out

    def _part_spans(self, part: Part) -> list[_Span]:
        assert part.chunk is not None
        best = part.chunk
        start, end = part.span()
        chunks = [(best, start, end)]
        chunks += [(c, c.start, c.end) for c in (self._corpus.chunk(i) for i in best.companions)]
        chunks.sort(key=lambda x: x[1])  # page order: the vision before its interpretation
        return [
            _Span(chunk, a, b, lead=i == 0 or chunk.kind in ("adopted", "lead"), not_stated=part.not_stated)
            for i, (chunk, a, b) in enumerate(chunks)
        ]

    def _lead(self, span: _Span, lang: str, name: Callable[[str], str]) -> str:
        chunk = span.chunk
        doc = self._corpus.document(chunk.doc_id)
        section = name(chunk.heading_path[-1]) if chunk.heading_path else ""
        if span.not_stated:
            return self._say(lang, M.LEAD_NOT_STATED, section=section or name(doc.meta.title))
        if chunk.kind == "adopted" and chunk.decision is not None:
            d = chunk.decision
            return self._say(
                lang, M.LEAD_VISION, date=format_day(d.date, lang), paragraph=d.paragraph.replace(" ", NBSP)
            )
        if chunk.kind == "lead" and chunk.companions:
            return self._say(lang, M.LEAD_INTERPRETATION)
        if not section:
            return self._say(lang, M.LEAD_PAGE, document=name(doc.meta.title))
        return self._say(lang, M.LEAD_SECTION, section=section)

    def _names_of(self, plan: Plan, spans: list[_Span]) -> list[str]:
        """The headings, titles and link lines an answer shows around its quotes (to translate)."""
        names: list[str] = [plan.heading] if plan.heading else []
        for span in spans:
            doc = self._corpus.document(span.chunk.doc_id)
            names += [doc.meta.title, *span.chunk.heading_path[-1:]]
            names += [link.text for link in span.chunk.related_links]
        return list(dict.fromkeys(n for n in names if n))

    def _answer(self, plan: Plan) -> Answer:
        lang = plan.lang
        spans = self._spans(plan)
        names = self._names_of(plan, spans)
        # every quote, heading and link line in one go: one memory query, at most one provider call
        groups = [segments_of(self._corpus.document(s.chunk.doc_id), s.chunk, s.start, s.end) for s in spans]
        results = self._translations.translate_many(groups + [[Segment(n)] for n in names], lang)
        translated = {n: r.text or n for n, r in zip(names, results[len(spans) :], strict=True)}

        def name(text: str) -> str:
            return translated.get(text, text)

        quote_results = results[: len(spans)]
        quotes = [
            self._quote(self._corpus.document(span.chunk.doc_id), span, result, lang, name, first=i == 0)
            for i, (span, result) in enumerate(zip(spans, quote_results, strict=True))
        ]
        info = self._translation_info(lang, quote_results)
        source = self._source_line(self._corpus.document(quotes[0].doc_id), lang, name)
        lines: list[str] = []
        if not info.available and info.notice:  # no translation: say so before the Swedish text
            lines.append(info.notice)
        leads: list[str] = []
        if plan.items:
            leads.append(self._say(lang, M.LEAD_LIST, count=len(plan.items), heading=name(plan.heading)))
            lines.append(leads[0])
        for span, quote, result in zip(spans, quotes, quote_results, strict=True):
            if span.aside:
                lines.append(quote.lead)
            elif span.lead and not plan.items:
                leads.append(quote.lead or self._lead(span, lang, name))
                lines.append(leads[-1])
            shown = quote.translation.text if quote.translation is not None else quote.text
            lines.append(("• " if plan.items and not span.aside else "") + shown)
            if quote.translation is None and "fi" in result.fallback and lang != "fi":
                lines.append(self._say(lang, M.IN_FINNISH) + " " + result.fallback["fi"])
        # what the message asked beside what was quoted, and no page answers: said, in the resident's words
        not_answered = [self._say(lang, M.PART_NOT_ANSWERED, part=part) for part in plan.unanswered]
        lines += not_answered
        if info.available and lang != SOURCE_LANGUAGE and info.provenance in PROVENANCE_LINE:
            lines.append(self._say(lang, PROVENANCE_LINE[info.provenance]))
        lines.append(source.text)
        return Answer(
            kind="answer",
            answered=True,
            lead=leads[0] if leads else "",
            answer="\n".join(lines),
            quote=quotes[0],
            quotes=quotes,
            translation=info,
            related=self._related([s.chunk for s in spans], name),
            source=source,
            suggestions=self._offers(plan, []),
            not_answered=not_answered,
            **self._base(plan),
        )

    def _quote(
        self,
        doc: Document,
        span: _Span,
        result: TranslatedQuote,
        lang: str,
        name: Callable[[str], str],
        first: bool = False,
    ) -> Quote:
        text = doc.text[span.start : span.end]
        verify_quote(doc, span.start, span.end, text)
        chunk = span.chunk
        translation = None
        if result.text is not None and lang != SOURCE_LANGUAGE and result.provenance != "original":
            translation = QuoteTranslation(
                lang=result.lang, text=result.text, provenance=result.provenance or "machine", provider=result.provider
            )
        adopted = doc.meta.adopted  # document-level metadata; the answer text claims it only where the page does
        return Quote(
            text=text,
            section=chunk.section or doc.meta.title,
            heading=name(chunk.heading_path[-1] if chunk.heading_path else doc.meta.title),
            document=doc.meta.title,
            url=doc.meta.source_url,
            adopted=adopted.reference() if adopted else None,
            last_modified=doc.meta.last_modified,
            doc_id=doc.meta.id,
            doc_version=doc.meta.version,
            chunk_id=chunk.id,
            start=span.start,
            end=span.end,
            translation=translation,
            # the answer's own lead stands before the first quote; a later part's quote carries its own ("the
            # page does not say that …"), and so does one set apart from a list, under its section
            lead=self._lead(span, lang, name) if span.aside or (span.lead and not first) else "",
            fallback=dict(result.fallback),
        )

    def _related(self, chunks: list[Chunk], name: Callable[[str], str]) -> list[RelatedLink]:
        """The "Läs mer" lines under the quoted passages, less any the answer quotes itself: "var kan jag läsa mer?"
        beside the housing goal quotes the housing programme's line, which the links under it would repeat."""
        quoted = {chunk.text for chunk in chunks}
        seen: dict[str, RelatedLink] = {}
        for chunk in chunks:
            for link in chunk.related_links:
                if link.text not in seen and link.text not in quoted:
                    seen[link.text] = RelatedLink(title=link.title, text=link.text, url=link.url, label=name(link.text))
        return list(seen.values())

    def _source_line(self, doc: Document, lang: str, name: Callable[[str], str]) -> SourceLine:
        title = name(doc.meta.title)
        meta = doc.meta
        if meta.last_modified:
            text = self._say(
                lang,
                M.SOURCE_LINE,
                document=title,
                publisher=meta.publisher,
                date=format_day(meta.last_modified, lang),
            )
        else:
            text = self._say(lang, M.SOURCE_LINE_UNDATED, document=title, publisher=meta.publisher)
        if meta.version:  # traceable: a screenshot of an answer names the version it quotes
            text += " " + self._say(lang, M.VERSION, version=meta.version)
        return SourceLine(
            text=text,
            document=title,
            publisher=meta.publisher,
            url=meta.source_url,
            last_modified=meta.last_modified,
            doc_version=meta.version,
        )

    def _translation_info(self, lang: str, results: list[TranslatedQuote]) -> TranslationInfo:
        if lang == SOURCE_LANGUAGE:
            return TranslationInfo(provider="source", available=True, reviewed=True, provenance="original")
        if all(r.available for r in results):
            provenance = max((r.provenance or "machine" for r in results), key=PROVENANCE_ORDER.index)
            providers = {r.provider for r in results}
            provider = providers.pop() if len(providers) == 1 else "mixed"
            notice = self._say(lang, PROVENANCE_LINE[provenance]) if provenance in PROVENANCE_LINE else None
            return TranslationInfo(
                provider=provider,
                available=True,
                reviewed=provenance == "reviewed",
                provenance=provenance,
                notice=notice,
            )
        name = LANGUAGES[lang].name if lang in LANGUAGES else lang
        has_finnish = any("fi" in r.fallback for r in results)
        notice_id = M.MISSING_WITH_FINNISH if has_finnish else M.DEGRADED
        notice = self._say(lang, notice_id, language=name)
        return TranslationInfo(provider="none", available=False, reviewed=False, provenance=None, notice=notice)

    def _sources(self, retrieval: Retrieval | None) -> list[Source]:
        if retrieval is None:
            return []
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
