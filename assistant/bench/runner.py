"""The suite: which figures, in which order, with how many rounds (full or quick)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.bench.levers import NO_LEVERS, Levers, at_app_context
from assistant.bench.stats import Figure, failed

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv
    from assistant.core import Core


@dataclass(frozen=True)
class Plan:
    quick: bool = False
    with_default_model: bool = False
    # 3 rounds of 32 tokens gave generation ratios of 1.027 and 0.966 in two runs (issue 12):
    # 9 paired rounds of 128 tokens then gave 0.998 and 0.967 (single rounds vary by up to 18 %
    # on this shared 2-core VM); 16 paired rounds halve the median's spread again. The table
    # shows the min-max of the per-round ratios beside it
    gen_rounds: int = 16
    gen_tokens: int = 128
    ttft_rounds: int = 5
    prompt_rounds: int = 3
    embed_rounds: int = 5
    embed_chunks: int = 256
    search_chunks: int = 100_000
    search_queries: int = 60
    generations: int = 50
    startup_runs: int = 3
    quick_runs: int = 3
    pdf_pages: int = 100
    pdf_levers: Levers = NO_LEVERS  # engine options to measure on the PDF summaries
    growth_pages: tuple[int, ...] = (10, 100, 300)
    furniture_pages: int = 30
    growth_tokens: int = 64
    stall_chunks: int = 2000
    cancel_rounds: int = 10

    @classmethod
    def quick_plan(cls) -> Plan:
        return cls(quick=True)

    @classmethod
    def tiny(cls) -> Plan:
        """A seconds-long smoke run (tests)."""
        return cls(
            gen_rounds=1, gen_tokens=4, ttft_rounds=1, prompt_rounds=1,
            embed_rounds=1, embed_chunks=8, search_chunks=200, search_queries=3,
            generations=2, startup_runs=1, quick_runs=1, pdf_pages=2, stall_chunks=20,
            cancel_rounds=1, growth_pages=(1, 2), growth_tokens=4, furniture_pages=3,
        )  # fmt: skip


Step = tuple[str, str, Callable[[], list[Figure]]]
QUICK_KEYS = ("generation_ratio", "stall_generate")
FULL_KEYS = (  # cheap figures first: a run cut short still reports most of them
    *QUICK_KEYS,
    "ttft_cached",
    "cancel",
    "stall_load",
    "stall_pdf",
    "startup",
    "quick",
    "memory_growth",
    "embedding_ratio",
    "stall_embed",
    "search_p95",
    "fts_p95",
    "prompt_ratio",
    "pdf_fast",
    "page_furniture",
    "remote_concurrency",
    "pdf_growth",
)
DEFAULT_MODEL_KEY = "pdf_default"


def step_keys(plan: Plan, with_default_model: bool = False) -> list[str]:
    keys = list(QUICK_KEYS if plan.quick else FULL_KEYS)
    return [*keys, DEFAULT_MODEL_KEY] if with_default_model and not plan.quick else keys


def check_only(plan: Plan, only: set[str], with_default_model: bool = False) -> None:
    """Raise ``UserError`` for step keys this plan does not have."""
    known = step_keys(plan, with_default_model)
    unknown = only - set(known)
    if unknown:
        from assistant.errors import UserError

        raise UserError(
            f"unknown benchmark step(s): {', '.join(sorted(unknown))}",
            hint=f"choose among: {', '.join(known)}",
        )


def steps(env: BenchEnv, plan: Plan, default_model: Path | None = None) -> list[Step]:
    """(key, name, measure) in running order; the quick plan keeps two figures."""
    from assistant.bench import (
        cancel,
        embedding,
        generation,
        pdf_furniture,
        pdf_growth,
        pdf_summary,
        prompt_eval,
        qt_figures,
        remote_concurrency,
        search_latency,
    )

    shared: list[Core] = []

    def core() -> Core:
        if not shared:
            shared.append(env.new_core("main"))
        return shared[0]

    searched: list[Core] = []

    def search_core() -> Core:  # the full-text figures reuse the 100,000 chunks stored
        if not searched:
            searched.append(env.new_core("search"))
        return searched[0]

    quick: list[Step] = [
        ("generation_ratio", "generation speed",
         lambda: [generation.generation_ratio(env, core(), plan.gen_rounds, plan.gen_tokens)]),
        ("stall_generate", "event-loop stall while generating",
         lambda: qt_figures.stall(env, "generate", max_tokens=plan.gen_tokens)),
    ]  # fmt: skip
    if plan.quick:
        return quick
    full: list[Step] = [
        ("ttft_cached", "time to first token",
         lambda: [generation.time_to_first_token(env, core(), plan.ttft_rounds)]),
        ("cancel", "cancel while generating",
         lambda: [cancel.cancel_latency(env, core(), plan.cancel_rounds)]),
        ("prompt_ratio", "summarizer prompt processing",
         lambda: [prompt_eval.prompt_ratio(env, core(), plan.prompt_rounds)]),
        ("memory_growth", "memory growth",
         lambda: [generation.memory_growth(env, core(), plan.generations)]),
        ("embedding_ratio", "indexing throughput",
         lambda: [embedding.embedding_ratio(
             env, env.new_core("embed"), plan.embed_rounds, plan.embed_chunks)]),
        ("search_p95", "hybrid search latency",
         lambda: [search_latency.search_latency(
             env, search_core(), plan.search_chunks, plan.search_queries)]),
        ("fts_p95", "full-text search latency (en, zh, mixed)",
         lambda: search_latency.text_latency(env, search_core(), plan.search_queries)),
        ("pdf_fast", "summarize a PDF (0.5B)",
         lambda: pdf_summary.pdf_summary(
             env, "0.5B", plan.pdf_pages, levers=plan.pdf_levers)),
        ("page_furniture", "running heads dropped before summarizing (0.5B)",
         lambda: pdf_furniture.furniture(env, plan.furniture_pages)),
        ("remote_concurrency", "requests at once to a server, and batched steps",
         lambda: [*remote_concurrency.concurrency(env), *remote_concurrency.batch_step(env)]),
        ("pdf_growth", "PDF summary growth with pages (0.5B)",
         lambda: pdf_growth.growth(env, plan.growth_pages, plan.growth_tokens)),
        ("stall_embed", "event-loop stall while embedding",
         lambda: qt_figures.stall(env, "embed", max_tokens=16)),
        ("stall_load", "event-loop stall while the model loads",
         lambda: qt_figures.stall(env, "load")),
        ("stall_pdf", "event-loop stall while loading a PDF",
         lambda: qt_figures.stall(
             env, "pdf", pdf=pdf_summary.pdf_path(env, plan.pdf_pages))),
        ("startup", "start-up", lambda: [qt_figures.startup(env, plan.startup_runs)]),
        ("quick", "quick popup", lambda: qt_figures.quick_popup(env, plan.quick_runs)),
    ]  # fmt: skip
    full.sort(key=lambda step: FULL_KEYS.index(step[0]))
    if default_model is not None:
        full.append(
            (DEFAULT_MODEL_KEY, "summarize a PDF (1.5B)",
             lambda: pdf_summary.pdf_summary(
                 env, "1.5B", plan.pdf_pages, default_model, at_app_context(plan.pdf_levers)))
        )  # fmt: skip
    return quick + full


def run(
    env: BenchEnv,
    plan: Plan,
    *,
    default_model: Path | None = None,
    only: set[str] | None = None,
    progress: Callable[[list[Figure]], object] | None = None,
) -> list[Figure]:
    """Run every step (or those in ``only``); a step that raises becomes an error row.

    ``progress(figures_so_far)`` is called after each step (the CLI saves partial results).
    """
    check_only(plan, only or set(), default_model is not None)
    planned = steps(env, plan, default_model)
    figures: list[Figure] = []
    for key, name, measure in planned:
        if only and key not in only:
            continue
        env.say(f"measuring {name}…")
        start = time.perf_counter()
        try:
            rows = measure()
        except Exception as exc:  # one broken figure must not lose the others
            rows = [failed(key, name, exc)]
        took = time.perf_counter() - start
        for row in rows:
            row.detail.setdefault("step_seconds", round(took, 1))
        figures.extend(rows)
        if progress is not None:
            progress(figures)
    return figures
