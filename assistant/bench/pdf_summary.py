"""Summarizing a many-page PDF end to end (no target yet): seconds and pages per minute."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.bench.corpus import make_pdf
from assistant.bench.stats import Figure
from assistant.events import Done

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv

PAGES = 100
MAX_TOKENS = 64  # per generation: keeps the run within the suite's budget


def pdf_path(env: BenchEnv, pages: int = PAGES) -> Path:
    path = env.work / f"bench-{pages}-pages.pdf"
    if not path.exists():
        make_pdf(path, pages)
    return path


def pdf_summary(
    env: BenchEnv, label: str, pages: int = PAGES, model_path: Path | None = None
) -> list[Figure]:
    path = pdf_path(env, pages)
    core = env.new_core(f"pdf-{label}", model_path)
    try:
        start = time.perf_counter()
        data: dict[str, object] = {}
        for event in core.summarize(path, length="brief", max_tokens=MAX_TOKENS):
            if isinstance(event, Done):
                data = dict(event.data)
        seconds = time.perf_counter() - start
    finally:
        env.close_core(core)
    detail = {
        "model": label,
        "pages": pages,
        "max_tokens": MAX_TOKENS,
        "sections": data.get("sections"),
        "mode": data.get("mode"),
    }
    name = f"summarize a {pages}-page PDF ({label})"
    return [
        Figure(f"pdf_{label}_seconds", name, "s", seconds, detail=detail),
        Figure(f"pdf_{label}_pages_per_min", name, "pages/min", pages / seconds * 60),
    ]
