"""UI fixtures: leak checks (threads, top-level widgets), the real core, a scripted stand-in."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.task_events import Done, Progress, Status, TaskEvent, Token


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # the offscreen platform warns it cannot raise, grab the keyboard or propagate size hints
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture(autouse=True)
def _no_leaks(qapp: Any) -> Iterator[None]:
    """Fail a test that leaves worker threads running or top-level widgets alive (napari-style)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ui import crash, worker

    crash.set_dialogs_enabled(False)
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked_threads = [] if worker.join_all(10.0) else worker.live_workers()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if id(w) not in before and w.objectName() != "" and not w.isHidden()
    ]
    crash.set_dialogs_enabled(True)
    assert not leaked_threads, f"worker threads leaked: {leaked_threads}"
    assert not leaked, f"top-level widgets leaked: {[w.objectName() for w in leaked]}"


class _Gate:
    """Pacing for the stand-in's simulated work (not a test synchronisation)."""

    def __init__(self) -> None:
        self._never = threading.Event()

    def pause(self, seconds: float) -> None:
        self._never.wait(seconds)


class ScriptedCore:
    """A stand-in for ``assistant.core.Core`` for widget tests only: real settings and store,
    scripted task output (no model). End-to-end tests use the real Core and model."""

    def __init__(self, data_dir: Path, *, tokens: int = 20, pause_s: float = 0.01) -> None:
        from assistant.settings import Settings
        from assistant.store import Store

        self.data_dir = data_dir
        self.store = Store(data_dir)
        self.settings = Settings(self.store)
        self.tokens, self.pause_s = tokens, pause_s
        self.calls: list[tuple[str, Any]] = []
        self._gate = _Gate()
        self.closed = False

    def model_status(self) -> Any:
        from assistant.llm.params import DeviceInfo, ModelStatus

        return ModelStatus("scripted stand-in", DeviceInfo(False, 0, ""))

    def warm_up(self) -> Any:
        self.calls.append(("warm_up", None))
        return self.model_status()

    @property
    def model_file(self) -> Path | None:
        return None

    def reset_engine(self) -> None:
        self.calls.append(("reset_engine", None))

    def _script(self, task: str, source: Any) -> Iterator[TaskEvent]:
        self.calls.append((task, source))
        run_id = self.store.start_run(task, input_text=str(source))
        out: list[str] = []
        status = "cancelled"
        try:
            yield Status(f"{task} started")
            for i in range(self.tokens):
                self._gate.pause(self.pause_s)
                yield Progress(i + 1, self.tokens, "writing", (self.tokens - i) * self.pause_s)
                piece = f"word{i} "
                out.append(piece)
                yield Token(piece)
            status = "done"
            yield Done("".join(out), run_id=run_id)
        finally:
            self.store.finish_run(run_id, status=status, output="".join(out))

    def summarize(
        self, source: Any, *, language: Any = None, length: Any = None
    ) -> Iterator[TaskEvent]:
        return self._script("summarize", source)

    def reply(self, source: Any, intent: str, tone: str) -> Iterator[TaskEvent]:
        return self._script("reply", source)

    def schedule(self, source: Any) -> Iterator[TaskEvent]:
        return self._script("schedule", source)

    def translate(self, source: Any, target: str = "") -> Iterator[TaskEvent]:
        return self._script("translate", source)

    def polish(self, source: Any, mode: str = "fix") -> Iterator[TaskEvent]:
        return self._script("polish", source)

    def chat_reply(self, text: str, intent: str = "", tone: str = "") -> Iterator[TaskEvent]:
        return self._script("chat_reply", text)

    def run_action(self, name: str, text: str) -> Iterator[TaskEvent]:
        return self._script(f"action:{name}", text)

    def ask(self, prompt: str) -> Iterator[TaskEvent]:
        return self._script("ask", prompt)

    def accept_suggestions(self, planned: list[Any], numbers: Any = None) -> list[Any]:
        from assistant.tasks.schedule import accept_suggestions

        return accept_suggestions(self, planned, numbers)  # type: ignore[arg-type]

    def search(self, query: str, limit: int = 20) -> list[Any]:
        """The core's search, full-text only (no embedding model in widget tests)."""
        from assistant.search import search

        return search(self, query, limit, semantic=False)  # type: ignore[arg-type]

    def close(self) -> None:
        self.closed = True
        self.store.close()


@pytest.fixture
def scripted_core(data_dir: Path) -> Iterator[ScriptedCore]:
    core = ScriptedCore(data_dir)
    yield core
    core.close()


@pytest.fixture
def real_core(data_dir: Path, fast_model_path: Path) -> Iterator[Any]:
    """The real Core with the bundled 0.5B model and short outputs."""
    from assistant.core import Core

    core = Core(data_dir, model_path=fast_model_path)
    core.settings.set("n_ctx", 2048)
    core.settings.set("max_output_tokens", 32)
    # one llama.cpp thread: on a busy 2-core machine two spinning threads are several times
    # slower than one, and the GUI thread keeps a core (as in the event-loop stall test)
    core.settings.set("n_threads", 1)
    yield core
    core.close()


@pytest.fixture
def xvfb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private X server; its DISPLAY is set for this test."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"{missing}: run packaging/linux/install-sysdeps.sh (as root)"
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with open(read, encoding="ascii") as numbers:
        number = numbers.readline().strip()  # Xvfb writes it once it accepts clients
    display = f":{number}"
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    yield display
    server.terminate()
    server.wait(10)
