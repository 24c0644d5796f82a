"""Will a model fit in memory? Checked before loading, so a too-large model is a clear error.

The estimate is the model file (llama.cpp maps all weights) plus the KV cache for the context
window (f16 keys and values for every layer) plus a compute-buffer allowance.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import ModelTooLarge
from assistant.models.gguf import GGUFInfo, inspect_gguf

KV_BYTES_PER_VALUE = 2  # f16 cache
COMPUTE_OVERHEAD = 128 * 1024 * 1024  # scratch buffers, tokenizer, runtime
# When the header lacks attention shape metadata: a generous guess per token (7B-class GQA).
FALLBACK_KV_BYTES_PER_TOKEN = 128 * 1024


def kv_cache_bytes(info: GGUFInfo, n_ctx: int) -> int:
    """Estimated KV-cache size for ``n_ctx`` tokens (capped at the model's trained context)."""
    if info.context_length:
        n_ctx = min(n_ctx, info.context_length)
    arch = info.architecture
    layers = info.block_count
    embd = info.meta_int(f"{arch}.embedding_length")
    heads = info.meta_int(f"{arch}.attention.head_count")
    kv_heads = info.meta_int(f"{arch}.attention.head_count_kv") or heads
    key_len = info.meta_int(f"{arch}.attention.key_length")
    value_len = info.meta_int(f"{arch}.attention.value_length")
    if layers and kv_heads and (key_len or (embd and heads)):
        head_dim = embd // heads if embd and heads else 0
        per_token = kv_heads * ((key_len or head_dim) + (value_len or key_len or head_dim))
        return layers * n_ctx * per_token * KV_BYTES_PER_VALUE
    return n_ctx * FALLBACK_KV_BYTES_PER_TOKEN


def memory_needed(info: GGUFInfo, n_ctx: int) -> int:
    return info.file_size + kv_cache_bytes(info, n_ctx) + COMPUTE_OVERHEAD


def available_memory() -> int:
    import psutil

    return int(psutil.virtual_memory().available)


def _gb(n: int) -> str:
    return f"{n / 1024**3:.2f} GB"


def check_fits_in_memory(
    path: Path,
    n_ctx: int,
    *,
    info: GGUFInfo | None = None,
    available: int | None = None,
) -> int:
    """Raise ``ModelTooLarge`` when the model at ``path`` would not fit; return bytes needed.

    ``info`` saves re-reading the header; ``available`` overrides psutil's figure (tests).
    """
    info = info or inspect_gguf(path)
    needed = memory_needed(info, n_ctx)
    free = available_memory() if available is None else available
    if needed > free:
        raise ModelTooLarge(
            f"model {Path(path).name} needs about {_gb(needed)} of memory "
            f"(file {_gb(info.file_size)} + context cache and buffers "
            f"{_gb(needed - info.file_size)}) "
            f"but only {_gb(free)} is available",
            hint="close other programs, lower the context size (n_ctx), or pick a smaller model",
        )
    return needed
