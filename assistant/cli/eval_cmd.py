"""``deskmate eval``: task quality of the pipeline against plain prompting of the same model,
with the paired difference and its 95 % bootstrap interval."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.context import CliContext

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.eval.runner import TaskReport
    from assistant.eval.spec import EvalContext, EvalTask

EVAL_N_CTX = 4096  # every eval item is short; a smaller context keeps memory low


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="measure task quality: the pipeline against plain prompting of the same model",
        description="Runs every system of a task (Deskmate's pipeline and one plain prompt to "
        "the same model) on the same items, prints the scores and the paired difference with "
        "its 95% bootstrap interval: 'better' means the whole interval lies above zero.",
    )
    p.add_argument("--model", help="catalog id (or fast/default), user model id, or .gguf path")
    p.add_argument("--task", default="all", help="summarize, translate, dates, reply, ... or all")
    p.add_argument("--data", type=Path, help="data folder (default: the shipped samples)")
    p.add_argument("--limit", type=int, help="at most N items per task")
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap and the prompts")
    p.set_defaults(func=run)


def model_path(ctx: CliContext, model: str | None) -> Path:
    from assistant.models.catalog import DEFAULT_LLM, FAST_LLM
    from assistant.models.registry import resolve_model_path

    aliases = {"fast": FAST_LLM, "default": DEFAULT_LLM}
    chosen = model or ctx.settings.get_str("model")
    return resolve_model_path(ctx.data_dir, aliases.get(chosen, chosen))


def scratch_core(ctx: CliContext, path: Path, scratch: Path) -> Core:
    """A core on a scratch data dir: eval runs stay out of the user's history and style
    examples; threads and GPU layers follow the user's settings; temperature 0."""
    from assistant.core import Core

    core = Core(scratch, model_path=path)
    for name in ("n_threads", "n_gpu_layers"):
        core.settings.set(name, ctx.settings.get(name))
    core.settings.set("n_ctx", EVAL_N_CTX)
    core.settings.set("temperature", 0.0)
    return core


def run_one(task: EvalTask, ectx: EvalContext, ctx: CliContext, limit: int | None) -> TaskReport:
    """Drive one task: a progress bar on a terminal, else one line per answer (logs)."""
    from assistant.cli.streaming import _Bar, format_eta
    from assistant.eval.runner import run_task

    bar = _Bar(ctx)
    steps = run_task(task, ectx, limit=limit)
    try:
        while True:
            step = next(steps)
            if ctx.err.is_terminal:
                bar.update(step)
            else:
                ctx.err.print(f"{step.stage} {step.done}/{step.total} {format_eta(step.eta_s)}")
    except StopIteration as stop:
        report: TaskReport = stop.value
        return report
    except KeyboardInterrupt:
        steps.close()
        raise
    finally:
        bar.stop()


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.eval import registry
    from assistant.eval.data import default_data_dir
    from assistant.eval.spec import EvalContext
    from assistant.eval.table import json_data, table

    tasks = registry.select(args.task)
    data = args.data if args.data is not None else default_data_dir()
    for task in tasks:  # a missing or malformed set fails before the model loads
        task.load(data, args.limit)
    path = model_path(ctx, args.model)
    reports = []
    with tempfile.TemporaryDirectory(prefix="deskmate-eval-") as scratch:
        core = scratch_core(ctx, path, Path(scratch))
        try:
            ectx = EvalContext(core=core, data_dir=data, seed=args.seed)
            for task in tasks:
                report = run_one(task, ectx, ctx, args.limit)
                reports.append(report)
                if not ctx.json:
                    ctx.out.print(table(report))
                ctx.err.print(
                    f"[dim]{task.name}: {report.items} items in {report.seconds:.0f} s[/]"
                )
        finally:
            core.close()
    if ctx.json:
        meta = {"model": path.stem, "data": str(data), "limit": args.limit, "seed": args.seed}
        print(json.dumps(json_data(reports, meta), ensure_ascii=False, indent=2))
    return 0
