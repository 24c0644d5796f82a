"""Prompt-lookup decoding (the ``prompt_lookup`` setting) without its memory and prompt costs.

llama-cpp-python's ``LlamaPromptLookupDecoding`` drafts the next tokens by finding the last few
tokens earlier in the context and copying what followed; ``Llama.generate`` then checks the
draft in one batch and keeps the tokens the model agrees with. To check a draft it needs logits
for every token of a batch, so a ``Llama`` with a draft model asks llama.cpp for all of them:
- during prompt processing that adds the vocabulary projection of every prompt token (152k
  outputs a token for Qwen: about a quarter more work for the 0.5B model), although only the
  last token's logits are ever sampled. ``last_logits_only`` turns it off around the prompt;
- each evaluated token's logits (600 KB for Qwen) are copied into ``Llama.scores``, an
  ``n_ctx`` x vocabulary array (5 GB at n_ctx 8192) that fills as generation moves through the
  context, although sampling reads llama.cpp's own logits and never ``scores``.
  ``discard_scores`` makes those copies land in a throw-away buffer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# llama-cpp-python's advice: 10 drafted tokens suit a GPU, 2 a CPU-only machine (a rejected
# draft token costs a CPU nearly a full token's work).
GPU_DRAFT_TOKENS = 10
CPU_DRAFT_TOKENS = 2


def prompt_lookup_options(enabled: bool, n_gpu_layers: int) -> dict[str, Any]:
    """The extra ``Llama(...)`` arguments for prompt-lookup decoding (none when disabled)."""
    if not enabled:
        return {}
    from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

    tokens = GPU_DRAFT_TOKENS if n_gpu_layers > 0 else CPU_DRAFT_TOKENS
    return {"draft_model": LlamaPromptLookupDecoding(num_pred_tokens=tokens)}


def discard_scores(llm: Any) -> None:
    """Point ``llm.scores`` at one reused row: every row of the view is the same memory.

    ``Llama.eval`` writes ``scores[a:b].reshape(-1)[::] = logits``: for one token that is the
    shared row, for several the reshape copies the view and the write goes to a temporary of
    the batch's size. Either way nothing accumulates.
    """
    import numpy as np

    # as many rows as the context: eval slices rows by position, up to n_ctx
    row = np.zeros(llm.scores.shape[1], dtype=np.single)
    llm.scores = np.lib.stride_tricks.as_strided(
        row, shape=(llm.n_ctx(), row.shape[0]), strides=(0, row.strides[0])
    )


@contextmanager
def last_logits_only(llm: Any) -> Iterator[None]:
    """While inside, ``llm.eval`` asks llama.cpp for the last token's logits only."""
    before = llm._logits_all
    llm._logits_all = False
    try:
        yield
    finally:
        llm._logits_all = before
