"""Settings → Calendars: the changes your calendar server has not taken yet, said for people
("Budget review, Wed 9 Dec, 15:00: not on the server yet, sent at the next sync"), and for a
change the server's copy changed too, the question: keep yours or the server's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from assistant.calendar.sync_model import OutboxEntry, OutboxState


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


def state_text(action: str, state: OutboxState | str) -> str:
    """What a waiting change means for the user (the week view's tooltip says the same)."""
    if state == "conflict":
        return _tr("changed on the server too: keep yours or the server's?")
    if state == "refused":
        return _tr("the server refused it; Deskmate tries again at each sync")
    if action == "delete":
        return _tr("deleted here, deleted on the server at the next sync")
    return _tr("not on the server yet, sent at the next sync")


class OutboxList(QWidget):
    decided = Signal(str, str)  # uid, "mine" | "theirs"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarOutbox")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(_tr("<b>Waiting for your calendar server</b>")))
        self.list = QListWidget()
        self.list.setObjectName("outboxList")
        self.list.setMaximumHeight(90)
        column.addWidget(self.list)
        buttons = QHBoxLayout()
        self.keep_mine = QPushButton(_tr("Keep mine"))
        self.keep_mine.setToolTip(_tr("Send your version over the server's (Ctrl+M)"))
        self.keep_mine.setShortcut("Ctrl+M")
        self.keep_theirs = QPushButton(_tr("Keep the server's"))
        self.keep_theirs.setToolTip(_tr("Drop your change and keep the server's version"))
        for button in (self.keep_mine, self.keep_theirs):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.keep_mine.clicked.connect(lambda: self._decide("mine"))
        self.keep_theirs.clicked.connect(lambda: self._decide("theirs"))
        self.setVisible(False)

    def set_entries(self, entries: list[OutboxEntry], when: dict[str, str]) -> None:
        """``when``: each entry's start, already formatted for people."""
        self.list.clear()
        for entry in entries:
            mark = "⚠" if entry.state in ("conflict", "refused") else "↻"
            what = ", ".join(filter(None, [entry.title, when.get(entry.uid, "")]))
            item = QListWidgetItem(f"{mark} {what}: {state_text(entry.action, entry.state)}")
            item.setData(Qt.ItemDataRole.UserRole, (entry.uid, entry.state))
            item.setToolTip(entry.error)
            self.list.addItem(item)
        conflicts = [i for i, e in enumerate(entries) if e.state == "conflict"]
        self.list.setCurrentRow(conflicts[0] if conflicts else -1)
        self._update_buttons()
        self.setVisible(bool(entries))

    def _selected_conflict(self) -> str:
        item = self.list.currentItem()
        if item is None:
            return ""
        uid, state = item.data(Qt.ItemDataRole.UserRole)
        return str(uid) if state == "conflict" else ""

    def _update_buttons(self) -> None:
        deciding = bool(self._selected_conflict())
        self.keep_mine.setEnabled(deciding)
        self.keep_theirs.setEnabled(deciding)

    def _decide(self, keep: str) -> None:
        uid = self._selected_conflict()
        if uid:
            self.decided.emit(uid, keep)
