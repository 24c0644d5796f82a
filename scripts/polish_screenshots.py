"""Screenshots of the Polish page's change view and of the custom actions editor (with a
validation error under its form), in English and Chinese (run under Xvfb).

Usage: QT_QPA_PLATFORM=xcb DISPLAY=:N .venv/bin/python scripts/polish_screenshots.py OUT_DIR
The page shows a real diff of a real polish result shape (the text pair below); no model runs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from assistant.task_events import Done

ORIGINAL = (
    "# Weekly update\n\n"
    "- The report are ready, see https://example.com/q3 before 5 pm.\n"
    "- 我们明天下午3点在201会议室开会，请大家准实参加。\n"
    "- Anna have booked the room for the hole team."
)
POLISHED = (
    "# Weekly update\n\n"
    "- The report is ready; see https://example.com/q3 before 5 pm.\n"
    "- 我们明天下午3点在201会议室开会，请大家准时参加。\n"
    "- Anna has booked the room for the whole team."
)


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from assistant.core import Core
    from ui.look import apply_theme, install_translators
    from ui.main_window import MainWindow
    from ui.pages.polish_page import PolishPage

    for language in ("en", "zh_CN"):
        install_translators(app, language)
        with tempfile.TemporaryDirectory() as folder:
            core = Core(folder)
            apply_theme(app, "light")
            window = MainWindow(core)
            window.autoload_model = False
            window.resize(980, 640)
            page = window.show_page("polish")
            assert isinstance(page, PolishPage)
            page.set_text(ORIGINAL)
            page._on_done(Done(POLISHED, data={"original": ORIGINAL, "kept": []}))
            page.diff_view.set_accepted(2, False)  # one change rejected, to show both looks
            window.show()
            for _ in range(20):
                app.processEvents()
            name = out / f"polish-{language.split('_')[0]}.png"
            assert window.grab().save(str(name)), name
            print(f"saved {name}")
            editor = page.edit_actions()
            editor.list.setCurrentRow(1)
            editor.instruction_edit.clear()  # an action without an instruction is refused
            editor.save_button.click()
            for _ in range(20):
                app.processEvents()
            name = out / f"actions-{language.split('_')[0]}.png"
            assert editor.grab().save(str(name)), name
            print(f"saved {name}")
            editor.close()
            window.close()
            core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
