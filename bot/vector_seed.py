"""The vector seed of what the bot ships with (`KIRUNA_BOT_VECTOR_SEED`): which texts it holds, and refreshing it.

A fresh install embeds these texts before it answers: the committed page's passages in every
curated language with the thesaurus keywords (the index), the small-talk examples (the phrase
bank) and the questions the page answers (pointer matching). `kiruna-bot index seed` keeps their
vectors in the seed, so a new data dir reads them instead (`index.embedders.seed`).
"""

from __future__ import annotations

from bot.chat.dialogue import load_dialogue_cues
from bot.chat.phrasebank import example_texts
from bot.config import Settings
from bot.wiring import page_questions, resources_for
from corpus.loader import load_corpus
from index.embedders.base import Embedder
from index.embedders.seed import Side, VectorSeed, load_seed, make_seed
from index.entries import DENSE_KINDS, build_entries


def shipped_texts(settings: Settings) -> dict[Side, list[str]]:
    """The texts a fresh install with these settings embeds, by side, sorted."""
    corpus = load_corpus(settings.corpus_dir, settings.site_profile, settings.publisher, settings.source_urls)
    resources = resources_for(settings, corpus)
    entries = build_entries(resources.corpus, resources.translations, resources.thesaurus)
    passages = {e.text for e in entries if e.kind in DENSE_KINDS}
    queries = set(example_texts(load_dialogue_cues(settings.dialogue_cues_dir))) | set(page_questions())
    return {"query": sorted(queries), "passage": sorted(passages)}


def refresh_seed(settings: Settings, embedder: Embedder) -> tuple[VectorSeed, int]:
    """Write the seed of the shipped texts, embedding only those the current seed lacks; returns it and that count.

    `embedder` is the model itself (not a seeded one), so every new vector is the model's own.
    """
    seed, embedded = make_seed(embedder, shipped_texts(settings), load_seed(settings.vector_seed))
    seed.save(settings.vector_seed)
    return seed, embedded
