"""Small builders for test inputs (real files, made on the fly)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any


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


def run_cli_stdin(data_dir: Path, *argv: str, stdin: str = "", monkeypatch: Any) -> tuple[int, str]:
    """``run_cli`` with ``stdin`` as what the command reads from standard input."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run_cli(data_dir, *argv)
