"""Filling, exporting and importing the translation memory: the translators' side, not the residents'.

These need the corpus and the memory but no model or index, so `kiruna-bot translations …`
starts in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.language.supported import LANGUAGES, SOURCE_LANGUAGE
from bot.storage.memory import TranslationMemory
from bot.translation.base import TranslationUnavailable, Translator
from corpus.curated_translations import CuratedTranslation, load_translations, write_translations
from corpus.model import Corpus
from corpus.segments import corpus_segments


@dataclass(frozen=True)
class Prefetched:
    lang: str
    added: int
    already: int
    failures: list[str]


@dataclass(frozen=True)
class TranslationAdmin:
    corpus: Corpus
    memory: TranslationMemory
    provider: Translator

    def prefetch(self, lang: str) -> Prefetched:
        """Translate every corpus segment the memory lacks through the provider, and store it."""
        if not self.provider.supports(lang):
            raise ValueError(f"the provider ({self.provider.name}) does not translate into {lang!r}")
        segments = corpus_segments(self.corpus)
        have = self.memory.get_many([s.text for s in segments], lang)
        added, failures = 0, []
        for seg in segments:
            if seg.text in have:
                continue
            try:
                self.memory.add(seg.text, lang, self.provider.translate(seg.text, lang), self.provider.name)
                added += 1
            except TranslationUnavailable as exc:
                failures.append(str(exc))
        return Prefetched(lang, added, len(have), failures)

    def export(self, target: Path) -> dict[str, tuple[int, int]]:
        """One PO file per language with the memory's translations of the current corpus.

        Returns, per language, how many segments were translated out of how many.
        """
        target.mkdir(parents=True, exist_ok=True)
        segments = corpus_segments(self.corpus)
        out = {}
        for code in sorted(self.memory.counts()):
            found = self.memory.get_many([s.text for s in segments], code)
            table = {src: CuratedTranslation(code, src, e.text, e.reviewed, e.reviewer) for src, e in found.items()}
            write_translations(target / f"{code}.po", code, segments, table)
            out[code] = (len(table), len(segments))
        return out

    def import_(self, directory: Path) -> dict[str, int]:
        """Load PO files into the memory; the files win over what the memory holds.

        Every file is checked before anything is stored: its name must be a supported language
        other than Swedish (`fi.po`), and it must read as a UTF-8 PO file.
        """
        for path in sorted(directory.glob("*.po")):
            if path.stem not in LANGUAGES or path.stem == SOURCE_LANGUAGE:
                codes = " ".join(c for c in LANGUAGES if c != SOURCE_LANGUAGE)
                raise ValueError(f"{path}: {path.stem!r} is not a language the bot translates into ({codes})")
        out = {}
        for code, items in load_translations(directory).items():
            for t in items:
                self.memory.put(t.source, code, t.text, "curated", reviewed=t.reviewed, reviewer=t.reviewer)
            out[code] = len(items)
        return out
