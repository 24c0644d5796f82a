"""The one place typed core errors and notices show up: a non-modal bar in the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from assistant.errors import DeskmateError, EnvironmentProblem
from ui.look import translating


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
        self.show_message(error_text(error), level)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _run_action(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()


def error_text(error: DeskmateError) -> str:
    """How a typed core error reads in the UI: the core's message (English: it names files,
    figures and fixes exactly), led by a headline in the UI's language when it is translated."""
    text = error.user_text()
    if not translating():
        return text
    colon = QCoreApplication.translate("MessageBar", "%1: %2")
    return colon.replace("%1", error_headline(error)).replace("%2", text)


def error_headline(error: DeskmateError) -> str:
    """A short translated headline for the most specific known kind of ``error``."""
    translate = QCoreApplication.translate
    headlines = {
        "unsupported_format": translate("MessageBar", "This kind of file is not supported"),
        "encrypted_document": translate("MessageBar", "The document is encrypted"),
        "corrupt_document": translate("MessageBar", "The document is damaged"),
        "empty_document": translate("MessageBar", "The document has no text"),
        "document_too_large": translate("MessageBar", "The document is too large"),
        "document_error": translate("MessageBar", "The document cannot be read"),
        "calendar_error": translate("MessageBar", "The calendar file cannot be read"),
        "model_not_found": translate("MessageBar", "The model is not installed"),
        "bad_model_file": translate("MessageBar", "The model file is damaged or not a GGUF model"),
        "model_too_large": translate("MessageBar", "Not enough memory for this model"),
        "model_error": translate("MessageBar", "The model cannot run"),
        "remote_server_error": translate("MessageBar", "The model server failed"),
        "disk_full": translate("MessageBar", "The disk is full"),
        "store_error": translate("MessageBar", "The database failed"),
        "data_folder_in_use": translate("MessageBar", "The data folder is in use"),
        "data_folder_has_data": translate("MessageBar", "That folder already holds Deskmate data"),
        "data_folder_error": translate("MessageBar", "The data folder cannot be used"),
        "mail_auth_error": translate("MessageBar", "The mail server refused the sign-in"),
        "mail_tls_error": translate("MessageBar", "The mail server's certificate was refused"),
        "mail_timeout": translate("MessageBar", "The mail server did not answer in time"),
        "mail_server_error": translate("MessageBar", "The mail server failed"),
        "calendar_auth_error": translate("MessageBar", "The calendar server refused the sign-in"),
        "calendar_tls_error": translate(
            "MessageBar", "The calendar server's certificate was refused"
        ),
        "calendar_timeout": translate("MessageBar", "The calendar server did not answer in time"),
        "calendar_conflict": translate("MessageBar", "The event changed on the server too"),
        "calendar_unreachable": translate("MessageBar", "The calendar server cannot be reached"),
        "calendar_refused": translate("MessageBar", "The calendar server refused a change"),
        "calendar_server_error": translate("MessageBar", "Calendar sync failed"),
        "setting_error": translate("MessageBar", "Invalid setting"),
        "cancelled": translate("MessageBar", "Stopped"),
        "user_error": translate("MessageBar", "That cannot be done"),
        "environment_error": translate("MessageBar", "A problem with this computer's set-up"),
    }
    for kind in type(error).__mro__:
        code = getattr(kind, "code", "")
        if code in headlines:
            return headlines[code]
    return translate("MessageBar", "Something went wrong")
