"""Record a task's run in the store whatever way it ends: done, cancelled or failed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from assistant.errors import Cancelled, DeskmateError
from assistant.task_events import Done, SectionDone, TaskEvent, Token
from assistant.tasks.sections import resume_data, summary_markdown

if TYPE_CHECKING:
    from assistant.store import Store


def close_events(events: Iterator[TaskEvent]) -> None:
    """Close a task's generator (any iterator with ``close``): this is how runs are cancelled."""
    close = getattr(events, "close", None)
    if close is not None:
        close()


def recorded(
    store: Store,
    task: str,
    body: Callable[[], Iterator[TaskEvent]],
    **run_fields: Any,
) -> Iterator[TaskEvent]:
    """Start a run, pass ``body()``'s events through, and finish the run (the final ``Done``
    gets the run's id; ``body`` is called once the run is started).

    Closing this generator closes ``body`` too (cancellation between two events); the run is
    then stored as cancelled with the output streamed so far, so nothing shown is lost: the
    finished sections of a long document too, with data saying how many (the task resumes).
    """
    run_id = store.start_run(task, **run_fields)
    streamed: list[str] = []
    sections: dict[int, SectionDone] = {}  # by index: a second pass replaces the first
    final: Done | None = None
    try:
        events = body()
        try:
            for event in events:
                if isinstance(event, Token):
                    streamed.append(event.text)
                elif isinstance(event, SectionDone):
                    sections[event.index] = event
                elif isinstance(event, Done):
                    final = dataclasses.replace(event, run_id=run_id)
                    event = final
                yield event
        finally:
            close_events(events)
    except (GeneratorExit, Cancelled, KeyboardInterrupt):
        kept = list(sections.values())
        output = summary_markdown("".join(streamed), kept)
        data = resume_data(kept) if kept else None
        store.finish_run(run_id, status="cancelled", output=output, data=data)
        raise
    except DeskmateError as exc:
        store.finish_run(run_id, status="failed", output="".join(streamed), error=exc.user_text())
        raise
    except BaseException as exc:
        store.finish_run(
            run_id, status="failed", output="".join(streamed), error=f"{type(exc).__name__}: {exc}"
        )
        raise
    if final is None:
        store.finish_run(run_id, status="done", output="".join(streamed))
    else:
        store.finish_run(run_id, status="done", output=final.text, data=final.data)
