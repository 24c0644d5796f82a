"""The quick-prompt popup: frameless, near the cursor, prefilled from the selection/clipboard.

Built once at start (hidden) so opening it is instant. Action chips pick the task; Enter runs,
the answer streams, Ctrl+C (with nothing selected) or the Copy button copies it, Esc closes.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QClipboard,
    QCursor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.task_events import TaskEvent
from assistant.writing.diff import diff_texts
from ui.diff_view import DiffView
from ui.message_bar import error_text
from ui.pages.specs import task_specs
from ui.replace import Replacer, focused_window
from ui.worker import TaskRunner

if TYPE_CHECKING:
    from assistant.core import Core

log = logging.getLogger(__name__)


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
        self.specs = {spec.key: spec for spec in task_specs()}  # the window's table: one per task
        self._calls: dict[str, Callable[[str], Iterator[TaskEvent]]] = {}
        self.chip_buttons: dict[str, QPushButton] = {}
        for action, spec in self.specs.items():
            self._calls[action] = functools.partial(spec.quick, core)
            chip = QPushButton(spec.title)
            chip.setCheckable(True)
            chip.setObjectName(f"chip_{action}")
            chip.setProperty("chip", True)
            self.chips.addButton(chip)
            self.chip_buttons[action] = chip
            chips.addWidget(chip)
        chips.addStretch(1)
        # Ask + "My documents": answer from the library with verified citations (Alt+D)
        self.docs_toggle = QCheckBox(self.tr("My documents"))
        self.docs_toggle.setObjectName("docsToggle")
        self.docs_toggle.setToolTip(
            self.tr("Ask answers from your library, with citations (Alt+D)")
        )
        QShortcut(QKeySequence("Alt+D"), self, self.docs_toggle.toggle)
        self.chips.buttonToggled.connect(
            lambda *_: self.docs_toggle.setEnabled(self.action() == "ask")
        )
        chips.addWidget(self.docs_toggle)
        layout.addLayout(chips)
        self.custom_row = QHBoxLayout()  # the user's own actions, Alt+1..Alt+9
        layout.addLayout(self.custom_row)
        self.custom_buttons: dict[str, QPushButton] = {}
        for number in range(1, 10):
            QShortcut(
                QKeySequence(f"Alt+{number}"), self, functools.partial(self.run_custom, number)
            )
        self.answer = DiffView()  # a polish shows its changes, to accept or reject
        self.answer.setMinimumHeight(160)
        self.answer.changed.connect(self._accepted_changed)
        layout.addWidget(self.answer, 1)
        bottom = QHBoxLayout()
        self.hint_text = self.tr(
            "Enter runs · Ctrl+Enter replaces · Shift+Enter new line · Esc closes"
        )
        self.hint = QLabel(self.hint_text)
        self.hint.setObjectName("hint")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_answer)
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.setObjectName("replaceButton")
        self.replace_button.setToolTip(
            self.tr("Put the result in place of the selected text (Ctrl+Enter)")
        )
        self.replace_button.clicked.connect(self.replace)
        self.replacer = Replacer(self)
        self.replacer.done.connect(self._replaced)
        self.target_window: int | None = None
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.replace_button)
        layout.addLayout(bottom)
        self.runner.token.connect(self._on_token)
        self.runner.done.connect(self._on_done)
        self.runner.error.connect(self._on_error)
        self.runner.crashed.connect(self.crashed)
        self.refresh_actions()

    def refresh_actions(self) -> None:
        """Each opening starts on Ask, with the custom actions as they are stored now."""
        self.chip_buttons["ask"].setChecked(True)
        self._refresh_custom()

    def _refresh_custom(self) -> None:
        """One chip per custom action (Alt+1..Alt+9 for the first nine)."""
        for button in self.custom_buttons.values():
            self.chips.removeButton(button)
            button.deleteLater()
        self.custom_buttons.clear()
        for action in [key for key in self._calls if key.startswith("custom:")]:
            del self._calls[action]
        for number, item in enumerate(self.core.store.list_actions(), 1):
            key = f"custom:{item.name}"
            chip = QPushButton(item.name)
            chip.setCheckable(True)
            chip.setProperty("chip", True)
            chip.setObjectName(f"chip_custom_{number}")
            if number <= 9:
                chip.setToolTip(self.tr("Alt+%1").replace("%1", str(number)))
            self.chips.addButton(chip)
            self.custom_buttons[key] = chip
            self.custom_row.insertWidget(self.custom_row.count(), chip)
            self._calls[key] = functools.partial(self.core.run_action, item.name)

    def run_custom(self, number: int) -> None:
        """Alt+N: pick the N-th custom action and run it."""
        buttons = list(self.custom_buttons.values())
        if 0 < number <= len(buttons):
            buttons[number - 1].setChecked(True)
            self.run()

    def action(self) -> str:
        for action, chip in {**self.chip_buttons, **self.custom_buttons}.items():
            if chip.isChecked():
                return action
        return "ask"

    def popup(self, text: str | None = None, at: QPoint | None = None) -> None:
        """Show near the cursor, prefilled with ``text`` (default: selection or clipboard)."""
        self.runner.cancel()
        self.target_window = focused_window()  # before we take the focus
        self.hint.setText(self.hint_text)
        self.refresh_actions()
        self.input.setPlainText(selected_text() if text is None else text)
        self.input.selectAll()
        self.answer.set_diff(None)
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
        if self.action() == "ask" and self.docs_toggle.isChecked():
            call = self._ask_documents
        if not text or call is None:
            return
        self.runner.cancel()
        self.answer_text = ""
        self.answer.setPlainText(self.tr("Thinking…"))
        self.runner.start(lambda: call(text), f"quick-{self.action()}")

    def _ask_documents(self, question: str) -> Iterator[TaskEvent]:
        from assistant.docqa.ask_docs import ask_documents

        return ask_documents(self.core, question)

    def _on_done(self, done: Any) -> None:
        self._set_answer(done.text or self.answer_text)
        if "citations" in done.data:  # an answer from the documents: one line per citation
            self.answer.setPlainText(done.text)
            return
        original = done.data.get("original")
        if isinstance(original, str) and done.text:
            self.answer.set_diff(diff_texts(original, done.text))
        log.info("quick finished: %s", self.action())

    def _accepted_changed(self, text: str) -> None:
        self.answer_text = text

    def _on_token(self, text: str) -> None:
        self._set_answer(self.answer_text + text)

    def _set_answer(self, text: str) -> None:
        self.answer_text = text
        self.answer.set_diff(None)
        self.answer.setMarkdown(text)

    def _on_error(self, error: Any) -> None:
        self.answer.setPlainText(error_text(error))
        self.error.emit(error)

    def copy_answer(self) -> None:
        QGuiApplication.clipboard().setText(self.answer_text)

    def replace(self) -> None:
        """Put the (accepted) result where the selection was, in the app it came from."""
        text = self.answer_text
        if not text.strip() or self.runner.is_running() or self.replacer.busy():
            return
        if self.target_window is not None:
            self.hide()
        self.replacer.replace(text, self.target_window)

    def _replaced(self, notice: str) -> None:
        if notice:
            self.hint.setText(notice)

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
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.replace()
            else:
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
