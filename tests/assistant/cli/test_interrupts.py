"""A Ctrl+C that lands where Python must ignore exceptions is delivered again, not lost.

Seen in the quit tests: SIGINT arrived while the CLI imported a module, the KeyboardInterrupt
was raised in importlib's weakref callback, CPython printed "Exception ignored" and the command
ran to its end with exit 0. The scripts below put the signal inside a ``__del__`` on purpose.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

SWALLOWED = textwrap.dedent(
    """
    import os, signal, sys, threading
    from assistant.cli import interrupts

    class Dropped:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)  # raised here, where CPython ignores it

    with interrupts.delivered():
        try:
            Dropped()
            # Nothing sets this event: only the interrupt ends the wait (60 s if it is lost).
            threading.Event().wait(60)
            print("ran to the end")
        except KeyboardInterrupt:
            print("interrupted", interrupts.received())
    """
)


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as from a terminal
    )


def test_an_interrupt_swallowed_in_a_destructor_is_delivered_again() -> None:
    done = _run(SWALLOWED)
    assert done.stdout.strip() == "interrupted True", done.stdout + done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr


def test_a_command_that_finishes_after_the_signal_reports_cancelled() -> None:
    script = textwrap.dedent(
        """
        import os, signal
        from assistant.cli.main import _guarded

        def command():
            signal.signal(signal.SIGINT, lambda *_: None)  # a handler that loses the signal
            os.kill(os.getpid(), signal.SIGTERM)
            return 0

        def lost_sigterm():
            try:
                return command()
            except KeyboardInterrupt:
                return 0  # a library that eats the interrupt
        raise SystemExit(_guarded(False, lost_sigterm))
        """
    )
    done = _run(script)
    assert done.returncode == 130, done.stderr
    assert "deskmate: cancelled" in done.stderr


def test_the_previous_handlers_come_back() -> None:
    from assistant.cli import interrupts

    before = signal.getsignal(signal.SIGTERM), sys.unraisablehook
    with interrupts.delivered():
        assert signal.getsignal(signal.SIGTERM) is not before[0]
    assert (signal.getsignal(signal.SIGTERM), sys.unraisablehook) == before
