"""The one place typed core errors and notices show up: a non-modal bar in the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from assistant.errors import DeskmateError, EnvironmentProblem


class MessageBar(QFrame):
    """Shows one message at a time with an optional action (e.g. Undo) and a close button."""

    LEVELS = ("info", "warning", "error")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(self.label.textInteractionFlags())
        layout.addWidget(self.label, 1)
        self.action_button = QPushButton()
        self.action_button.hide()
        self.action_button.clicked.connect(self._run_action)
        layout.addWidget(self.action_button)
        close = QPushButton(self.tr("Dismiss"))
        close.setFlat(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self._action: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.level = "info"
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "info",
        *,
        action_text: str = "",
        action: Callable[[], None] | None = None,
        timeout_ms: int = 0,
    ) -> None:
        self.level = level if level in self.LEVELS else "info"
        self.setProperty("level", self.level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self._action = action
        self.action_button.setVisible(action is not None)
        self.action_button.setText(action_text)
        self._timer.stop()
        if timeout_ms > 0:
            self._timer.start(timeout_ms)
        self.show()

    def show_error(self, error: DeskmateError) -> None:
        level = "error" if isinstance(error, EnvironmentProblem) else "warning"
        self.show_message(error.user_text(), level)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _run_action(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()
