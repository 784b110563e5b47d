"""Which of the supported languages a question is written in, offline.

lingua knows most of them; Meänkieli and Northern Sami it does not know, and Tigrinya is told by
its script. A small character-trigram profile built from the bot's own curated texts in every
supported language (the corpus translations and the thesaurus) decides between Finnish,
Meänkieli and Northern Sami, and stands in when lingua is unsure.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from lingua import IsoCode639_1, LanguageDetectorBuilder

from bot.languages import LANGUAGES, SOURCE_LANGUAGE

_GEEZ = re.compile("[\u1200-\u137f]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_PERSIAN_LETTERS = re.compile("[پچژگکی]")
_SAMI_LETTERS = re.compile("[đŋŧšžčáDJŊŦ]", re.IGNORECASE)
MIN_CONFIDENCE = 0.5


def _trigrams(text: str) -> Counter[str]:
    padded = f"  {text.casefold()}  "
    return Counter(padded[i : i + 3] for i in range(len(padded) - 2))


class TrigramProfiles:
    """Naive-Bayes over character trigrams, trained on texts per language."""

    def __init__(self, samples: Mapping[str, Iterable[str]]) -> None:
        self._logp: dict[str, dict[str, float]] = {}
        self._unseen: dict[str, float] = {}
        for lang, texts in samples.items():
            counts: Counter[str] = Counter()
            for t in texts:
                counts.update(_trigrams(t))
            total = sum(counts.values()) + len(counts) + 1
            self._logp[lang] = {g: math.log((n + 1) / total) for g, n in counts.items()}
            self._unseen[lang] = math.log(1 / total)

    def scores(self, text: str, among: Iterable[str]) -> dict[str, float]:
        grams = _trigrams(text)
        return {
            lang: sum(n * self._logp[lang].get(g, self._unseen[lang]) for g, n in grams.items())
            for lang in among
            if lang in self._logp
        }

    def best(self, text: str, among: Iterable[str]) -> str | None:
        scores = self.scores(text, among)
        return max(scores, key=scores.__getitem__) if scores else None


class LanguageDetector:
    def __init__(self, profiles: TrigramProfiles) -> None:
        self._profiles = profiles
        codes = {lang.lingua: code for code, lang in LANGUAGES.items() if lang.lingua}
        self._from_lingua = {getattr(IsoCode639_1, iso): code for iso, code in codes.items()}
        self._lingua = (
            LanguageDetectorBuilder.from_iso_codes_639_1(*self._from_lingua).with_preloaded_language_models().build()
        )

    def detect(self, text: str) -> str:
        """The supported language of `text`, Swedish when nothing is clear."""
        if not any(ch.isalpha() for ch in text):
            return SOURCE_LANGUAGE
        if _GEEZ.search(text):
            return "ti"
        if _ARABIC_SCRIPT.search(text):
            return "fa" if _PERSIAN_LETTERS.search(text) else "ar"
        confidences = self._lingua.compute_language_confidence_values(text)
        top = confidences[0] if confidences else None
        guess = self._from_lingua.get(top.language.iso_code_639_1) if top else None
        confident = top is not None and top.value >= MIN_CONFIDENCE
        if guess == "fi" or _SAMI_LETTERS.search(text) or not confident:
            among = ["fi", "fit", "se"] if guess == "fi" else list(LANGUAGES)
            profiled = self._profiles.best(text, among)
            if profiled:
                return profiled
        return guess or SOURCE_LANGUAGE
