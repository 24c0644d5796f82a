"""Where a long PDF's summary spends its time: each stage from the engine's own request stats.

A ``MeteredEngine`` passes every request to the real engine and keeps the ``Done`` data the
engine reports for it (prompt tokens evaluated, prompt seconds, tokens sampled, seconds). The
requests finished before the last ``SectionDone`` are the map step; the rest are the reduce.
The physical limit is llama-cpp-python's own prompt processing of as many tokens: a plain
``Llama`` evaluates a sample of the same section prompts, with an empty cache.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.task_events import Done, SectionDone, TaskEvent

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.llm.engine import LLMEngine
    from assistant.llm.params import ChatMessage, DeviceInfo, GenParams


@dataclass(frozen=True)
class Request:
    messages: list[ChatMessage]
    ended: float  # perf_counter when its Done came
    data: dict[str, Any]  # the engine's Done data

    @property
    def tokens_read(self) -> int:
        return int(self.data.get("last_prompt_tokens_evaluated", self.data.get("prompt_tokens", 0)))

    @property
    def prompt_s(self) -> float:
        return float(self.data.get("prompt_seconds", 0.0))

    @property
    def seconds(self) -> float:
        return float(self.data.get("seconds", 0.0))


@dataclass
class MeteredEngine:
    """The engine, with each finished request's stats kept in ``requests``."""

    inner: LLMEngine
    requests: list[Request] = field(default_factory=list)

    def chat(self, messages: list[ChatMessage], params: GenParams) -> Iterator[TaskEvent]:
        for event in self.inner.chat(messages, params):
            if isinstance(event, Done):
                self.requests.append(Request(messages, time.perf_counter(), dict(event.data)))
            yield event

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def context_size(self) -> int:
        return self.inner.context_size()

    def model_name(self) -> str:
        return self.inner.model_name()

    def device_info(self) -> DeviceInfo:
        return self.inner.device_info()

    def close(self) -> None:
        self.inner.close()


@dataclass(frozen=True)
class Stages:
    """One summary's breakdown, in seconds and tokens."""

    total_s: float
    loading_s: float  # PDF text, model load, chunking: all before the first prompt is read
    first_section_s: float
    sections: int
    tokens_read: int  # prompt tokens the map step evaluated (cached prefixes not counted)
    prompt_s: float
    generated_tokens: int
    generation_s: float
    reduce_s: float  # from the last section to the final text
    requests: tuple[Request, ...]
    map_requests: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "total_s": round(self.total_s, 2),
            "loading_s": round(self.loading_s, 2),
            "first_section_s": round(self.first_section_s, 2),
            "sections": self.sections,
            "tokens_read": self.tokens_read,
            "prompt_s": round(self.prompt_s, 2),
            "generated_tokens": self.generated_tokens,
            "generation_s": round(self.generation_s, 2),
            "reduce_s": round(self.reduce_s, 2),
            "requests": len(self.requests),
        }


def measure_stages(
    core: Core, path: Path, max_tokens: int, keep_page_furniture: bool = False
) -> Stages:
    """Summarize ``path`` (brief) on ``core`` and break the run down by stage."""
    start = time.perf_counter()
    meter = MeteredEngine(core.engine())
    core.wrap_engine(lambda _engine: meter)
    marks: list[tuple[float, int]] = []  # (time, requests so far) at each finished section
    done: Done | None = None
    run = core.summarize(
        path, length="brief", max_tokens=max_tokens, keep_page_furniture=keep_page_furniture
    )
    for event in run:
        if isinstance(event, SectionDone):
            marks.append((time.perf_counter(), len(meter.requests)))
        elif isinstance(event, Done):
            done = event
    end = time.perf_counter()
    if done is None or not meter.requests:
        raise RuntimeError("the summary ended without a result")
    requests = tuple(meter.requests)
    first = requests[0]
    n_map = marks[-1][1] if marks else len(requests)
    mapped = requests[:n_map]
    return Stages(
        total_s=end - start,
        loading_s=first.ended - first.seconds - start,
        first_section_s=(marks[0][0] if marks else end) - start,
        sections=int(done.data.get("sections", 1)),
        tokens_read=sum(r.tokens_read for r in mapped),
        prompt_s=sum(r.prompt_s for r in mapped),
        generated_tokens=sum(int(r.data.get("completion_tokens", 0)) for r in mapped),
        generation_s=sum(r.seconds - r.prompt_s for r in mapped),
        reduce_s=end - marks[-1][0] if marks else 0.0,
        requests=requests,
        map_requests=n_map,
    )


def raw_prompt_rate(llm: Any, prompts: list[list[ChatMessage]]) -> float:
    """Prompt tokens/s of a plain ``Llama`` on these prompts, each from an empty cache."""
    tokens, seconds = 0, 0.0
    for messages in prompts:
        llm.reset()
        start = time.perf_counter()
        out = llm.create_chat_completion(messages=messages, max_tokens=1, temperature=0.0)
        seconds += time.perf_counter() - start
        tokens += int(out["usage"]["prompt_tokens"])
    return tokens / seconds if seconds > 0 else 0.0
