"""Translates a quote sentence by sentence, in a fixed order of trust.

1. the translation memory, reviewed entries first (curated translations are loaded there);
2. the provider (Google Translate), whose answer is stored in the memory for next time;
3. nothing: the Swedish quote stands alone, with a notice; for Meänkieli and Northern Sami,
   which no provider serves, the Finnish translation is offered beside it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from bot.language.supported import SOURCE_LANGUAGE
from bot.storage.memory import MemoryEntry, TranslationMemory
from bot.translation.base import TranslationUnavailable, Translator

log = logging.getLogger(__name__)

# Languages whose speakers read Finnish: offered when their own translation is missing.
FINNISH_FALLBACK = frozenset({"fit", "se"})
# From most to least trusted; a quote made of several sentences is as trusted as its weakest one.
TranslationProvenance = Literal["original", "reviewed", "unreviewed", "machine"]
PROVENANCE_ORDER: tuple[TranslationProvenance, ...] = ("original", "reviewed", "unreviewed", "machine")


@dataclass(frozen=True)
class Segment:
    """A sentence of a quote and the characters that follow it inside the quote."""

    text: str
    after: str = ""


@dataclass
class TranslatedQuote:
    lang: str
    text: str | None  # the whole quote in `lang`, or None when it could not be translated
    provenance: TranslationProvenance | None
    provider: str  # source, memory, google, none
    fallback: dict[str, str] = field(default_factory=dict)  # other languages offered instead
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.text is not None


def _join(segments: list[Segment], texts: list[str]) -> str:
    return "".join(t + s.after for s, t in zip(segments, texts, strict=True)).strip()


class TranslationService:
    def __init__(self, memory: TranslationMemory, provider: Translator) -> None:
        self.memory = memory
        self.provider = provider

    def translate(self, segments: list[Segment], lang: str) -> TranslatedQuote:
        return self.translate_many([segments], lang)[0]

    def translate_many(self, groups: list[list[Segment]], lang: str) -> list[TranslatedQuote]:
        """Several quotes (and headings) at once: one memory query, at most one provider call.

        An answer translates its quotes, headings and link lines together, so a stalled provider
        costs it one deadline, not one per piece.
        """
        if lang == SOURCE_LANGUAGE:
            return [TranslatedQuote(lang, _join(g, [s.text for s in g]), "original", "source") for g in groups]
        wanted = list(dict.fromkeys(s.text for g in groups for s in g))
        found = self._known(wanted, lang)
        missing = [Segment(text) for text in wanted if text not in found]
        fresh: set[str] = set()
        reason = ""
        if missing:
            try:
                from_provider = self._from_provider(missing, lang)
                found.update(from_provider)
                fresh = set(from_provider)
            except TranslationUnavailable as exc:
                reason = str(exc)
        out = []
        for group in groups:
            if all(s.text in found for s in group):
                entries = [found[s.text] for s in group]
                provenance = max((e.provenance for e in entries), key=PROVENANCE_ORDER.index)
                provider = self.provider.name if any(s.text in fresh for s in group) else "memory"
                out.append(TranslatedQuote(lang, _join(group, [e.text for e in entries]), provenance, provider))
            else:
                out.append(TranslatedQuote(lang, None, None, "none", self._fallback(group, lang), reason))
        return out

    def _from_provider(self, missing: list[Segment], lang: str) -> dict[str, MemoryEntry]:
        if not self.provider.supports(lang):
            raise TranslationUnavailable(f"no provider translates into {lang!r}")
        # One call for all missing sentences, one per line, so an answer waits for one deadline at most.
        lines = self.provider.translate("\n".join(s.text for s in missing), lang).split("\n")
        if len(lines) != len(missing):
            raise TranslationUnavailable("the provider did not keep the sentence lines apart")
        return {seg.text: self._keep(seg.text, lang, line.strip()) for seg, line in zip(missing, lines, strict=True)}

    def _known(self, sources: Iterable[str], lang: str) -> dict[str, MemoryEntry]:
        """The memory's translations; none when the memory cannot be read (the answer goes on without)."""
        with self.memory.health.guard("translation_memory"):
            return self.memory.get_many(sources, lang)
        return {}

    def _keep(self, source: str, lang: str, text: str) -> MemoryEntry:
        """Store the provider's translation; when the memory cannot take it, use it this once anyway."""
        with self.memory.health.guard("translation_memory"):
            return self.memory.add(source, lang, text, self.provider.name)
        now = datetime.now(UTC)
        return MemoryEntry(0, source, lang, text, self.provider.name, False, None, None, now)

    def _fallback(self, segments: list[Segment], lang: str) -> dict[str, str]:
        if lang not in FINNISH_FALLBACK:
            return {}
        found = self._known((s.text for s in segments), "fi")
        if all(s.text in found for s in segments):
            return {"fi": _join(segments, [found[s.text].text for s in segments])}
        return {}
