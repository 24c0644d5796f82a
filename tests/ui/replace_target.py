"""The app the user types in, for the replace-in-place test: one text field in its own process.

``python replace_target.py TEXT CLIPBOARD`` shows a field holding TEXT and puts CLIPBOARD on the
clipboard (what the user had copied). It prints a JSON line with the field's text, the clipboard
and its window id when it starts, whenever the text changes, and on "report"; "quit" ends it.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit


def main() -> int:
    app = QApplication(sys.argv[:1])
    field = QLineEdit(sys.argv[1])
    field.setWindowTitle("replace-target")
    field.resize(480, 40)
    field.show()
    app.clipboard().setText(sys.argv[2])

    def report() -> None:
        state = {
            "text": field.text(),
            "selected": field.selectedText(),
            "clipboard": app.clipboard().text(),
            "window": int(field.winId()),
        }
        print(json.dumps(state), flush=True)

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line in ("quit", ""):
            app.quit()
        elif line == "report":
            report()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    field.textChanged.connect(lambda _: report())
    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
