"""The quick-prompt popup: frameless, near the cursor, prefilled from the selection/clipboard.

Built once at start (hidden) so opening it is instant. Action chips pick the task; Enter runs,
the answer streams, Ctrl+C (with nothing selected) or the Copy button copies it, Esc closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QClipboard, QCursor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.events import Event
from ui.message_bar import error_text
from ui.worker import TaskRunner

if TYPE_CHECKING:
    from assistant.core import Core

log = logging.getLogger(__name__)
ACTIONS = ("summarize", "translate", "reply", "schedule", "ask")


def _calls(core: Core) -> dict[str, Callable[[str], Iterator[Event]] | None]:
    c: Any = core
    target = core.settings.get_str("translate_target")
    tone = core.settings.get_str("reply_tone")
    have = {name: callable(getattr(c, name, None)) for name in ACTIONS}
    return {
        "summarize": (lambda t: c.summarize(t)) if have["summarize"] else None,
        "translate": (lambda t: c.translate(t, target)) if have["translate"] else None,
        "reply": (lambda t: c.reply(t, "", tone)) if have["reply"] else None,
        "schedule": (lambda t: c.schedule(t)) if have["schedule"] else None,
        "ask": (lambda t: c.ask(t)) if have["ask"] else None,
    }


def selected_text() -> str:
    """The X11 PRIMARY selection if there is one, else the clipboard."""
    clipboard = QGuiApplication.clipboard()
    if clipboard.supportsSelection():
        text = clipboard.text(QClipboard.Mode.Selection)
        if text.strip():
            return text
    return clipboard.text()


class QuickPopup(QFrame):
    error = Signal(object)
    crashed = Signal(str)

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.core = core
        self.setObjectName("quickPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(520)
        self.runner = TaskRunner(self)
        self.answer_text = ""
        layout = QVBoxLayout(self)
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(self.tr("Ask anything, or pick an action for the text…"))
        self.input.setMaximumHeight(110)
        self.input.installEventFilter(self)
        layout.addWidget(self.input)
        chips = QHBoxLayout()
        self.chips = QButtonGroup(self)
        titles = {
            "summarize": self.tr("Summarize"),
            "translate": self.tr("Translate"),
            "reply": self.tr("Reply"),
            "schedule": self.tr("Schedule"),
            "ask": self.tr("Ask"),
        }
        self.chip_buttons: dict[str, QPushButton] = {}
        for action in ACTIONS:
            chip = QPushButton(titles[action])
            chip.setCheckable(True)
            chip.setObjectName(f"chip_{action}")
            chip.setProperty("chip", True)
            self.chips.addButton(chip)
            self.chip_buttons[action] = chip
            chips.addWidget(chip)
        chips.addStretch(1)
        layout.addLayout(chips)
        self.answer = QTextBrowser()
        self.answer.setMinimumHeight(160)
        layout.addWidget(self.answer, 1)
        bottom = QHBoxLayout()
        self.hint = QLabel(self.tr("Enter runs · Shift+Enter new line · Esc closes"))
        self.hint.setObjectName("hint")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_answer)
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.copy_button)
        layout.addLayout(bottom)
        self.runner.token.connect(self._on_token)
        self.runner.done.connect(self._on_done)
        self.runner.error.connect(self._on_error)
        self.runner.crashed.connect(self.crashed)
        self.refresh_actions()

    def refresh_actions(self) -> None:
        self._calls = _calls(self.core)
        for action, chip in self.chip_buttons.items():
            chip.setEnabled(self._calls[action] is not None)
            if self._calls[action] is None:
                chip.setToolTip(self.tr("This feature is not installed in this version."))
        self.chip_buttons["ask"].setChecked(True)

    def action(self) -> str:
        for action, chip in self.chip_buttons.items():
            if chip.isChecked():
                return action
        return "ask"

    def popup(self, text: str | None = None, at: QPoint | None = None) -> None:
        """Show near the cursor, prefilled with ``text`` (default: selection or clipboard)."""
        self.runner.cancel()
        self.refresh_actions()
        self.input.setPlainText(selected_text() if text is None else text)
        self.input.selectAll()
        self.answer.clear()
        self.answer_text = ""
        self.adjustSize()
        pos = at if at is not None else QCursor.pos() + QPoint(12, 12)
        screen = QGuiApplication.screenAt(pos) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(pos.x(), area.left()), area.right() - self.width())
        y = min(max(pos.y(), area.top()), area.bottom() - self.height())
        self.move(x, y)
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus()

    def run(self) -> None:
        text = self.input.toPlainText().strip()
        call = self._calls.get(self.action())
        if not text or call is None:
            return
        self.runner.cancel()
        self.answer_text = ""
        self.answer.setPlainText(self.tr("Thinking…"))
        self.runner.start(lambda: call(text), f"quick-{self.action()}")

    def _on_done(self, done: Any) -> None:
        self._set_answer(done.text or self.answer_text)
        log.info("quick finished: %s", self.action())

    def _on_token(self, text: str) -> None:
        self._set_answer(self.answer_text + text)

    def _set_answer(self, text: str) -> None:
        self.answer_text = text
        self.answer.setMarkdown(text)

    def _on_error(self, error: Any) -> None:
        self.answer.setPlainText(error_text(error))
        self.error.emit(error)

    def copy_answer(self) -> None:
        QGuiApplication.clipboard().setText(self.answer_text)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            (
                watched is self.input
                and isinstance(event, QKeyEvent)
                and event.type() == event.Type.KeyPress
            )
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not (event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        ):
            self.run()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if (
            event.matches(QKeySequence.StandardKey.Copy)
            and not self.answer.textCursor().hasSelection()
        ):
            self.copy_answer()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: Any) -> None:
        self.runner.cancel()
        super().closeEvent(event)
