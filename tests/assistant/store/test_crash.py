"""Nothing lost: SIGKILL a process that writes runs, many times, at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.store import Store

ROOT = Path(__file__).resolve().parents[3]
KILLS = 20

_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from assistant.store import Store

    store = Store(Path(sys.argv[1]))
    n = 0
    while True:
        n += 1
        run_id = store.start_run("crash", input_text="输入 " * (n % 50), params={"n": n})
        store.save_partial(f"job{run_id}", 0, "partial")
        store.update_run_output(run_id, "half")
        store.finish_run(run_id, status="done", output=f"out {run_id}")
        print(run_id, flush=True)  # reported as saved
    """
)


@pytest.mark.slow
def test_sigkill_while_writing_loses_no_saved_run(data_dir: Path) -> None:
    rng = random.Random(20240601)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    saved: list[int] = []
    for attempt in range(KILLS):
        wanted = 0 if attempt % 7 == 3 else rng.randint(1, 60)  # some kills land during startup
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(data_dir)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        try:
            for _ in range(wanted):
                line = proc.stdout.readline()
                assert line, f"writer died on attempt {attempt}: {proc.wait(timeout=30)}"
                saved.append(int(line))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            # Lines already printed before the kill were saved too.
            saved.extend(int(line) for line in proc.stdout.read().split())
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdout.close()
        with Store(data_dir) as store:
            assert store.integrity_check() == "ok", f"attempt {attempt}"
            for run_id in saved:
                run = store.get_run(run_id)
                assert run is not None, f"run {run_id} reported saved but lost (attempt {attempt})"
                assert (run["status"], run["output"]) == ("done", f"out {run_id}")
    assert len(saved) > KILLS
