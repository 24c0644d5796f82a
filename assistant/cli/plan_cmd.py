"""``deskmate plan [--day|--week] [--accept N...|all]``: open tasks placed into free working
time (earliest deadline first, then priority), with one line of why per block and the overload
when they do not fit; accepted blocks become events."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from assistant.cli.context import CliContext

if TYPE_CHECKING:
    from assistant.calendar.planner import Block
    from assistant.tasks.plan_day import DayPlan


def add_parser(sub: Any) -> None:
    p = sub.add_parser("plan", help="plan my day or week: place open tasks into free time")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--day", dest="scope", action="store_const", const="day", default="day")
    scope.add_argument("--week", dest="scope", action="store_const", const="week")
    p.add_argument("--now", help="plan as if it were this time (ISO 8601)")
    p.add_argument(
        "--accept", nargs="+", metavar="N|all", help="store blocks N... (1-based) or all as events"
    )
    p.set_defaults(func=run)


def _block_json(block: Block, tz: str) -> dict[str, Any]:
    from assistant.calendar.plan_text import why

    return {
        "todo_id": block.todo.id,
        "title": block.todo.title,
        "start": block.start.isoformat(),
        "end": block.end.isoformat(),
        "reason": block.reason,
        "part": block.part,
        "parts": block.parts,
        "why": why(block, lang="en", tz=tz),
    }


def plan_json(day: DayPlan) -> dict[str, Any]:
    plan = day.plan
    return {
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "tz": day.tz,
        "task_min": plan.task_min,
        "free_min": plan.free_min,
        "blocks": [_block_json(b, day.tz) for b in plan.blocks],
        "late": [{"todo_id": s.todo.id, "missing_min": s.missing_min} for s in plan.late],
        "unplaced": [{"todo_id": s.todo.id, "missing_min": s.missing_min} for s in plan.unplaced],
        "overload": None
        if plan.overload is None
        else {
            "deadline": plan.overload.deadline.isoformat(),
            "task_min": plan.overload.task_min,
            "free_min": plan.overload.free_min,
            "move": [t.id for t in plan.overload.move],
        },
    }


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.calendar.human_dates import language_of
    from assistant.calendar.plan_text import render
    from assistant.cli.dates import span
    from assistant.cli.schedule_cmd import _parse_now, accept_numbers
    from assistant.tasks.plan_day import accept_blocks, make_day_plan

    day = make_day_plan(ctx.core, args.scope, now=_parse_now(args.now))
    accepted = accept_blocks(ctx.core, day.plan, accept_numbers(args.accept)) if args.accept else []
    if ctx.json:
        data = plan_json(day) | {"accepted": [e.uid for e in accepted]}
        print(json.dumps(data, ensure_ascii=False))
        return 0
    lang = language_of(ctx.settings.get_str("ui_language"))
    ctx.out.print(render(day.plan, lang=lang, tz=day.tz, now=day.now), markup=False)
    for event in accepted:
        ctx.err.print(f"stored: {event.title} ({span(ctx, event.start, event.end)})")
    return 0
