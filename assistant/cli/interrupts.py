"""Ctrl+C and SIGTERM for the CLI: a ``KeyboardInterrupt`` that is never lost.

Python raises ``KeyboardInterrupt`` wherever the main thread happens to be. When that is a
weakref callback or a ``__del__`` (importlib's module-lock callback, for one), CPython prints
"Exception ignored in ..." and carries on, so a Ctrl+C pressed during an import was lost and
the command ran to its end (seen once in 12 quits during indexing). Here the signal also sets a
flag; a swallowed interrupt is delivered again a moment later from an ordinary point of the
program, and a command that still finishes after a signal reports "cancelled" all the same.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from types import FrameType
from typing import Any

REDELIVER_S = 0.05  # long enough to leave the callback that swallowed the interrupt

_received = threading.Event()
_active = threading.Event()  # inside ``delivered()``: a redelivered signal still lands here


@contextmanager
def delivered() -> Iterator[None]:
    """Inside: SIGINT (unless the parent ignores it, as ``nohup`` does) and SIGTERM come here.

    The previous handlers come back on leaving, for callers such as tests that run ``main()``
    in their own process.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    previous_hook = sys.unraisablehook
    for sig, handler in handlers.items():
        if handler is not signal.SIG_IGN or sig == signal.SIGTERM:
            signal.signal(sig, _on_signal)
    sys.unraisablehook = partial(_unraisable, previous_hook)
    _active.set()
    try:
        yield
    finally:
        _active.clear()
        sys.unraisablehook = previous_hook
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def received() -> bool:
    """True once SIGINT or SIGTERM has arrived in this process."""
    return _received.is_set()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    _received.set()
    raise KeyboardInterrupt


def _unraisable(fallback: Callable[[Any], object], info: Any) -> None:
    if info.exc_type is KeyboardInterrupt and _received.is_set():
        # Swallowed where exceptions cannot propagate: say it again from a normal point.
        timer = threading.Timer(REDELIVER_S, _redeliver)
        timer.daemon = True
        timer.start()
        return
    fallback(info)


def _redeliver() -> None:
    if _active.is_set():
        os.kill(os.getpid(), signal.SIGINT)
