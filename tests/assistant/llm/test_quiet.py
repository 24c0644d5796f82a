"""Muting llama-cpp-python's prints for the loading thread only, and its /dev/null files."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from assistant.llm._quiet import mute_this_thread


def test_mute_drops_this_threads_prints_only(capsys: pytest.CaptureFixture[str]) -> None:
    real_err = sys.stderr
    with mute_this_thread():
        print("muted-out")
        print("muted-err", file=sys.stderr)
        other = threading.Thread(target=lambda: print("other-err", file=sys.stderr))
        other.start()
        other.join()
        kept = sys.stderr
    print("after-err", file=sys.stderr)
    print("late-write-through-kept-ref", file=kept)
    assert sys.stderr is real_err
    out, err = capsys.readouterr()
    assert "muted" not in out + err
    assert "other-err" in err and "after-err" in err and "late-write-through-kept-ref" in err


def test_no_unclosed_devnull_warning_at_exit() -> None:
    code = "from assistant.llm._quiet import quiet_llama_cpp; quiet_llama_cpp()"
    proc = subprocess.run(
        [sys.executable, "-X", "dev", "-W", "always::ResourceWarning", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ResourceWarning" not in proc.stderr
