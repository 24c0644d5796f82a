"""The fast path of ``deskmate quick`` (and ``deskmate gui``): no full parser, no Qt, no core.

``deskmate quick`` is bound to a key, so the running app must hear from it in well under 150 ms.
Before ``build_parser`` imports every command module, ``main`` asks :func:`fast_command` whether
the arguments are simply ``[--data-dir D] [--json] quick|gui [--json]``; for ``quick`` it sends
one line over the app's single-instance socket with the standard library alone. Anything else
(help, other options, no app listening, no Unix sockets) goes through the full parser as before.

The socket protocol itself (the server's name, one line per message) is
:mod:`assistant.single_instance`, shared with ``ui.app``, which listens.
"""

from __future__ import annotations

from typing import NamedTuple

FAST_COMMANDS = ("quick", "gui")


class FastCommand(NamedTuple):
    command: str  # "quick" or "gui"
    data_dir: str | None  # as given (--data-dir), not resolved yet
    json: bool


def fast_command(argv: list[str]) -> FastCommand | None:
    """``argv`` as a fast command, or ``None`` when the full parser must handle it."""
    data_dir: str | None = None
    json = False
    rest = list(argv)
    while rest and rest[0] not in FAST_COMMANDS:
        arg = rest.pop(0)
        if arg == "--json":
            json = True
        elif arg == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif arg.startswith("--data-dir="):
            data_dir = arg.removeprefix("--data-dir=")
        else:
            return None  # --help, --version, another command, an abbreviation...
    if not rest or any(arg != "--json" for arg in rest[1:]):
        return None
    return FastCommand(rest[0], data_dir, json or len(rest) > 1)


def quick_over_socket(data_dir: str | None) -> bool:
    """Ask the running app for its quick popup; ``False`` if that needs the slow path (which
    also reports a data dir that cannot be used)."""
    from assistant.data_location import resolve_data_dir
    from assistant.errors import DeskmateError
    from assistant.single_instance import send_line, server_name

    try:
        path = resolve_data_dir(data_dir)
    except (DeskmateError, OSError):
        return False
    return send_line(server_name(path), "quick")
