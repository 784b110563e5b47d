"""The `Translator` interface every provider implements."""

from __future__ import annotations

from typing import Protocol


class TranslationUnavailable(RuntimeError):
    """The provider could not translate now (stalled, refused, rate-limited, broken page...).

    Callers answer with the Swedish text and a notice; this never becomes an error response.
    """


class Translator(Protocol):
    @property
    def name(self) -> str: ...

    def supports(self, lang: str) -> bool: ...

    def translate(self, text: str, target: str) -> str:
        """Swedish `text` in language `target`; raises `TranslationUnavailable`."""
        ...


class NoTranslator:
    """No provider: everything comes from the translation memory."""

    name = "none"

    def supports(self, lang: str) -> bool:
        return False

    def translate(self, text: str, target: str) -> str:
        raise TranslationUnavailable("no translation provider is configured")
