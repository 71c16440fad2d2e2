"""Query embeddings through ONNX Runtime equal the PyTorch ones, from a graph exported once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from nutriprofile.settings import SearchSettings, Settings
from store.embeddings import SMALL_BATCH, Embedder, get_embedder

PHRASES = [
    "rice",
    "two scrambled eggs with butter",
    "Chicken breast, roasted, skin not eaten",
    "a 12 fl oz bottle of cola",
    "pâte à choux",
]


@pytest.fixture
def model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "models"
    monkeypatch.setenv("NUTRI_MODEL_CACHE", str(folder))
    return folder


def test_onnx_vectors_match_pytorch_and_the_graph_is_exported_once(model_cache: Path) -> None:
    embedder = Embedder(cache_size=0)
    onnx_vectors = embedder.encode(PHRASES)  # a short batch: ONNX Runtime
    assert embedder._phrases is not None
    graphs = list(model_cache.glob("*.onnx"))
    assert len(graphs) == 1
    exported_at = graphs[0].stat().st_mtime_ns

    torch_vectors = embedder._ensure_model().encode(
        PHRASES, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    assert onnx_vectors.shape == (len(PHRASES), 384)
    assert np.abs(onnx_vectors - torch_vectors).max() < 1e-5
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)

    again = Embedder(cache_size=0)
    one = again.encode(["two scrambled eggs with butter"])  # reuses the file, alone in a batch
    assert [g.stat().st_mtime_ns for g in model_cache.glob("*.onnx")] == [exported_at]
    assert np.abs(one[0] - torch_vectors[1]).max() < 1e-5


def test_long_batches_stay_on_pytorch(model_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = Embedder(cache_size=0)
    embedder._ensure_model()
    assert embedder._phrases is not None

    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError("bulk encoding must not go through ONNX Runtime")

    monkeypatch.setattr(embedder._phrases, "encode", refuse)
    vectors = embedder.encode([f"food number {i}" for i in range(SMALL_BATCH + 1)])
    assert vectors.shape == (SMALL_BATCH + 1, 384)


def test_a_failed_export_falls_back_to_pytorch(
    model_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    def broken_export(model: object, args: object, path: str, **kwargs: object) -> None:
        Path(path).write_bytes(b"half a graph")
        raise RuntimeError("exporter failed midway")

    monkeypatch.setattr(torch.onnx, "export", broken_export)
    embedder = Embedder(cache_size=0)
    vectors = embedder.encode(PHRASES[:2])
    assert embedder._phrases is None
    assert not list(model_cache.glob("*.onnx*"))  # nothing half-written left behind
    reference = embedder._ensure_model().encode(PHRASES[:2], normalize_embeddings=True)
    assert np.abs(vectors - reference).max() < 1e-6


def test_int8_query_encoder_stays_close_to_the_float_vectors(model_cache: Path) -> None:
    embedder = Embedder(cache_size=0, query_encoder="int8")
    quantized = embedder.encode(PHRASES)
    assert list(model_cache.glob("*-int8.onnx"))
    reference = embedder._ensure_model().encode(PHRASES, normalize_embeddings=True)
    cosines = (quantized * reference).sum(axis=1)
    assert cosines.min() > 0.98
    assert np.abs(quantized - reference).max() > 1e-4  # really the quantized graph


def test_torch_query_encoder_and_bad_names(monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = Embedder(cache_size=0, query_encoder="torch")
    embedder.encode(["rice"])
    assert embedder._phrases is None
    with pytest.raises(ValueError, match="query encoder 'fast'"):
        Embedder(query_encoder="fast")
    monkeypatch.setenv("NUTRI_SEARCH__QUERY_ENCODER", "fast")
    with pytest.raises(ValidationError, match="query_encoder"):
        Settings()
    monkeypatch.setenv("NUTRI_SEARCH__QUERY_ENCODER", "int8")
    chosen = Settings().search
    assert get_embedder(chosen) is get_embedder(chosen)
    assert get_embedder(chosen)._query_encoder == "int8"
    assert get_embedder(chosen) is not get_embedder(SearchSettings())
