"""``deskmate gui`` opens the window; ``deskmate quick`` opens the running app's quick prompt.

Both usually take the fast path in ``assistant.cli.main`` (``assistant.cli.quick``); these
``run_*`` functions serve the full parser (and ``quick`` when no app is running: it starts one).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the desktop app")
    p.set_defaults(func=run_gui)
    q = sub.add_parser("quick", help="open the quick-prompt popup (bind this to a key on Wayland)")
    q.set_defaults(func=run_quick)


def run_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    return open_gui(ctx.data_dir)


def open_gui(data_dir: Path) -> int:
    """Run the desktop app on ``data_dir`` and leave the process with its exit code."""
    import importlib

    preload_core()
    app = importlib.import_module("ui.app")  # the core never imports Qt at module level
    code: int = app.main(["--data-dir", str(data_dir)])
    exit_now(code)
    return code  # pragma: no cover - exit_now does not return


def preload_core() -> None:
    """Import what the window needs from the core before Qt: once PySide6 is imported, its
    import hook reads the source of every module imported after it (PYSIDE-2029), which makes
    the store's imports (sqlite-utils, numpy) ~25 % slower."""
    import importlib

    for name in ("assistant.core", "assistant.store", "assistant.models.registry"):
        importlib.import_module(name)


def exit_now(code: int) -> None:
    """Leave without the interpreter's teardown: the app has closed its store and flushed its
    logs, and a model may still be loading on a daemon thread (quitting does not wait for it)."""
    import logging
    import os
    import sys

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run_quick(args: argparse.Namespace, ctx: CliContext) -> int:
    import importlib

    app = importlib.import_module("ui.app")
    code: int = app.open_quick_popup(str(ctx.data_dir))
    return code
