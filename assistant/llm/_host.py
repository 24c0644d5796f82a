"""A "model host": one dedicated thread owns a resource and runs every job on it, in order.

Jobs are functions ``fn(resource, job)``; they report through ``job.emit(event)`` and must check
``job.cancelled`` often. ``stream()`` turns a job into a generator for the consumer: closing the
generator cancels the job and waits (briefly) until the host has really stopped working on it.
Errors raised in a job are re-raised in the consumer; the host thread keeps running.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from assistant.errors import EnvironmentProblem

log = logging.getLogger(__name__)

R = TypeVar("R")  # the resource owned by the host thread (the loaded model)
T = TypeVar("T")

_END = object()


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class Job:
    """One unit of work: its event queue and its cancel flag."""

    def __init__(self, fn: Callable[[Any, Job], Any]) -> None:
        self.fn = fn
        self.events: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._cancel = threading.Event()
        self.finished = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def emit(self, item: object) -> None:
        self.events.put(item)


class ModelHost(Generic[R]):
    """Owns the resource made by ``load`` (called once, lazily, on the host thread)."""

    def __init__(
        self, load: Callable[[], R], unload: Callable[[R], None], *, name: str = "model-host"
    ) -> None:
        self._load = load
        self._unload = unload
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._resource: R | None = None
        self._load_error: BaseException | None = None
        self._crash: BaseException | None = None
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._main, name=name, daemon=True)
        self._thread.start()

    # --- consumer side -----------------------------------------------------------------------
    def submit(self, fn: Callable[[R, Job], Any]) -> Job:
        with self._lock:
            if self._closed:
                raise EnvironmentProblem("the language model was closed")
            self._check_alive()
            job = Job(fn)
            self._jobs.put(job)
            return job

    def call(self, fn: Callable[[R], T]) -> T:
        """Run ``fn(resource)`` on the host thread and return its result."""

        def run(resource: R, job: Job) -> None:
            job.emit(fn(resource))

        job = self.submit(run)
        items = list(self._drain(job))
        return items[0]

    def stream(self, fn: Callable[[R, Job], Any]) -> Iterator[Any]:
        """A generator of what the job emits; closing it cancels the job."""
        job = self.submit(fn)
        try:
            yield from self._drain(job)
        finally:
            if not job.finished.is_set():
                job.cancel()
                # The job checks its flag between tokens; llama.cpp aborts a prompt batch.
                if not job.finished.wait(5.0):
                    log.warning("the model host did not stop the cancelled job within 5 s")

    def close(self, timeout: float = 30.0) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._jobs.put(None)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    # --- internals ---------------------------------------------------------------------------
    def _check_alive(self) -> None:
        if self._crash is not None or not self._thread.is_alive():
            raise EnvironmentProblem(
                f"the language model thread stopped unexpectedly: {self._crash!r}"
            )

    def _drain(self, job: Job) -> Iterator[Any]:
        while True:
            try:
                item = job.events.get(timeout=0.5)
            except queue.Empty:
                self._check_alive()
                continue
            if item is _END:
                return
            if isinstance(item, _Failure):
                raise item.exc
            yield item

    def _resource_or_load(self) -> R:
        if self._load_error is not None:
            raise self._load_error
        if self._resource is None:
            try:
                self._resource = self._load()
            except BaseException as exc:
                self._load_error = exc
                raise
        return self._resource

    def _main(self) -> None:
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    break
                try:
                    if not job.cancelled:
                        job.fn(self._resource_or_load(), job)
                except BaseException as exc:  # re-raised in the consumer
                    job.emit(_Failure(exc))
                finally:
                    job.emit(_END)
                    job.finished.set()
        except BaseException as exc:  # a bug in the host itself: never die silently
            self._crash = exc
            log.exception("the model host thread crashed")
        finally:
            if self._resource is not None:
                resource, self._resource = self._resource, None
                try:
                    self._unload(resource)
                except Exception:
                    log.exception("could not free the model")
