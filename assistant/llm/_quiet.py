"""Keep llama-cpp-python quiet without touching the process's stdout/stderr.

llama-cpp-python's own way to be quiet (``verbose=False``) points fds 1 and 2 of the whole process
at /dev/null while it loads a model, swallowing what every other thread writes meanwhile. Instead:
llama.cpp's log goes to Python logging (``LlamaLog``), models load with ``verbose=True``, and the
Python prints of a verbose ``Llama()`` are dropped for the loading thread only.
"""

from __future__ import annotations

import atexit
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from assistant.llm._device import LlamaLog

_lock = threading.Lock()
_closer_registered = False


def quiet_llama_cpp() -> None:
    """Route llama.cpp's log to logging; close llama-cpp-python's /dev/null files at exit.

    ``llama_cpp._utils`` opens two /dev/null files at import for its fd redirection and never
    closes them ("ResourceWarning: unclosed file" at interpreter exit).
    """
    global _closer_registered
    LlamaLog.install()
    with _lock:
        if _closer_registered:
            return
        from llama_cpp import _utils

        def close_devnull() -> None:
            for name in ("outnull_file", "errnull_file"):
                f = getattr(_utils, name, None)
                if f is not None and hasattr(f, "close"):
                    f.close()

        atexit.register(close_devnull)
        _closer_registered = True


class _MutedForThread:
    """A text stream that drops one thread's writes and passes every other thread's through."""

    def __init__(self, real: TextIO, thread_id: int) -> None:
        self._real = real
        self._thread_id = thread_id
        self.active = True

    def write(self, text: str) -> int:
        if self.active and threading.get_ident() == self._thread_id:
            return len(text)
        return self._real.write(text)

    def flush(self) -> None:
        self._real.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@contextmanager
def mute_this_thread() -> Iterator[None]:
    """Drop what the calling thread prints to ``sys.stdout``/``sys.stderr`` (Python level only).

    Other threads keep printing; file descriptors are not touched.
    """
    me = threading.get_ident()
    saved = sys.stdout, sys.stderr  # None in a windowed app without a console: nothing to mute
    out = _MutedForThread(saved[0], me) if saved[0] is not None else None
    err = _MutedForThread(saved[1], me) if saved[1] is not None else None
    if out is not None:
        sys.stdout = out
    if err is not None:
        sys.stderr = err
    try:
        yield
    finally:
        for muted in (out, err):
            if muted is not None:
                muted.active = False  # a reference taken meanwhile keeps working
        if out is not None and sys.stdout is out:
            sys.stdout = saved[0]
        if err is not None and sys.stderr is err:
            sys.stderr = saved[1]
