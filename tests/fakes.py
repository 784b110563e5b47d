"""Fast stand-ins for the parts that are slow or unreachable: the model, the corpus, the provider.

The fast tier builds a real FAISS and BM25 index over a real corpus with `HashEmbedder`, so
retrieval, answering, translation and storage run for real in milliseconds; only the meaning
of the vectors is fake (words that share character trigrams land near each other).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

import anyio
import numpy as np

from bot.chat.answer import Answer, ChatRequest
from bot.chat.pipeline import Pipeline
from bot.config import Settings
from bot.service import ChatService
from bot.translation.base import TranslationUnavailable
from bot.wiring import Bot, build, build_bot, load_pipeline, load_resources
from index.analysis import fold, words
from index.embedders.base import Vectors, normalize_rows

DIM = 128
T = TypeVar("T")

TINY_PAGE = """\
# Tiny page

## Vår vision

Antagen av kommunfullmäktige 2013-05-27, § 68

Vi är Kiruna. Vi bor i norr.

## Mål

Inriktning: Boende
Mål: Bra bostäder för alla.

Inriktning: Kultur
Mål: Kultur för alla i hela kommunen.

## Hur gjorde vi?

Arbetet startade i februari 2012. Nio arbetsgrupper samlade in synpunkter.
"""


@cache
def _bucket(trigram: str) -> int:
    return int.from_bytes(hashlib.blake2b(trigram.encode(), digest_size=4).digest(), "little") % DIM


@lru_cache(maxsize=1 << 15)
def _hash_row(text: str) -> Vectors:
    """One text's unit vector, remembered: the fast tier embeds the same page in many tests."""
    counts = [0.0] * DIM
    for word in words(fold(text)):
        padded = f"#{word}#"
        for i in range(max(1, len(padded) - 2)):
            counts[_bucket(padded[i : i + 3])] += 1.0
    row = normalize_rows(np.array([counts], dtype=np.float32))[0]
    row.flags.writeable = False  # shared by every caller: vstack below copies it
    return row


class HashEmbedder:
    """Deterministic vectors from hashed character trigrams of folded words: no model, no download."""

    id = "hash-trigrams-v1"
    dim = DIM

    def _embed(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.vstack([_hash_row(t) for t in texts])

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._embed(texts)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._embed(texts)


@dataclass
class MemoryTranslator:
    """An in-memory provider: "[lang] text" for every line, or a failure on demand."""

    name: str = "fake"
    fail: bool = False
    calls: list[tuple[str, str]] = field(default_factory=list)
    languages: frozenset[str] = frozenset({"en", "fi", "de", "pl", "ar", "fa", "so", "ti", "uk"})

    def supports(self, lang: str) -> bool:
        return lang in self.languages

    def translate(self, text: str, target: str) -> str:
        self.calls.append((text, target))
        if self.fail:
            raise TranslationUnavailable("the fake provider is down")
        return "\n".join(f"[{target}] {line}" for line in text.split("\n"))


def fake_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for the fast tier: the hash embedder's scope model does not exist, so coverage decides."""
    values: dict[str, object] = {
        "data_dir": data_dir,
        "translation_provider": "none",
        "scope_model": data_dir / "no-scope-model.json",
        "threads": 1,
        "rate_limit": "off",
        **overrides,
    }
    return Settings.model_validate(values)


def tiny_corpus_dir(root: Path) -> Path:
    """A one-page Markdown corpus with a vision, two directions and a prose section."""
    folder = root / "tiny-corpus"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tiny.md").write_text(TINY_PAGE, encoding="utf-8")
    (folder / "tiny.toml").write_text(
        'id = "tiny"\ntitle = "Tiny page"\nformat = "markdown"\nlast_modified = "2020-02-21"\n', encoding="utf-8"
    )
    return folder


def with_settings(settings: Settings, **overrides: object) -> Settings:
    """A copy with some settings changed, validated like the environment would be."""
    return Settings.model_validate({**settings.model_dump(), **overrides})


def fake_pipeline(settings: Settings) -> Pipeline:
    embedder = HashEmbedder()
    build(settings, load_resources(settings), embedder)
    return load_pipeline(settings, embedder=embedder)


def fake_bot(settings: Settings, pipeline: Pipeline, **parts: object) -> Bot:
    return build_bot(settings, pipeline=pipeline, **parts)  # type: ignore[arg-type]


def without_translations(pipeline: Pipeline, keep: set[str] | frozenset[str] = frozenset()) -> Pipeline:
    """The same pipeline, seeding a new memory only with the curated languages in `keep`."""
    translations = {k: v for k, v in pipeline.resources.translations.items() if k in keep}
    return replace(pipeline, resources=replace(pipeline.resources, translations=translations))


def in_thread(func: Callable[..., T], *args: object) -> T:
    """Call `func` in a thread of its own and wait: for code that starts an event loop.

    The browser tests' Playwright keeps an event loop running in the main thread, where
    `anyio.run` would refuse to start.
    """
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(func, *args).result()


def run_async(func: Callable[..., Awaitable[T]], *args: object) -> T:
    """Run a coroutine function to completion from synchronous test code."""
    return in_thread(anyio.run, func, *args)


def ask(chat: ChatService, message: str, lang: str | None = None, *, log: bool = True) -> Answer:
    """One answer through `ChatService.answer`, from synchronous test code."""
    request = ChatRequest.model_validate({"message": message, "lang": lang})
    return run_async(lambda: chat.answer(request, log=log))


def ask_many(chat: ChatService, messages: list[tuple[str, str | None]]) -> list[Answer]:
    """Many answers in one event loop (one loop per answer would cost more than the answers)."""

    async def run() -> list[Answer]:
        return [await chat.answer(ChatRequest.model_validate({"message": m, "lang": lang})) for m, lang in messages]

    return run_async(run)
