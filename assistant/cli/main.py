"""``deskmate``: the headless command line. Exit codes are documented in README "Exit codes"."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence

from assistant import __version__
from assistant.cli.context import CliContext
from assistant.errors import DeskmateError

COMMANDS = (
    "summarize_cmd",
    "translate_cmd",
    "reply_cmd",
    "schedule_cmd",
    "search_cmd",
    "history_cmd",
    "export_cmd",
    "models_cmd",
    "settings_cmd",
    "doctor_cmd",
    "gui_cmd",
    "bench_cmd",
)


def build_parser() -> argparse.ArgumentParser:
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


def quit_on_sigterm() -> None:
    """Make SIGTERM stop the CLI like Ctrl+C: the run is kept as cancelled, temp files go."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    quit_on_sigterm()
    from assistant.paths import resolve_data_dir

    ctx: CliContext | None = None
    try:
        ctx = CliContext(data_dir=resolve_data_dir(args.data_dir), json=args.json)
        code: int = args.func(args, ctx)
        return code
    except DeskmateError as exc:
        if args.json:
            payload = {"error": {"code": exc.code, "message": exc.message, "hint": exc.hint}}
            print(json.dumps(payload, ensure_ascii=False))
        else:
            print(f"deskmate: error: {exc.user_text()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("deskmate: cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if ctx is not None:
            ctx.close()


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
