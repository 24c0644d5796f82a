"""Summarizing a many-page PDF end to end: seconds, pages per minute, and where the time goes.

The breakdown (loading, tokens read, prompt-processing and generation seconds, reduce, time to
the first section) comes from the engine's own request stats (``pdf_stages``). The ratio of the
total to llama-cpp-python's raw prompt processing of the same tokens shows how close the
summary runs to the physical limit of reading every page once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.bench.corpus import make_pdf
from assistant.bench.levers import NO_LEVERS, Levers
from assistant.bench.pdf_stages import Stages, measure_stages, raw_prompt_rate
from assistant.bench.stats import Figure

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv

PAGES = 100
MAX_TOKENS = 64  # per generation: keeps the run within the suite's budget
RAW_PROMPTS = 3  # section prompts the raw baseline reads to measure its rate
LIMIT_TARGET = 1.25  # total time at most 1.25 x the raw prompt processing of its tokens


def pdf_path(env: BenchEnv, pages: int = PAGES) -> Path:
    path = env.work / f"bench-{pages}-pages.pdf"
    if not path.exists():
        make_pdf(path, pages)
    return path


def pdf_summary(
    env: BenchEnv,
    label: str,
    pages: int = PAGES,
    model_path: Path | None = None,
    levers: Levers = NO_LEVERS,
    max_tokens: int = MAX_TOKENS,
    raw_prompts: int = RAW_PROMPTS,
) -> list[Figure]:
    """The summary's figures; ``levers`` tries engine options (none is the default)."""
    from assistant.bench.generation import raw_llama

    path = pdf_path(env, pages)
    core = env.new_core(f"pdf-{label}", model_path)
    levers.apply(core)
    try:
        stages = measure_stages(core, path, max_tokens)
        layers = core.engine().device_info().n_gpu_layers
    finally:
        env.close_core(core)
    sample = [r.messages for r in stages.requests[: min(raw_prompts, stages.map_requests)]]
    # the baseline reads with the same context and batch sizes: the ratio is our overhead
    llm = raw_llama(env, layers, model_path, levers.n_ctx, levers.n_batch, levers.n_ubatch)
    try:
        rate = raw_prompt_rate(llm, sample)
    finally:
        llm.close()
    detail = {
        "model": label,
        "pages": pages,
        "max_tokens": max_tokens,
        "n_ctx": levers.n_ctx or env.n_ctx,
        "levers": levers.settings(),
    }
    return stage_figures(label, pages, stages, rate, detail)


def stage_figures(
    label: str, pages: int, stages: Stages, raw_rate: float, detail: dict[str, object]
) -> list[Figure]:
    name = f"summarize a {pages}-page PDF ({label})"
    key = f"pdf_{label}"
    detail = {**detail, **stages.as_dict(), "raw_prompt_tok_s": round(raw_rate, 1)}
    rows = [
        Figure(f"{key}_seconds", name, "s", stages.total_s, detail=detail),
        Figure(f"{key}_pages_per_min", name, "pages/min", pages / stages.total_s * 60),
        Figure(f"{key}_first_section", f"{name}: first section shown", "s", stages.first_section_s),
        Figure(f"{key}_loading", f"{name}: loading (text, model, chunks)", "s", stages.loading_s),
        Figure(f"{key}_tokens_read", f"{name}: tokens read", "tokens", stages.tokens_read),
        Figure(f"{key}_prompt", f"{name}: prompt processing", "s", stages.prompt_s),
        Figure(f"{key}_generated", f"{name}: generated tokens", "tokens", stages.generated_tokens),
        Figure(f"{key}_generation", f"{name}: generation", "s", stages.generation_s),
        Figure(f"{key}_reduce", f"{name}: reduce (overview)", "s", stages.reduce_s),
    ]
    if raw_rate > 0:
        limit = stages.tokens_read / raw_rate
        rows.append(
            Figure(
                f"{key}_limit",
                f"{name}: total vs raw prompt processing of its tokens",
                "s",
                stages.total_s,
                limit,
                stages.total_s / limit if limit > 0 else None,
                "<=",
                LIMIT_TARGET,
                "ratio",
            )
        )
    return rows
