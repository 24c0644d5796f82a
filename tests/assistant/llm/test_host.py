"""The model host thread: lazy single load, error propagation, cancel on close, shutdown."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from assistant.errors import BadModelFile, EnvironmentProblem, UserError
from assistant.llm._host import Job, ModelHost


def _counting_host(loads: list[int]) -> ModelHost[str]:
    def load() -> str:
        loads.append(1)
        return "model"

    return ModelHost(load, lambda r: None)


def test_loads_once_lazily_and_runs_jobs_on_its_own_thread() -> None:
    loads: list[int] = []
    host = _counting_host(loads)
    assert loads == []
    names = [host.call(lambda r: threading.current_thread().name) for _ in range(3)]
    assert loads == [1]
    assert len(set(names)) == 1 and names[0] != threading.current_thread().name
    host.close()


def test_job_errors_are_raised_in_the_consumer_and_the_host_survives() -> None:
    host = _counting_host([])

    def bad(r: str, job: Job) -> None:
        job.emit("first")
        raise UserError("bad input")

    gen = host.stream(bad)
    assert next(gen) == "first"
    with pytest.raises(UserError, match="bad input"):
        next(gen)
    assert host.call(lambda r: r + "!") == "model!"
    host.close()


def test_load_failure_is_raised_for_every_job() -> None:
    def load() -> str:
        raise BadModelFile("broken")

    host: ModelHost[str] = ModelHost(load, lambda r: None)
    for _ in range(2):
        with pytest.raises(BadModelFile):
            host.call(lambda r: r)
    host.close()


def test_closing_the_generator_cancels_the_job_and_waits_for_it() -> None:
    host = _counting_host([])
    stopped = threading.Event()

    def endless(r: str, job: Job) -> None:
        i = 0
        while not job.cancelled:
            job.emit(i)
            i += 1
            threading.Event().wait(0.01)
        stopped.set()

    gen: Iterator[int] = host.stream(endless)
    assert next(gen) == 0
    gen.close()  # type: ignore[attr-defined]
    assert stopped.is_set()  # close() returned only after the job saw the flag
    host.close()


def test_closed_host_refuses_work_and_unloads() -> None:
    unloaded: list[str] = []
    host: ModelHost[str] = ModelHost(lambda: "m", unloaded.append)
    host.call(lambda r: r)
    host.close()
    assert unloaded == ["m"]
    with pytest.raises(EnvironmentProblem):
        host.call(lambda r: r)
