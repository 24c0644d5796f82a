"""Screenshots of the Ask page answering from a small Chinese handbook, on a real model.

Usage: QT_QPA_PLATFORM=xcb DISPLAY=:N .venv/bin/python scripts/ask_screenshots.py MODEL.gguf OUT
The question is asked through the page as a user would (the page's own worker, the real
retrieval, generation and citation check); the window is grabbed once the answer is shown.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

HANDBOOK = (
    "# 员工手册\n\n"
    "## 工作时间\n\n公司实行弹性工作制，核心工作时间为上午十点至下午四点。\n\n"
    "## 休息时间\n\n公司规定：员工每天下午三点可以在休息室喝茶，休息时间为十五分钟。\n\n"
    "## 报销\n\n差旅费用须在出差结束后三十天内提交报销申请，并附上发票原件。\n\n"
    "## 数据隐私\n\n我们不会与第三方共享客户的数据。员工不得将客户资料带出办公室。\n"
)
QUESTIONS = {
    "zh_CN": "出差的费用要在多久内报销？",
    "en": "How long do I have to file travel expenses?",
}


def main() -> int:
    model, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from assistant.core import Core
    from assistant.documents import document_from_text
    from ui.look import apply_theme, install_translators
    from ui.main_window import MainWindow
    from ui.pages.ask_page import AskPage

    for language, question in QUESTIONS.items():
        install_translators(app, language)
        with tempfile.TemporaryDirectory() as folder:
            core = Core(folder, model_path=model)
            core.settings.set("n_ctx", 2048)
            core.remember_document(document_from_text(HANDBOOK, title="员工手册.md"))
            apply_theme(app, "light")
            window = MainWindow(core)
            window.resize(1100, 640)
            page = window.show_page("ask")
            assert isinstance(page, AskPage)
            window.show()
            page.question.setText(question)
            loop = QEventLoop()
            page.runner.finished.connect(loop.quit)
            page.error.connect(lambda error: print(f"error: {error}"))
            page.ask()
            loop.exec()  # until the answer (or an error) is in
            if not page.answers:
                return 1
            QTimer.singleShot(1500, loop.quit)  # the model status line settles
            loop.exec()
            name = out / f"ask-{language}.png"
            assert window.grab().save(str(name)), name
            print(f"saved {name}: {page.answers[-1]}")
            window.close()
            core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
