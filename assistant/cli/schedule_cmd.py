"""``deskmate schedule TEXT|FILE [--now ISO] [--tz ZONE] [--ics out.ics] [--accept N]`` and
``deskmate calendar import|export|list``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rich.table import Table

from assistant.cli.calendar_sync_cmd import ACTIONS as SYNC_ACTIONS
from assistant.cli.calendar_sync_cmd import add_arguments as add_sync_arguments
from assistant.cli.context import CliContext
from assistant.cli.dates import span
from assistant.cli.streaming import run_events


def add_parser(sub: Any) -> None:
    p = sub.add_parser("schedule", help="suggest events and tasks from text, a mail or a file")
    p.add_argument("source", help="text, a file (.eml, .txt, .pdf...), or - for standard input")
    p.add_argument("--now", help="reference time, ISO 8601 (default: now)")
    p.add_argument("--tz", default="", help="IANA time zone (default: setting or system)")
    p.add_argument("--ics", type=Path, help="write the suggestions to this .ics file")
    p.add_argument(
        "--accept",
        nargs="+",
        metavar="N|all",
        help="store suggestions N... (1-based), or all, as events (a task without a time goes "
        "into its first free slot)",
    )
    p.add_argument(
        "--model",
        default=None,
        help="model id or .gguf path for this run only (`deskmate models use` sets the default)",
    )
    p.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)

    c = sub.add_parser(
        "calendar",
        help="events: import/export .ics, list, remind UID MINUTES|default; CalDAV: connect "
        "URL, accounts, calendars, choose NAME, sync, delete UID, disconnect NAME",
    )
    c.add_argument("action", choices=("import", "export", "list", "remind", *SYNC_ACTIONS))
    c.add_argument(
        "path", nargs="?", help="import/export: the .ics; remind, delete: the uid; connect: URL"
    )
    c.add_argument("minutes", nargs="?", help="remind: minutes before the start, or default")
    c.add_argument("--days", type=int, default=30)
    add_sync_arguments(c)
    c.set_defaults(func=run_calendar)


def _parse_now(text: str | None) -> datetime | None:
    from assistant.errors import UserError

    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"--now must be ISO 8601 like 2026-11-23T09:00, not {text!r}") from exc


def accept_numbers(values: list[str] | None) -> list[int] | None:
    """``--accept 1 3`` -> [1, 3]; ``--accept all`` -> None (every one)."""
    from assistant.errors import UserError

    if not values or [v.lower() for v in values] == ["all"]:
        return None
    try:
        return [int(v) for v in values]
    except ValueError as exc:
        raise UserError(f"--accept takes numbers (1-based) or all, not {values!r}") from exc


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.calendar import export_ics
    from assistant.cli.reply_cmd import use_model
    from assistant.tasks.schedule import (
        ScheduleOptions,
        accept_suggestions,
        events_from_plan,
        schedule,
    )
    from assistant.tasks.schedule_plan import planned_suggestions

    use_model(args, ctx)
    numbers = accept_numbers(args.accept) if args.accept else []
    if args.source == "-":
        source: Path | str = sys.stdin.read()
    elif Path(args.source).is_file():
        source = Path(args.source)
    else:
        source = args.source
    options = ScheduleOptions(now=_parse_now(args.now), tz=args.tz, max_tokens=args.max_tokens)
    done = run_events(schedule(ctx.core, source, options), ctx, stream=False)
    planned = planned_suggestions(done.data) or []
    events = events_from_plan(planned)
    if args.ics:
        args.ics.write_bytes(export_ics([e for e in events if e is not None]))
    accepted = [] if numbers == [] else accept_suggestions(ctx.core, planned, numbers)
    if ctx.json:
        print(
            json.dumps(
                {
                    "run_id": done.run_id,
                    **done.data,
                    "accepted": [event.uid for event in accepted],
                },
                ensure_ascii=False,
            )
        )
    else:
        ctx.out.print(done.text, markup=False)
        for event in accepted:
            ctx.err.print(f"stored: {event.title} ({span(ctx, event.start, event.end)})")
    return 0


def _remind(args: argparse.Namespace, ctx: CliContext) -> int:
    """``deskmate calendar remind UID 15`` (its own lead) or ``... default`` (the setting)."""
    from assistant.errors import UserError

    value = (args.minutes or "").strip().lower()
    if not args.path or not (value.isdigit() or value == "default"):
        raise UserError("usage: deskmate calendar remind UID MINUTES|default")
    minutes = None if value == "default" else int(value)
    ctx.store.set_event_reminder(str(args.path), minutes)
    ctx.err.print(f"reminder: {'the default' if minutes is None else f'{minutes} min before'}")
    return 0


def run_calendar(args: argparse.Namespace, ctx: CliContext) -> int:
    from zoneinfo import ZoneInfo

    from assistant.calendar import export_ics, import_ics
    from assistant.errors import UserError
    from assistant.tasks.schedule import resolve_zone

    if args.action in SYNC_ACTIONS:
        from assistant.cli.calendar_sync_cmd import run as run_sync

        return run_sync(args, ctx)
    store = ctx.core.store
    tz = resolve_zone(ctx.core, "")
    if args.path and args.action in ("import", "export"):
        args.path = Path(args.path)
    if args.action == "remind":
        return _remind(args, ctx)
    if args.action == "import":
        if not args.path:
            raise UserError("usage: deskmate calendar import FILE.ics")
        events = import_ics(args.path, tz=tz)
        for event in events:
            store.add_event(event)
        ctx.err.print(f"imported {len(events)} events")
        return 0
    now = datetime.now(ZoneInfo(tz))
    events = store.events_between(now - timedelta(days=365 * 50), now + timedelta(days=365 * 50))
    if args.action == "export":
        data = export_ics(events)
        if args.path:
            args.path.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return 0
    upcoming = [e for e in events if e.end >= now and e.start <= now + timedelta(days=args.days)]
    if ctx.json:
        print(
            json.dumps(
                [
                    {
                        "uid": e.uid,
                        "title": e.title,
                        "start": e.start.isoformat(),
                        "end": e.end.isoformat(),
                    }
                    for e in upcoming
                ],
                ensure_ascii=False,
            )
        )
        return 0
    table = Table("when", "title", "where")
    for e in upcoming:
        table.add_row(span(ctx, e.start, e.end, all_day=e.all_day), e.title, e.location)
    ctx.out.print(table)
    return 0
