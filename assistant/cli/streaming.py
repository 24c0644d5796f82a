"""Drive a task generator from the terminal: tokens to stdout, progress bar on stderr."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator

from rich.progress import BarColumn, Progress, TaskID, TextColumn

from assistant.cli.context import CliContext
from assistant.errors import DeskmateError
from assistant.task_events import Done, SectionDone, Status, TaskEvent, Token
from assistant.task_events import Progress as ProgressEvent
from assistant.tasks.recording import close_events
from assistant.tasks.sections import headings, section_markdown


def format_eta(seconds: float | None) -> str:
    """The task's own estimate of the time left, as ``~1:05 left`` (empty when unknown)."""
    if seconds is None:
        return ""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"~{clock} left"


class _Bar:
    """A transient progress bar on stderr; stdout is never redirected into it."""

    def __init__(self, ctx: CliContext) -> None:
        self._console = ctx.err
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self.retired = False  # once the answer streams, the bar is gone for good
        self._shown: tuple[int, int, str] | None = None

    def update(self, event: ProgressEvent) -> None:
        if self.retired:
            return
        if self._bar is None:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TextColumn("{task.fields[eta]}"),
                console=self._console,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._bar.start()
            self._task = self._bar.add_task(event.stage, total=event.total, eta="")
        assert self._task is not None
        self._bar.update(
            self._task,
            completed=event.done,
            total=event.total,
            description=event.stage,
            eta=format_eta(event.eta_s),
        )
        step = (event.done, event.total, event.stage)
        if step != self._shown:  # draw each step at once; repeats (keep-alives) wait
            self._shown = step
            self._bar.refresh()

    def retire(self) -> None:
        self.retired = True
        self.stop()

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def run_events(events: Iterator[TaskEvent], ctx: CliContext, *, stream: bool = True) -> Done:
    """Consume ``events``; Ctrl+C closes the generator (the run is kept as cancelled).

    Long tasks show a progress bar on stderr until the answer starts streaming to stdout; the
    bar is then cleared so the two never mix on a terminal. A long document's sections print as
    they finish (with ``--json``: one JSON line each, ``"event": "section"``); its overview
    follows them under its own heading (the final text puts it on top).
    """
    bar = _Bar(ctx)
    done: Done | None = None
    wrote_newline = True
    sections, overview, language = 0, False, "en"
    try:
        for event in events:
            if isinstance(event, SectionDone):
                bar.retire()
                _print_section(event, sections == 0, ctx, stream)
                sections, language = sections + 1, event.language
            elif isinstance(event, Token) and stream:
                if not bar.retired:
                    bar.retire()
                if sections and not overview:  # the overview comes after the sections
                    sys.stdout.write(headings(language).overview + "\n\n")
                    overview = True
                sys.stdout.write(event.text)
                sys.stdout.flush()
                wrote_newline = event.text.endswith("\n")
            elif isinstance(event, ProgressEvent) and event.stage not in ("reading", "prompt"):
                bar.update(event)
            elif isinstance(event, Status) and ctx.err.is_terminal and not ctx.json:
                ctx.err.print(f"[dim]{event.text}[/dim]")
            elif isinstance(event, Done):
                done = event
    except KeyboardInterrupt:
        close_events(events)
        raise
    finally:
        bar.stop()
    if stream and not wrote_newline:
        sys.stdout.write("\n")
    if done is None:
        raise DeskmateError("the task ended without a result")
    return done


def _print_section(section: SectionDone, first: bool, ctx: CliContext, stream: bool) -> None:
    if stream:
        head = headings(section.language).sections + "\n\n" if first else ""
        sys.stdout.write(f"{head}{section_markdown(section)}\n\n")
    elif ctx.json:
        line = {"event": "section", **dataclasses.asdict(section)}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    sys.stdout.flush()
