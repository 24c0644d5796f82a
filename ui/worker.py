"""Run core generators and blocking calls off the GUI thread.

``TaskRunner`` iterates an ``Iterator[TaskEvent]`` on a daemon worker thread. Events go through a
queue that a GUI-thread timer drains about 30 times a second, so streamed tokens are coalesced
into at most ~30 repaints/s and the GUI thread never waits on the worker. Cancelling sets a flag
the worker checks between two events; it then closes the generator (``gen.close()``) on its own
thread, as the core's contract requires.

A Python daemon thread (not a ``QThread``) is used on purpose: if a run cannot be joined within
the bound at shutdown, the process can still exit without Qt aborting on a running ``QThread``.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.errors import Cancelled, DeskmateError
from assistant.task_events import Done, Progress, SectionDone, Status, TaskEvent, Token

log = logging.getLogger(__name__)

FLUSH_INTERVAL_MS = 33
THREAD_PREFIX = "deskmate-worker"
_live: set[threading.Thread] = set()
_live_lock = threading.Lock()


def live_workers() -> list[threading.Thread]:
    """Worker threads still running (used by tests and by shutdown)."""
    with _live_lock:
        return [t for t in _live if t.is_alive()]


def join_all(timeout_s: float = 3.0, *, skip: tuple[str, ...] = ()) -> bool:
    """Wait (bounded) for every worker thread but those named in ``skip``; ``True`` if all
    those finished."""
    names = {f"{THREAD_PREFIX}-{name}" for name in skip}
    deadline = time.monotonic() + timeout_s
    waited = [t for t in live_workers() if t.name not in names]
    for thread in waited:
        thread.join(max(0.0, deadline - time.monotonic()))
    return not [t for t in live_workers() if t.name not in names]


def _start_thread(target: Callable[[], None], name: str) -> threading.Thread:
    def body() -> None:
        try:
            target()
        finally:
            with _live_lock:
                _live.discard(threading.current_thread())

    thread = threading.Thread(target=body, name=f"{THREAD_PREFIX}-{name}", daemon=True)
    with _live_lock:
        _live.add(thread)
    thread.start()
    return thread


class _Finished:
    """Queue sentinels: how the worker ended."""

    def __init__(self, kind: str, payload: Any = None) -> None:
        self.kind = kind  # "done" | "cancelled" | "error" | "crash" | "result"
        self.payload = payload


_Queue = queue.SimpleQueue[TaskEvent | _Finished]


class _QueueDrainer(QObject):
    """Owns the queue and the GUI-thread timer that drains it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: _Queue = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self._drain)
        self._thread: threading.Thread | None = None

    def is_running(self) -> bool:
        return self._timer.isActive()

    def _begin(self, target: Callable[[_Queue], None], name: str) -> None:
        if self._timer.isActive():
            raise RuntimeError("a run is already in progress")
        out: _Queue = queue.SimpleQueue()
        self._queue = out
        self._timer.start()
        self._thread = _start_thread(lambda: target(out), name)

    def _drain(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def join(self, timeout_s: float) -> bool:
        """Bounded wait for the worker thread (only used at shutdown)."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()


class TaskRunner(_QueueDrainer):
    """Runs one generator at a time; reusable after it finished."""

    token = Signal(str)  # coalesced text since the previous emission
    progress = Signal(int, int, str, float)  # done, total, stage, eta seconds (-1 = unknown)
    status = Signal(str)
    section = Signal(object)  # assistant.task_events.SectionDone: a long summary's finished part
    done = Signal(object)  # assistant.task_events.Done
    error = Signal(object)  # DeskmateError (typed, for the message bar)
    crashed = Signal(str)  # traceback text of an unexpected exception (a bug)
    cancelled = Signal()
    finished = Signal()  # after done / error / crashed / cancelled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def start(self, factory: Callable[[], Iterator[TaskEvent]], name: str = "task") -> None:
        """Call ``factory`` on the worker thread and iterate what it returns."""
        cancel = self._cancel = threading.Event()
        self._begin(lambda out: self._run(factory, cancel, out), name)

    def cancel(self) -> None:
        """Stop now: the GUI gets ``cancelled`` at once; the worker closes the generator at its
        next event and winds down in the background (the core records the run as cancelled)."""
        if not self._timer.isActive():
            return
        self._cancel.set()
        self._timer.stop()
        self._queue = queue.SimpleQueue()  # the worker keeps writing to the old, detached one
        self.cancelled.emit()
        self.finished.emit()

    def _run(
        self, factory: Callable[[], Iterator[TaskEvent]], cancel: threading.Event, out: _Queue
    ) -> None:
        gen: Iterator[TaskEvent] | None = None
        try:
            gen = factory()
            for event in gen:
                out.put(event)
                if cancel.is_set():
                    close = getattr(gen, "close", None)
                    if close is not None:
                        close()
                    out.put(_Finished("cancelled"))
                    return
            out.put(_Finished("cancelled" if cancel.is_set() else "done"))
        except Cancelled:
            out.put(_Finished("cancelled"))
        except DeskmateError as exc:
            log.info("task failed: %s", exc.user_text())
            out.put(_Finished("error", exc))
        except BaseException:
            text = traceback.format_exc()
            log.error("unexpected error in worker:\n%s", text)
            out.put(_Finished("crash", text))

    def _drain(self) -> None:
        pending: list[str] = []
        last_progress: Progress | None = None
        finished: _Finished | None = None
        while finished is None:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, Token):
                pending.append(item.text)
            elif isinstance(item, Progress):
                last_progress = item
            elif isinstance(item, Status):
                self.status.emit(item.text)
            elif isinstance(item, SectionDone):
                if pending:  # keep the order the task gave
                    self.token.emit("".join(pending))
                    pending = []
                self.section.emit(item)
            elif isinstance(item, Done):
                if pending:
                    self.token.emit("".join(pending))
                    pending = []
                self.done.emit(item)
            elif isinstance(item, _Finished):
                finished = item
        if pending:
            self.token.emit("".join(pending))
        if last_progress is not None:
            p = last_progress
            eta = -1.0 if p.eta_s is None else float(p.eta_s)
            self.progress.emit(p.done, p.total, p.stage, eta)
        if finished is not None:
            self._timer.stop()
            if finished.kind == "cancelled":
                self.cancelled.emit()
            elif finished.kind == "error":
                self.error.emit(finished.payload)
            elif finished.kind == "crash":
                self.crashed.emit(finished.payload)
            self.finished.emit()


class CallRunner(_QueueDrainer):
    """Runs one blocking function (a store query, the model status) on a worker thread."""

    result = Signal(object)
    error = Signal(object)  # DeskmateError
    crashed = Signal(str)
    finished = Signal()

    def start(self, fn: Callable[[], object], name: str = "call") -> None:
        self._begin(lambda out: self._run(fn, out), name)

    def _run(self, fn: Callable[[], object], out: _Queue) -> None:
        try:
            out.put(_Finished("result", fn()))
        except DeskmateError as exc:
            out.put(_Finished("error", exc))
        except BaseException:
            text = traceback.format_exc()
            log.error("unexpected error in background call:\n%s", text)
            out.put(_Finished("crash", text))

    def _drain(self) -> None:
        try:
            item = self._queue.get_nowait()
        except queue.Empty:
            return
        self._timer.stop()
        assert isinstance(item, _Finished)
        if item.kind == "result":
            self.result.emit(item.payload)
        elif item.kind == "error":
            self.error.emit(item.payload)
        else:
            self.crashed.emit(item.payload)
        self.finished.emit()


def run_in_background(
    parent: QObject,
    fn: Callable[[], object],
    on_result: Callable[[Any], None],
    on_error: Callable[[DeskmateError], None] | None = None,
    name: str = "call",
) -> CallRunner:
    """Fire-and-forget helper: the runner deletes itself once finished."""
    runner = CallRunner(parent)
    runner.result.connect(on_result)
    if on_error is not None:
        runner.error.connect(on_error)
    runner.crashed.connect(_report_crash)
    runner.finished.connect(runner.deleteLater)
    runner.start(fn, name)
    return runner


def _report_crash(text: str) -> None:
    from ui.crash import show_crash

    show_crash(text)
