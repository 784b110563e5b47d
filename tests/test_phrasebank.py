"""Small talk by meaning: how near a message must lie to an example depends on its language."""

from __future__ import annotations

import numpy as np
import pytest

from bot.chat.phrasebank import PhraseBank


def _unit(*rows: list[float]) -> np.ndarray:
    v = np.array(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _bank() -> PhraseBank:
    # "en": a greeting and a question for help far apart; "ti": the two crowd together, as the model
    # puts texts of a language it knows little close to each other
    labels = (("greeting", "en"), ("help", "en"), ("greeting", "ti"), ("help", "ti"))
    vectors = _unit([1, 0, 0], [0, 1, 0], [1, 0.2, 1], [1, 0.25, 1])
    return PhraseBank(labels, vectors)


def test_a_crowded_language_needs_a_nearer_example() -> None:
    bank = _bank()
    assert bank.crowding["ti"] > 0.4
    assert min(bank.crowding.values()) == 0.0  # no language lowers the bar
    query = _unit([1, 0.22, 1])[0]
    near = bank.nearest(query)
    assert near is not None
    assert near.lang == "ti"
    raw = float((bank.vectors @ query).max())
    assert near.similarity == pytest.approx(raw - bank.crowding["ti"])


def test_a_typical_language_keeps_its_similarity() -> None:
    bank = _bank()
    query = _unit([1, 0.01, 0])[0]
    near = bank.nearest(query)
    assert near is not None
    assert (near.category, near.lang) == ("greeting", "en")
    assert near.similarity == pytest.approx(float(bank.vectors[0] @ query))


def test_an_empty_bank_finds_nothing() -> None:
    assert PhraseBank((), np.zeros((0, 3), dtype=np.float32)).nearest(_unit([1, 0, 0])[0]) is None


def test_the_nearest_example_in_the_messages_languages() -> None:
    """A message may lie nearest an example in another language and as near one in its own: asked among its
    own languages, the bank gives that one; among languages it has no example of, none."""
    bank = _bank()
    query = _unit([1, 0.2, 1])[0]
    anywhere = bank.nearest(query)
    assert anywhere is not None
    assert anywhere.lang == "ti"
    own = bank.nearest(query, ["en"])
    assert own is not None
    assert (own.category, own.lang) == ("greeting", "en")
    assert own.similarity == pytest.approx(float(bank.vectors[0] @ query))
    assert bank.nearest(query, ["de"]) is None
