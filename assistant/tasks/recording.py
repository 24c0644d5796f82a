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
    A run that fails with a typed error keeps them the same way.
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
        store.finish_run(run_id, status="cancelled", **_kept("".join(streamed), sections))
        raise
    except DeskmateError as exc:  # a long summary's finished sections are kept (it resumes)
        kept = _kept("".join(streamed), sections)
        store.finish_run(run_id, status="failed", error=exc.user_text(), **kept)
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


def _kept(streamed: str, sections: dict[int, SectionDone]) -> dict[str, Any]:
    """A stopped run's output and data: what streamed, and the finished sections if any."""
    kept = list(sections.values())
    return {
        "output": summary_markdown(streamed, kept),
        "data": resume_data(kept) if kept else None,
    }
