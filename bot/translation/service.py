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
        if lang == SOURCE_LANGUAGE:
            return TranslatedQuote(lang, _join(segments, [s.text for s in segments]), "original", "source")
        found = self._known((s.text for s in segments), lang)
        missing = [s for s in segments if s.text not in found]
        provider = "memory"
        reason = ""
        if missing:
            try:
                found.update(self._from_provider(missing, lang))
                provider = self.provider.name
            except TranslationUnavailable as exc:
                reason = str(exc)
        if all(s.text in found for s in segments):
            entries = [found[s.text] for s in segments]
            provenance = max((e.provenance for e in entries), key=PROVENANCE_ORDER.index)
            return TranslatedQuote(lang, _join(segments, [e.text for e in entries]), provenance, provider)
        return TranslatedQuote(lang, None, None, "none", self._fallback(segments, lang), reason)

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
