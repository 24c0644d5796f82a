"""Section summaries sent to a remote server a few at a time, handed back in document order.

A server (vLLM, llama.cpp's server, Ollama) can work on several requests at once; the local
model cannot (one thread owns it), so only the remote engine comes here. ``slots`` worker
threads take the sections in document order; the calling generator hands back each finished
section once all earlier ones are out, and a tick (``None``) every ~100 ms meanwhile, so its
consumer can show progress and cancel at any time.

Closing the generator (cancel) stops every worker and shuts its HTTP stream down
(``StreamAborter``), and returns only when no worker is left. A section whose request fails is
tried once more; when it fails again no new section is started, the ones under way finish, the
finished ones are handed back (in document order, around the gap) and ``SectionFailed`` is
raised.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.errors import RemoteServerError, SectionFailed
from assistant.llm.stream_abort import AbortableEngine, StreamAborter
from assistant.tasks.sections import chunk_where

if TYPE_CHECKING:
    from assistant.documents import Chunk
    from assistant.llm.engine import LLMEngine
    from assistant.llm.openai_backend import OpenAIEngine
    from assistant.task_events import TaskEvent

SummarizeOne = Callable[["LLMEngine", "Chunk"], Generator["TaskEvent", None, str]]
TICK_S = 0.1  # how long the caller waits for a result before it yields a tick
ATTEMPTS = 2  # a failed section is tried once more


class _Stopped(Exception):
    """The run was cancelled or another section failed: this worker leaves quietly."""


@dataclass(frozen=True, slots=True)
class _Result:
    chunk: Chunk | None  # None: the worker has exited
    text: str = ""
    error: BaseException | None = None


class _Pool:
    """The workers' shared state: sections to do, results, and the stop switches."""

    def __init__(self, engine: OpenAIEngine, chunks: Iterable[Chunk], one: SummarizeOne) -> None:
        self.aborter = StreamAborter()
        self.engine = AbortableEngine(engine, self.aborter)
        self.one = one
        self.todo: queue.SimpleQueue[Chunk] = queue.SimpleQueue()
        for chunk in chunks:
            self.todo.put(chunk)
        self.results: queue.SimpleQueue[_Result] = queue.SimpleQueue()
        self.cancelled = threading.Event()  # stop everything now
        self.draining = threading.Event()  # start nothing new, finish what is under way

    def work(self) -> None:
        try:
            while not (self.cancelled.is_set() or self.draining.is_set()):
                try:
                    chunk = self.todo.get_nowait()
                except queue.Empty:
                    return
                result = self._attempt(chunk)
                if result.error is not None:
                    self.draining.set()  # before this worker could take another section
                self.results.put(result)
        except _Stopped:
            return
        finally:
            self.results.put(_Result(None))

    def _attempt(self, chunk: Chunk) -> _Result:
        attempt = 1
        while True:
            try:
                return _Result(chunk, self._drain(self.one(self.engine, chunk)))
            except _Stopped:
                raise
            except RemoteServerError as exc:
                if self.cancelled.is_set():
                    raise _Stopped from exc
                if attempt == ATTEMPTS:
                    return _Result(chunk, error=exc)
                attempt += 1
            except Exception as exc:  # not the server's: the caller raises it as it is
                return _Result(chunk, error=exc)

    def _drain(self, events: Generator[TaskEvent, None, str]) -> str:
        """Run one section's generator to its answer, checking for a cancel between events."""
        try:
            while True:
                if self.cancelled.is_set():
                    raise _Stopped
                next(events)
        except StopIteration as end:
            return str(end.value)
        finally:
            events.close()  # on a cancel: closes the HTTP stream (the aborter already shut it)


def concurrent_sections(
    engine: OpenAIEngine,
    chunks: Sequence[Chunk],
    one: SummarizeOne,
    *,
    known: dict[int, str],
    slots: int,
    on_finish: Callable[[Chunk, str], None],
) -> Generator[tuple[Chunk, str] | None, None, None]:
    """Summarize the ``chunks`` whose index ``known`` lacks with ``one`` on ``slots`` threads;
    yield every ``(chunk, summary)`` in document order (the known ones too), ``None`` while
    waiting. ``on_finish`` runs on the caller's thread as soon as a section is done, in
    whatever order, so it can be saved before it is shown."""
    total = len(chunks)
    todo = [chunk for chunk in chunks if chunk.index not in known]
    pool = _Pool(engine, todo, one)
    workers = [
        threading.Thread(target=pool.work, name=f"deskmate-remote-section-{i}", daemon=True)
        for i in range(max(1, min(slots, len(todo))))
    ]
    order = [chunk.index for chunk in chunks]
    ready = {c.index: (c, known[c.index]) for c in chunks if c.index in known}
    failed: _Result | None = None
    live = len(workers)
    try:
        for worker in workers:
            worker.start()
        while order and order[0] in ready:  # resumed ones come first when they lead
            yield ready.pop(order.pop(0))
        while live:
            try:
                result = pool.results.get(timeout=TICK_S)
            except queue.Empty:
                yield None
                continue
            if result.chunk is None:
                live -= 1
            elif result.error is not None:
                failed = failed or result
                pool.draining.set()
            else:
                on_finish(result.chunk, result.text)
                ready[result.chunk.index] = (result.chunk, result.text)
            while order and order[0] in ready:  # the next ones in document order
                yield ready.pop(order.pop(0))
        for index in sorted(ready):  # after a failure: the finished ones around the gap
            yield ready[index]
    finally:
        pool.cancelled.set()
        pool.aborter.abort()
        for worker in workers:
            worker.join()
    if failed is not None and failed.chunk is not None:
        if isinstance(failed.error, RemoteServerError):
            raise _section_failed(failed.chunk, total, failed.error)
        raise failed.error or AssertionError("a failed section without its error")


def _section_failed(chunk: Chunk, total: int, error: RemoteServerError) -> SectionFailed:
    where = chunk_where(chunk, total)
    hint = "the finished sections are kept: summarize the same document again to resume"
    return SectionFailed(
        f"the server failed twice on the section at {where}: {error.message}",
        hint=f"{error.hint}; {hint}" if error.hint else hint,
    )
