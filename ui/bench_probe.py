"""Qt figures for ``deskmate bench`` (the core never imports Qt, so it runs this as a subprocess).

    python -m ui.bench_probe stall --data-dir D --model-path M --what load|generate|embed|pdf ...
    python -m ui.bench_probe startup --data-dir D --t0 <time.time() before the process started>
    python -m ui.bench_probe quick --data-dir D --runs 5

Each prints one JSON object on its last stdout line. ``stall`` drives the real app objects (the
quick popup streaming an answer, the worker helpers) while a 5 ms heartbeat ``QTimer`` records
how late each tick is. ``startup`` and ``quick`` run the real ``deskmate gui`` entry point
in this process and note when the main window / the quick popup is on screen.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HEARTBEAT_MS = 5
# llama-cpp-python silences a model load by pointing fds 1 and 2 at /dev/null for the whole
# process; the app loads its model in the background, so the result goes to a copy of fd 1.
_RESULT_FD = os.dup(1)


def _emit(data: dict[str, Any]) -> None:
    sys.stdout.flush()
    payload = (json.dumps(data) + "\n").encode()
    while payload:
        payload = payload[os.write(_RESULT_FD, payload) :]


# --- event-loop stall ------------------------------------------------------------------------
class Heartbeat:
    """A 5 ms precise timer; ``late_ms`` holds how much later than due each tick came."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.late_ms: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late_ms.append(max(0.0, (now - self._last) * 1000 - HEARTBEAT_MS))
        self._last = now

    def stats(self) -> dict[str, float]:
        if not self.late_ms:
            return {"max_ms": 0.0, "p99_ms": 0.0, "ticks": 0}
        ordered = sorted(self.late_ms)
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
        return {"max_ms": ordered[-1], "p99_ms": p99, "ticks": len(ordered)}


def _wait(signal: Any, timeout_s: float) -> bool:
    """Run the event loop until ``signal`` fires (or the timeout); ``True`` if it fired."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []

    def fire(*_: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(fire)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    return bool(fired)


def _core(args: argparse.Namespace) -> Any:
    from assistant.core import Core

    core = Core(Path(args.data_dir), model_path=Path(args.model_path))
    core.settings.set("n_ctx", args.n_ctx)
    core.settings.set("n_threads", args.threads)
    core.settings.set("temperature", 0.0)
    core.settings.set("max_output_tokens", max(16, args.max_tokens))
    return core


def _in_background(parent: Any, fn: Callable[[], object], timeout_s: float) -> bool:
    from ui import worker

    runner = worker.CallRunner(parent)
    runner.start(fn, "bench")
    return _wait(runner.finished, timeout_s)


def stall(args: argparse.Namespace) -> dict[str, Any]:
    from ui.app import DeskmateApp, _qapp

    app = _qapp([])
    core = _core(args)
    desk = DeskmateApp(core, tray=False, hotkey=False)
    desk.window.autoload_model = False
    desk.window.show()
    app.processEvents()
    beat = Heartbeat()
    ok = True
    if args.what == "load":  # the first start: window shown, then model + language detector
        from assistant.lang import use_detector_process

        use_detector_process()  # as `deskmate gui` does
        beat.start()
        desk.window.load_model_status()
        ok = _wait(desk.window.model_status_changed, args.timeout)
        extra: dict[str, Any] = {"status": desk.window.model_status}
    elif args.what == "generate":
        popup = desk.popup
        popup.popup("Say hello.")
        popup.run()  # warm: the model loads (not measured)
        _wait(popup.runner.finished, args.timeout)
        popup.popup("Write a long story about a lighthouse keeper who finds an old map.")
        beat.start()
        popup.run()
        ok = _wait(popup.runner.finished, args.timeout)
        extra = {"answer_chars": len(popup.answer_text)}
    elif args.what == "embed":
        from assistant.bench.corpus import prose
        from assistant.documents import document_from_text

        _in_background(desk.window, lambda: core.embedder().encode(["warm up"]), args.timeout)
        doc = document_from_text(prose(args.chunks * 110, seed=11), title="bench embed")
        beat.start()
        ok = _in_background(
            desk.window, lambda: (core.remember_document(doc), core.indexer.drain()), args.timeout
        )
        extra = {"vectors": core.store.vector_count()}
    else:
        from assistant.documents import load_document

        path = Path(args.pdf)
        limit = core.settings.get_int("max_file_mb") * 1024 * 1024

        def load() -> object:
            return core.remember_document(load_document(path, max_bytes=limit))

        beat.start()
        ok = _in_background(desk.window, load, args.timeout)
        extra = {"documents": len(core.store.list_documents())}
    beat.stop()
    desk.shutdown()
    core.close()
    from assistant.lang import stop_detector_process

    stop_detector_process()
    return {"what": args.what, "finished": ok, **beat.stats(), **extra}


# --- start-up and quick popup ----------------------------------------------------------------
def _run_app(data_dir: str, on_shown: Callable[[Any], None]) -> None:
    """Run ``deskmate gui`` (the real CLI entry) and call ``on_shown(window)`` on the first
    event-loop turn after the main window is shown."""
    from assistant.cli.gui_cmd import preload_core

    preload_core()  # what `deskmate gui` imports before Qt (this probe imports Qt first)
    from PySide6.QtCore import QTimer

    from ui.main_window import MainWindow

    original = MainWindow.showEvent
    seen: list[bool] = []

    def show_event(self: MainWindow, event: Any) -> None:
        original(self, event)
        if not seen:
            seen.append(True)
            QTimer.singleShot(0, lambda: on_shown(self))

    MainWindow.showEvent = show_event  # type: ignore[method-assign]
    from assistant.cli.main import main

    main(["--data-dir", data_dir, "gui"])


def startup(args: argparse.Namespace) -> None:
    def shown(_window: Any) -> None:
        _emit({"startup_s": time.time() - args.t0})
        os._exit(0)  # the model is loading in the background: no need to wait for it

    _run_app(args.data_dir, shown)


def _quick_command(data_dir: str) -> list[str]:
    script = Path(sys.executable).with_name("deskmate")
    head = [str(script)] if script.is_file() else [sys.executable, "-m", "assistant.cli.main"]
    return [*head, "--data-dir", data_dir, "quick"]


def quick(args: argparse.Namespace) -> None:
    from PySide6.QtCore import QTimer

    from ui.quick_popup import QuickPopup

    shown_at: list[float] = []
    original = QuickPopup.showEvent

    def show_event(self: QuickPopup, event: Any) -> None:
        original(self, event)
        QTimer.singleShot(0, lambda: shown_at.append(time.time()))

    QuickPopup.showEvent = show_event  # type: ignore[method-assign,assignment]
    result: dict[str, Any] = {"hotkey_ms": [], "command_ms": []}

    def measure(window: Any) -> None:
        popup = _find_popup()
        for _ in range(args.runs):  # in-process: what the global hotkey does
            start = time.time()
            popup.popup("hello")
            _until(_seen_after(shown_at, start), 10.0)
            result["hotkey_ms"].append((shown_at[-1] - start) * 1000)
            popup.close()
            print(f"hotkey: {result['hotkey_ms'][-1]:.1f} ms", file=sys.stderr, flush=True)
        for _ in range(args.runs):  # `deskmate quick`: a new process asks the running app
            start = time.time()
            proc = subprocess.Popen(
                _quick_command(args.data_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            fired = _until(_seen_after(shown_at, start), 30.0)
            if not _until(_exited(proc), 30.0):
                proc.kill()  # it did not reach this app and opened its own: stop it
                proc.wait(10)
            if fired:
                result["command_ms"].append((shown_at[-1] - start) * 1000)
            print(f"command: fired={fired} exit={proc.returncode}", file=sys.stderr, flush=True)
            popup.close()
        _emit(result)
        os._exit(0)

    _run_app(args.data_dir, measure)


def _seen_after(shown_at: list[float], start: float) -> Callable[[], bool]:
    return lambda: bool(shown_at) and shown_at[-1] >= start


def _exited(proc: subprocess.Popen[bytes]) -> Callable[[], bool]:
    return lambda: proc.poll() is not None


def _find_popup() -> Any:
    from PySide6.QtWidgets import QApplication

    from ui.quick_popup import QuickPopup

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QuickPopup))


def _until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Process events until ``condition()`` holds (bounded); no fixed sleeps. Blocks between
    events (a 2 ms timer wakes it up to check): a spinning probe would take a CPU core from
    the process it measures."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    tick = QTimer()
    tick.setInterval(2)
    tick.start()
    try:
        while not condition():
            if time.monotonic() > deadline:
                return False
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()
    return True


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ui.bench_probe")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("stall")
    s.add_argument("--data-dir", required=True)
    s.add_argument("--model-path", required=True)
    s.add_argument("--what", choices=("load", "generate", "embed", "pdf"), required=True)
    s.add_argument("--pdf", default="")
    s.add_argument("--chunks", type=int, default=2000)
    s.add_argument("--max-tokens", type=int, default=64)
    s.add_argument("--n-ctx", type=int, default=2048)
    s.add_argument("--threads", type=int, default=2)
    s.add_argument("--timeout", type=float, default=300.0)
    st = sub.add_parser("startup")
    st.add_argument("--data-dir", required=True)
    st.add_argument("--t0", type=float, required=True)
    q = sub.add_parser("quick")
    q.add_argument("--data-dir", required=True)
    q.add_argument("--runs", type=int, default=3)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "stall":
        _emit(stall(args))
    elif args.command == "startup":
        startup(args)
    else:
        quick(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
