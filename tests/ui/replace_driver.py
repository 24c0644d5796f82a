"""The quick popup in its own process on the test's X server, for the replace-in-place test.

``python replace_driver.py DATA_DIR (--scripted ANSWER | --model GGUF)``: opens the popup (which
notes the focused window and reads the selection), runs Polish (``fix``), presses Replace, and
prints JSON lines: the popup's input, the answer, then "replaced" once the clipboard is back.
It stays up (the clipboard's owner) until "quit" on stdin.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

from assistant.task_events import Done, TaskEvent, Token


class ScriptedEngine:
    """Every prompt gets ``answer`` (both fix prompts agree on it)."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def chat(self, messages: list[dict[str, str]], params: Any) -> Iterator[TaskEvent]:
        yield Token(self.answer)
        yield Done(self.answer)

    def count_tokens(self, text: str) -> int:
        return len(text) // 3 + 1

    def model_name(self) -> str:
        return "scripted"


def say(**values: Any) -> None:
    print(json.dumps(values, ensure_ascii=False), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--scripted")
    parser.add_argument("--model", type=Path)
    args = parser.parse_args()
    import logging

    logging.basicConfig(level=logging.INFO)
    app = QApplication(sys.argv[:1])
    from assistant.core import Core
    from ui.quick_popup import QuickPopup

    core = Core(args.data_dir, model_path=args.model)
    core.settings.set("n_ctx", 2048)
    if args.scripted is not None:
        engine = ScriptedEngine(args.scripted)
        core.engine = lambda: engine  # type: ignore[assignment,method-assign,return-value]
    popup = QuickPopup(core)
    popup.replacer.done.connect(lambda notice: say(replaced=notice))

    def finished() -> None:
        say(answer=popup.answer_text)
        popup.replace()

    popup.runner.finished.connect(finished)
    popup.runner.error.connect(lambda error: say(error=str(error)))
    popup.runner.crashed.connect(lambda trace: say(error=trace))
    popup.runner.status.connect(lambda text: say(status=text))  # alive: loading, generating
    popup.runner.progress.connect(lambda done, total, stage, eta: say(status=stage))
    popup.popup()
    say(input=popup.input.toPlainText(), target=popup.target_window)
    popup.chip_buttons["polish"].setChecked(True)
    popup.run()

    def command() -> None:
        if sys.stdin.readline().strip() in ("quit", ""):
            popup.runner.cancel()
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    code = app.exec()
    popup.deleteLater()
    core.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
