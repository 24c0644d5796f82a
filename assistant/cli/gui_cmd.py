"""``deskmate gui`` opens the window; ``deskmate quick`` opens the running app's quick prompt."""

from __future__ import annotations

import argparse
from typing import Any

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the desktop app")
    p.set_defaults(func=run_gui)
    q = sub.add_parser("quick", help="open the quick-prompt popup (bind this to a key on Wayland)")
    q.set_defaults(func=run_quick)


def run_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    import importlib

    app = importlib.import_module("ui.app")  # the core never imports Qt at module level
    code: int = app.main(["--data-dir", str(ctx.data_dir)])
    exit_now(code)
    return code  # pragma: no cover - exit_now does not return


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
    code: int = app.send_quick(str(ctx.data_dir))
    return code
