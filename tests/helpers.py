"""Small builders for test inputs (real files, made on the fly)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A real PDF with one page per string (fpdf2, core Helvetica font)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(auto=False)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        # The core fonts are Latin-1 only: typographic dashes and quotes become "?".
        pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    pdf.output(str(path))
    return path


def deskmate(
    data_dir: Path, *args: str, stdin: str | None = None, timeout: float = 240
) -> subprocess.CompletedProcess[str]:
    """Run the real ``deskmate`` CLI in a subprocess on ``data_dir`` (no network, no hub)."""
    env = {**os.environ, "DESKMATE_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli.main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        check=False,
    )


def max_thread_stall_ms(work: Callable[[], object], beat_s: float = 0.005) -> float:
    """Run ``work`` on a thread while this thread ticks every ``beat_s`` until it is done: how
    late (ms) was the latest tick? Catches code that keeps the GIL from other threads (a
    window's event loop). An exception from ``work`` is raised here."""
    finished = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # handed to the caller below
            errors.append(exc)
        finally:
            finished.set()

    late: list[float] = []
    worker = threading.Thread(target=run, name="stall-probe-work")
    last, due_ms = time.perf_counter(), 0.0
    worker.start()
    while True:
        now = time.perf_counter()  # if the worker kept the GIL, this comes late
        late.append((now - last) * 1000 - due_ms)
        if finished.is_set():
            break
        last, due_ms = now, beat_s * 1000
        finished.wait(beat_s)  # one tick, or sooner when the work is done
    worker.join()
    if errors:
        raise errors[0]
    return max(late)


def run_cli(data_dir: Path, *argv: str) -> tuple[int, str]:
    """Run one ``deskmate`` command in this process: (exit code, what it printed)."""
    import io

    from rich.console import Console

    from assistant.cli.context import CliContext
    from assistant.cli.main import build_parser

    out = io.StringIO()
    ctx = CliContext(
        data_dir=data_dir, out=Console(file=out, width=200), err=Console(file=out, width=200)
    )
    try:
        args = build_parser().parse_args(list(argv))
        ctx.json = args.json
        return args.func(args, ctx), out.getvalue()
    finally:
        ctx.close()
