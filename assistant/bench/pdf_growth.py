"""How a PDF summary grows with the page count: time (a linear fit) and peak memory.

Each size is summarized in its own child process (``python -m assistant.bench.pdf_growth``),
which reports its own peak RSS (``getrusage(RUSAGE_SELF)``): sizes never share a high-water
mark, and nothing the parent loaded counts. The figures: seconds and peak RSS per size, the
seconds per page of a least-squares line through the sizes with its R^2, and how much more the
largest size's peak is than the smallest's beyond the extra text itself (target: the peak does
not grow with pages, apart from holding the text).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.bench.stats import Figure, linear_fit

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv

PAGES = (10, 100, 300)
R2_TARGET = 0.98  # time is linear in pages
BEYOND_TEXT_TARGET_MB = 50.0  # the peak's growth from the smallest to the largest, text aside


@dataclass(frozen=True)
class Point:
    pages: int
    seconds: float  # the summary, from the call to the final text (model loaded lazily within)
    peak_rss_mb: float
    text_mb: float  # the PDF's extracted text, UTF-8
    sections: int


def growth(env: BenchEnv, pages: tuple[int, ...] = PAGES, max_tokens: int = 64) -> list[Figure]:
    from assistant.bench.pdf_summary import pdf_path

    if len(pages) < 2:
        raise ValueError("the growth figure needs at least two sizes")
    points = [measure_size(env, pdf_path(env, n), n, max_tokens) for n in sorted(pages)]
    return growth_figures(points, max_tokens)


def measure_size(env: BenchEnv, pdf: Path, pages: int, max_tokens: int) -> Point:
    """Summarize ``pdf`` in a fresh child process; its time and its own peak RSS."""
    from assistant.bench.qt_figures import parse_probe_output

    job = {
        "model": str(env.model_path),
        "threads": env.threads,
        "n_ctx": env.n_ctx,
        "pdf": str(pdf),
        "work": str(env.scratch(f"growth-{pages}")),
        "max_tokens": max_tokens,
    }
    cmd = [sys.executable, "-m", "assistant.bench.pdf_growth", json.dumps(job)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"summarizing {pages} pages failed: {done.stderr.strip()[-400:]}")
    data = parse_probe_output(done.stdout, "the growth child")
    return Point(pages, data["seconds"], data["peak_rss_mb"], text_mb(pdf), int(data["sections"]))


def text_mb(pdf: Path) -> float:
    from assistant.documents.loader import load_document

    document = load_document(pdf, max_bytes=2**31)
    return len(document.text.encode("utf-8")) / 2**20


def growth_figures(points: list[Point], max_tokens: int) -> list[Figure]:
    pages = [float(p.pages) for p in points]
    slope, intercept, r2 = linear_fit(pages, [p.seconds for p in points])
    residuals = [p.seconds - (intercept + slope * p.pages) for p in points]
    small, large = points[0], points[-1]
    beyond = (large.peak_rss_mb - small.peak_rss_mb) - (large.text_mb - small.text_mb)
    sizes = f"{', '.join(str(p.pages) for p in points)} pages"
    rows = []
    for p in points:
        name = f"summarize a {p.pages}-page PDF (growth)"
        detail = {"text_mb": round(p.text_mb, 6), "sections": p.sections}
        rows += [
            Figure(f"growth_{p.pages}_seconds", name, "s", p.seconds, detail=detail),
            Figure(f"growth_{p.pages}_peak_rss", f"{name}: peak RSS", "MB", p.peak_rss_mb),
        ]
    fit = {
        "pages": [p.pages for p in points],
        "seconds": [round(p.seconds, 2) for p in points],
        "intercept_s": round(intercept, 2),
        "residuals_s": [round(r, 2) for r in residuals],
        "max_tokens": max_tokens,
    }
    rows += [
        Figure("growth_seconds_per_page", f"time per page ({sizes}, linear fit)", "s/page",
               slope, detail=fit),
        Figure("growth_time_r2", f"time linear in pages ({sizes}): R^2 of the fit", "R^2",
               r2, target_op=">=", target_value=R2_TARGET, target_on="ours"),
        Figure("growth_memory_beyond_text",
               f"peak RSS growth beyond the text, {small.pages} to {large.pages} pages", "MB",
               beyond, target_op="<=", target_value=BEYOND_TEXT_TARGET_MB, target_on="ours",
               detail={"peak_rss_mb": [round(p.peak_rss_mb, 1) for p in points],
                       "text_mb": [round(p.text_mb, 6) for p in points]}),
    ]  # fmt: skip
    return rows


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (MB)."""
    if sys.platform == "win32":
        import psutil

        return float(psutil.Process().memory_info().peak_wset) / 2**20
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes vs KB


def _child(job: dict[str, Any]) -> dict[str, float]:
    """The child's work: one summary on a fresh core, as the bench's other PDF figures run it."""
    from assistant.bench.env import BenchEnv
    from assistant.bench.pdf_stages import measure_stages

    env = BenchEnv(Path(job["model"]), job["threads"], job["n_ctx"], work=Path(job["work"]))
    try:
        stages = measure_stages(env.new_core("core"), Path(job["pdf"]), job["max_tokens"])
    finally:
        env.close()
    return {"seconds": stages.total_s, "peak_rss_mb": peak_rss_mb(), "sections": stages.sections}


if __name__ == "__main__":
    print(json.dumps(_child(json.loads(sys.argv[1]))))
