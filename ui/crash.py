"""Unexpected exceptions: a crash dialog with copyable details, and the log file.

Typed core errors (``DeskmateError``) never come here: they go to the window's message bar.
Everything else is a bug; ``install_excepthooks`` routes uncaught exceptions of the GUI thread
(``sys.excepthook``) and of other threads (``threading.excepthook``) to ``show_crash`` on the GUI
thread.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("deskmate.ui")
LOG_NAME = "deskmate.log"


def setup_logging(data_dir: Path) -> Path:
    """Log to ``<data_dir>/logs/deskmate.log`` (rotated, 1 MB x 3)."""
    from assistant.paths import logs_dir

    path = logs_dir(data_dir) / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return path
    from assistant.paths import PrivateRotatingFileHandler

    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Deskmate ran into a problem"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Something unexpected happened. Deskmate keeps running; please report "
                    "the details below."
                )
            )
        )
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 240)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class _Relay(QObject):
    crash = Signal(str)


_relay: _Relay | None = None
_dialogs_enabled = True


def set_dialogs_enabled(enabled: bool) -> None:
    """Tests turn the dialog off (the crash is still logged)."""
    global _dialogs_enabled
    _dialogs_enabled = enabled


def show_crash(details: str) -> CrashDialog | None:
    """Log ``details`` and open a (non-modal) crash dialog. GUI thread only."""
    log.error("unexpected error:\n%s", details)
    if not _dialogs_enabled or QApplication.instance() is None:
        return None
    dialog = CrashDialog(details, QApplication.activeWindow())
    dialog.show()
    return dialog


def install_excepthooks() -> None:
    """Send uncaught exceptions (any thread) to the crash dialog on the GUI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.crash.connect(show_crash)
    relay = _relay

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        relay.crash.emit("".join(traceback.format_exception(exc_type, exc, tb)))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or args.exc_type is SystemExit:
            return
        relay.crash.emit(
            f"in thread {args.thread.name if args.thread else '?'}:\n"
            + "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook
