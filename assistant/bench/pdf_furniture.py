"""What dropping running heads saves: one PDF with a title and a "Page N of M" line on every
page, summarized as the app does (heads dropped) and with them kept, on fresh cores.

A lever of issue 18, kept only if measured to help: the figures are the tokens the map step
read and the total seconds, each as a ratio of dropped to kept measured in the same run. Every
page's heads are a few dozen tokens the model would otherwise read and may repeat in its
section summaries.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.bench.corpus import make_pdf
from assistant.bench.pdf_stages import Stages, measure_stages
from assistant.bench.stats import Figure

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv

PAGES = 30  # enough sections for the map step; both summaries within a few minutes on the 0.5B
MAX_TOKENS = 64


def heads_pdf(env: BenchEnv, pages: int) -> Path:
    path = env.work / f"bench-{pages}-pages-heads.pdf"
    if not path.exists():
        make_pdf(path, pages, running_heads=True)
    return path


def furniture(env: BenchEnv, pages: int = PAGES, max_tokens: int = MAX_TOKENS) -> list[Figure]:
    """Summarize the same PDF with its heads dropped, then kept, each on a fresh core."""
    path = heads_pdf(env, pages)
    runs: dict[bool, Stages] = {}
    # Dropped first: the second core finds the model in the page cache and loads faster, which
    # then favours keeping the heads, so the saving measured is if anything too small.
    for keep in (False, True):
        core = env.new_core("heads-kept" if keep else "heads-dropped")
        try:
            runs[keep] = measure_stages(core, path, max_tokens, keep_page_furniture=keep)
        finally:
            env.close_core(core)
    return furniture_figures(pages, dropped=runs[False], kept=runs[True])


def furniture_figures(pages: int, dropped: Stages, kept: Stages) -> list[Figure]:
    name = f"running heads dropped, {pages}-page PDF with heads (0.5B)"
    detail = {
        "pages": pages,
        "dropped": dropped.as_dict(),
        "kept": kept.as_dict(),
    }
    return [
        Figure(
            "furniture_tokens_read", f"{name}: tokens read", "tokens",
            dropped.tokens_read, kept.tokens_read, _ratio(dropped.tokens_read, kept.tokens_read),
            "<=", 1.0, "ratio", detail=detail,
        ),
        Figure(
            "furniture_seconds", f"{name}: total", "s",
            dropped.total_s, kept.total_s, _ratio(dropped.total_s, kept.total_s),
            "<=", 1.0, "ratio",
        ),
        Figure(
            "furniture_first_section", f"{name}: first section shown", "s",
            dropped.first_section_s, kept.first_section_s,
            _ratio(dropped.first_section_s, kept.first_section_s),
        ),
    ]  # fmt: skip


def _ratio(ours: float, baseline: float) -> float | None:
    return ours / baseline if baseline > 0 else None
