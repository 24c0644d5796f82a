"""The map step of a long summary: every section summarized, shown in document order.

The local model does one section after another (one thread owns it). A remote server gets up
to ``remote_concurrency`` sections at once (``remote_sections.py``). Either way each summary is
saved as a partial result the moment it is done (a stopped run resumes from there) and shown
as a ``SectionDone`` once all the sections before it are shown.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.task_events import Progress, SectionDone, TaskEvent
from assistant.tasks.sections import section_event

if TYPE_CHECKING:
    from assistant.documents import Chunk
    from assistant.host import TaskHost
    from assistant.llm.engine import LLMEngine
    from assistant.llm.openai_backend import OpenAIEngine

# One section's summary: (engine, chunk, the progress to repeat while it runs) -> its text.
SummarizeSection = Callable[["LLMEngine", "Chunk", Progress], Generator[TaskEvent, None, str]]


@dataclass
class _Tally:
    """Progress and its estimate of the time left, from the sections summarized so far."""

    total: int
    fresh: int = 0  # sections summarized in this run (not resumed)
    started: float = field(default_factory=time.monotonic)

    def progress(self, shown: int) -> Progress:
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.fresh * (self.total - shown) if self.fresh else None
        return Progress(shown, self.total + 1, "summarizing sections", eta)


def remote_engine(engine: LLMEngine) -> OpenAIEngine | None:
    """The engine if it is a remote server (which may take several requests at once)."""
    from assistant.llm.openai_backend import OpenAIEngine

    return engine if isinstance(engine, OpenAIEngine) else None


def map_sections(
    core: TaskHost,
    engine: LLMEngine,
    chunks: list[Chunk],
    *,
    key: str,
    language: str,
    one: SummarizeSection,
) -> Generator[TaskEvent, None, tuple[list[SectionDone], int]]:
    """Summarize every chunk not saved under ``key``; yield them as ``SectionDone`` in document
    order. Returns the sections and how many of them were summarized in this run."""
    total = len(chunks)
    summaries = core.store.load_partials(key)
    tally = _Tally(total)
    finished: list[SectionDone] = []

    def save(chunk: Chunk, text: str) -> None:
        summaries[chunk.index] = text
        core.store.save_partial(key, chunk.index, text)
        tally.fresh += 1

    remote = remote_engine(engine)
    if remote is not None:
        from assistant.tasks.remote_sections import concurrent_sections

        results = concurrent_sections(
            remote,
            chunks,
            lambda eng, chunk: one(eng, chunk, tally.progress(0)),
            known=dict(summaries),
            slots=core.settings.get_int("remote_concurrency"),
            on_finish=save,
        )
        with contextlib.closing(results):  # a cancel stops the server's requests at once
            for item in results:
                if item is None:
                    yield tally.progress(len(finished))
                else:
                    finished.append(section_event(item[0], total, item[1], language))
                    yield finished[-1]
        return finished, tally.fresh
    for chunk in chunks:
        progress = tally.progress(len(finished))
        yield progress
        if chunk.index not in summaries:
            save(chunk, (yield from one(engine, chunk, progress)))
        finished.append(section_event(chunk, total, summaries[chunk.index], language))
        yield finished[-1]
    return finished, tally.fresh
