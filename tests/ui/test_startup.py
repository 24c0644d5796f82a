"""Start-up: the real ``deskmate gui`` shows its window before any heavy library is imported
(models, document parsers, language detection load later, in the background or on use)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Not before the window: the model engines, document parsers, date parsing, language detection,
# and the CLI's rich consoles. (numpy is not listed: sqlite-utils imports it with the store.)
HEAVY = (
    "torch", "llama_cpp", "sentence_transformers", "transformers", "dateparser", "pypdf", "docx",
    "lingua", "bs4", "charset_normalizer", "rich", "assistant.cli.context",
)  # fmt: skip

PROBE = """
import json, os, sys
from ui.main_window import MainWindow

original = MainWindow.showEvent

def show_event(self, event):
    heavy = sorted(m for m in {heavy!r} if m in sys.modules)
    print(json.dumps({{"heavy": heavy, "pages": list(self.task_pages)}}), flush=True)
    os._exit(0)

MainWindow.showEvent = show_event
from assistant.cli.main import main
main(["--data-dir", {data_dir!r}, "gui"])
"""


def test_window_shows_before_heavy_imports(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HF_HUB_OFFLINE": "1"}
    script = PROBE.format(heavy=HEAVY, data_dir=str(data_dir))
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown == {"heavy": [], "pages": ["summarize"]}
