"""Drive a task generator from the terminal: tokens to stdout, progress bar on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from assistant.cli.context import CliContext
from assistant.errors import DeskmateError
from assistant.events import Done, Event, Status, Token
from assistant.events import Progress as ProgressEvent
from assistant.tasks.recording import close_events


def run_events(events: Iterator[Event], ctx: CliContext, *, stream: bool = True) -> Done:
    """Consume ``events``; Ctrl+C closes the generator (the run is kept as cancelled)."""
    bar: Progress | None = None
    task_id = None
    done: Done | None = None
    wrote_newline = True
    try:
        for event in events:
            if isinstance(event, Token) and stream:
                sys.stdout.write(event.text)
                sys.stdout.flush()
                wrote_newline = event.text.endswith("\n")
            elif isinstance(event, ProgressEvent) and event.stage not in ("reading", "prompt"):
                if bar is None:
                    bar = Progress(
                        TextColumn("{task.description}"),
                        BarColumn(),
                        TextColumn("{task.completed}/{task.total}"),
                        TimeRemainingColumn(),
                        console=ctx.err,
                        transient=True,
                    )
                    bar.start()
                    task_id = bar.add_task(event.stage, total=event.total)
                assert task_id is not None
                bar.update(
                    task_id, completed=event.done, total=event.total, description=event.stage
                )
            elif isinstance(event, Status) and ctx.err.is_terminal and not ctx.json:
                ctx.err.print(f"[dim]{event.text}[/dim]")
            elif isinstance(event, Done):
                done = event
    except KeyboardInterrupt:
        close_events(events)
        raise
    finally:
        if bar is not None:
            bar.stop()
    if stream and not wrote_newline:
        sys.stdout.write("\n")
    if done is None:
        raise DeskmateError("the task ended without a result")
    return done
