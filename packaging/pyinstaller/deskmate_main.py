"""Entry point of the frozen app (PyInstaller): the ``deskmate`` CLI, the window by default.

A bundle started with no command (a double-click, the .desktop file, the Start menu) opens the
window, so ``deskmate`` == ``deskmate gui`` here; ``deskmate --data-dir X`` opens it on X.
Every other command (``doctor``, ``models add``...) works as with the pip install.
"""

from __future__ import annotations

import multiprocessing
import sys

HELP_FLAGS = {"-h", "--help", "--version"}
GLOBAL_OPTIONS_WITH_VALUE = {"--data-dir"}


def bundle_argv(argv: list[str]) -> list[str]:
    """``argv`` with ``gui`` appended when it names no command (only global options)."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in HELP_FLAGS:
            return argv
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        return argv  # a command is named
    return [*argv, "gui"]


def run() -> int:
    multiprocessing.freeze_support()  # torch/tokenizers may spawn helpers in a frozen app
    from assistant.cli.main import main

    return main(bundle_argv(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(run())
