"""One chat request on the host thread: prompt evaluation (full batches, abortable) with KV prefix
reuse, then token-by-token sampling with cancel checks, UTF-8-safe streaming and stop strings."""

from __future__ import annotations

import ctypes
import json
import time
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import UserError
from assistant.llm._host import Job
from assistant.llm._prompt import ChatPrompt
from assistant.llm._prompt_eval import evaluate_prompt
from assistant.llm._textstream import TextStream
from assistant.llm.params import ChatMessage, DeviceInfo, GenParams
from assistant.task_events import Done, Token

_RANDOM_SEED = 0xFFFFFFFF  # LLAMA_DEFAULT_SEED: a random seed
COMPLETION_KEY = "completion_tokens"  # in LoadedModel.stats: tokens sampled by the last request


@dataclass
class LoadedModel:
    """What the host thread owns: the ``Llama`` object and what it needs to chat."""

    llm: Any  # llama_cpp.Llama
    prompt: ChatPrompt  # chat template + tokenizer: control tokens only from the template
    device: DeviceInfo
    stats: dict[str, float] = field(default_factory=dict)

    def prompt_tokens(self, messages: list[ChatMessage]) -> list[int]:
        return self.prompt.tokens(messages)

    def piece(self, token: int) -> bytes:
        import llama_cpp

        vocab = self.llm._model.vocab
        buf = ctypes.create_string_buffer(64)
        n = llama_cpp.llama_token_to_piece(vocab, token, buf, 64, 0, False)
        if n < 0:
            buf = ctypes.create_string_buffer(-n)
            n = llama_cpp.llama_token_to_piece(vocab, token, buf, -n, 0, False)
        return buf.raw[: max(n, 0)]


def _reuse_prefix(llm: Any, tokens: list[int]) -> int:
    """Keep the KV cache of the longest common prefix with the previous request."""
    previous = llm.input_ids[: llm.n_tokens]
    n = 0
    for a, b in zip(previous, tokens, strict=False):
        if a != b:
            break
        n += 1
    if n >= len(tokens):
        n = len(tokens) - 1  # re-evaluate the last token to get fresh logits
    if n > 0 and llm._ctx.kv_cache_seq_rm(-1, n, -1):
        llm.n_tokens = n
        return n
    llm.reset()
    return 0


def _grammar(schema: dict[str, Any] | None) -> Any:
    if schema is None:
        return None
    from llama_cpp import LlamaGrammar

    try:
        return LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
    except Exception as exc:
        raise UserError(f"unsupported JSON schema: {exc}") from exc


def run_chat(m: LoadedModel, job: Job, messages: list[ChatMessage], params: GenParams) -> None:
    import llama_cpp

    start = time.perf_counter()
    llm = m.llm
    m.stats[COMPLETION_KEY] = 0  # tokens sampled by this request so far (read after a cancel)
    tokens = m.prompt_tokens(messages)
    n_ctx = llm.n_ctx()
    if len(tokens) >= n_ctx:
        raise UserError(
            f"the prompt has {len(tokens)} tokens but the model's context holds {n_ctx}",
            hint="shorten the input or raise the n_ctx setting",
        )
    grammar = _grammar(params.json_schema)
    cached = _reuse_prefix(llm, tokens)
    pending = tokens[cached:]
    if not evaluate_prompt(llm, job, pending, m.stats):
        return
    prompt_s = time.perf_counter() - start

    llm.set_seed(params.seed if params.seed is not None else _RANDOM_SEED)
    max_tokens = max(1, min(params.max_tokens, n_ctx - len(tokens)))
    stream = TextStream(params.stop)
    vocab = llm._model.vocab
    n_out, finish = 0, "length"
    gen_start = time.perf_counter()
    sampler = llm.generate(
        [],
        reset=False,
        temp=params.temperature,
        top_p=params.top_p,
        top_k=40,
        min_p=0.05,
        repeat_penalty=1.0,
        grammar=grammar,
    )
    try:
        for token in sampler:
            if llama_cpp.llama_vocab_is_eog(vocab, token):
                finish = "stop"
                break
            n_out += 1
            text = stream.feed(m.piece(token))
            if text:
                job.emit(Token(text))
            if stream.stopped:
                finish = "stop"
                break
            if n_out >= max_tokens or job.cancelled:
                break
    finally:
        sampler.close()
        m.stats[COMPLETION_KEY] = n_out
    if job.cancelled:
        return
    tail = stream.finish()
    if tail:
        job.emit(Token(tail))
    gen_s = time.perf_counter() - gen_start
    data: dict[str, Any] = {
        "prompt_tokens": len(tokens),
        "completion_tokens": n_out,
        "finish_reason": finish,
        "seconds": time.perf_counter() - start,
        "prompt_seconds": prompt_s,
        "tokens_per_second": n_out / gen_s if gen_s > 0 else 0.0,
        "last_prompt_tokens_evaluated": len(pending),
        "prompt_tokens_cached": cached,
    }
    if params.json_schema is not None:
        try:
            data["json"] = json.loads(stream.text)
        except json.JSONDecodeError:
            data["json"] = None
    job.emit(Done(stream.text, data=data))
