"""``deskmate``: the headless command line. Exit codes are documented in README "Exit codes".

Start-up matters here (``deskmate quick`` is bound to a key): this module imports almost nothing
at load time, and ``quick``/``gui`` take a fast path (``assistant.cli.quick``) before the full
parser imports every command module.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from assistant.errors import DeskmateError

COMMANDS = (
    "summarize_cmd",
    "translate_cmd",
    "polish_cmd",
    "actions_cmd",
    "reply_cmd",
    "mail_cmd",
    "schedule_cmd",
    "tasks_cmd",
    "plan_cmd",
    "search_cmd",
    "ask_cmd",
    "library_cmd",
    "history_cmd",
    "documents_cmd",
    "export_cmd",
    "models_cmd",
    "settings_cmd",
    "doctor_cmd",
    "gui_cmd",
    "bench_cmd",
    "eval_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    import argparse
    import importlib

    from assistant import __version__

    parser = argparse.ArgumentParser(
        prog="deskmate",
        description="Deskmate: a local-first assistant for documents, mail and calendars.",
    )
    parser.add_argument("--version", action="version", version=f"deskmate {__version__}")
    parser.add_argument(
        "--data-dir",
        help="where Deskmate keeps its data (default: $DESKMATE_DATA_DIR or the "
        "platform's user data folder)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"assistant.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"assistant.cli.{name}":
                raise
            continue
        module.add_parser(sub)
    for command in sub.choices.values():  # `deskmate summarize --json FILE` works too
        if "--json" not in command._option_string_actions:
            command.add_argument(
                "--json", action="store_true", default=argparse.SUPPRESS, help="JSON output"
            )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    from assistant.cli.quick import fast_command, quick_over_socket

    fast = fast_command(arguments)
    if fast is not None and fast.command == "quick" and quick_over_socket(fast.data_dir):
        return 0  # the running app opens its popup; else the full path starts the app
    if fast is not None and fast.command == "gui":
        return _guarded(fast.json, lambda: _open_gui(fast.data_dir))
    args = build_parser().parse_args(arguments)
    return _guarded(args.json, lambda: _run_command(args))


def _open_gui(data_dir: str | None) -> int:
    from assistant.cli.gui_cmd import open_gui
    from assistant.data_move import data_dir_at_start

    return open_gui(data_dir_at_start(data_dir))


def _run_command(args: argparse.Namespace) -> int:
    from assistant.cli.context import CliContext
    from assistant.data_move import data_dir_at_start

    ctx = CliContext(data_dir=data_dir_at_start(args.data_dir), json=args.json)
    try:
        code: int = args.func(args, ctx)
        return code
    finally:
        ctx.close()


def _guarded(json_output: bool, run: Callable[[], int]) -> int:
    """Run a command: a ``DeskmateError`` becomes one line (or JSON) and its exit code."""
    from assistant.cli import interrupts
    from assistant.errors import DeskmateError

    try:
        with interrupts.delivered():
            code = run()
            cancelled = interrupts.received()  # ended before the interrupt could stop it
    except DeskmateError as exc:
        return _report(exc, json_output)
    except KeyboardInterrupt:
        print("deskmate: cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    if cancelled:
        print("deskmate: cancelled", file=sys.stderr)
        return 130
    return code


def _report(exc: DeskmateError, json_output: bool) -> int:
    """One line on stderr, or a JSON object on stdout, and the error's exit code."""
    if json_output:
        import json

        payload = {"error": {"code": exc.code, "message": exc.message, "hint": exc.hint}}
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(f"deskmate: error: {exc.user_text()}", file=sys.stderr)
    return exc.exit_code


def entry() -> None:
    code = main()
    if code == 130:  # cancelled: all is saved and closed; skip the slow interpreter teardown
        import logging
        import os

        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    entry()
