"""Settings → Calendars: connect a CalDAV account, tick the calendars to sync, "Sync now"
(asks the app's account threads, ui/calendar_sync.py), and the changes still waiting for the
server. The password goes to the OS keyring only, once the server accepted it; connecting and
syncing run off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError
from ui.message_bar import error_text
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.calendar.sync_model import RemoteCalendar
    from assistant.calsync.autosync import SyncReport
    from assistant.core import Core


class CalendarsBox(QGroupBox):
    synced = Signal()  # the local copy changed
    sync_requested = Signal()  # Sync now: the app's account threads sync
    calendars_changed = Signal()  # an account connected or the chosen calendars changed

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Calendars (CalDAV)"), parent)
        self.core = core
        self.setObjectName("calendars")
        icon = self.style().standardIcon
        column = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Deskmate keeps a copy of the calendars you tick, for conflicts, free slots and "
                "reminders, and writes accepted suggestions back. It only deletes events it "
                "created."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("settingHelp")
        column.addWidget(intro)
        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://cloud.example.com/remote.php/dav/")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the OS keyring"))
        for text, widget in (
            (self.tr("Server address"), self.url),
            (self.tr("User"), self.user),
            (self.tr("Password"), self.password),
        ):
            form.addRow(text, widget)
        column.addLayout(form)
        self.list = QListWidget()
        self.list.setObjectName("calendarList")
        self.list.setMaximumHeight(110)
        column.addWidget(self.list)
        buttons = QHBoxLayout()
        self.connect_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_DialogApplyButton), self.tr("Connect and test")
        )
        self.sync_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("Sync now")
        )
        self.sync_button.setShortcut("F5")
        for button in (self.connect_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.result = QLabel()
        self.result.setObjectName("calendarResult")
        self.result.setWordWrap(True)
        column.addWidget(self.result)
        from ui.pages.calendar_outbox import OutboxList

        self.outbox = OutboxList()
        column.addWidget(self.outbox)
        self.outbox.decided.connect(self.decide)
        self.connect_button.clicked.connect(self.connect_account)
        self.sync_button.clicked.connect(self.sync)
        self.list.itemChanged.connect(self._ticked)
        self.reload()

    def reload(self) -> None:
        calendars = self.core.store.caldav_calendars()
        self.list.blockSignals(True)
        self.list.clear()
        for cal in calendars:
            when = self._when(cal.synced_at) if cal.synced_at else self.tr("not synced yet")
            item = QListWidgetItem(f"{cal.name} — {cal.account} · {when}")
            item.setData(Qt.ItemDataRole.UserRole, (cal.account, cal.url))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if cal.selected else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.list.addItem(item)
        if not calendars:
            self.list.addItem(self.tr("No calendar yet: enter your server above and connect."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.blockSignals(False)
        self.sync_button.setEnabled(any(c.selected for c in calendars))
        entries = self.core.store.caldav_outbox()
        self.outbox.set_entries(entries, {e.uid: self._moment(e.start) for e in entries if e.start})

    def _when(self, stamp: str) -> str:
        """ "synced Tue 8 Dec, 09:30" / "已同步 12月8日（周二）09:30" """
        return self.tr("synced %1").replace("%1", self._moment(stamp))

    def _moment(self, stamp: str) -> str:
        from datetime import UTC, datetime

        from assistant.calendar.human_dates import format_when, language_of, parse_stored
        from assistant.tasks.schedule import resolve_zone

        lang = language_of(self.core.settings.get_str("ui_language"))
        tz = resolve_zone(self.core, "")
        return format_when(parse_stored(stamp), lang=lang, tz=tz, now=datetime.now(UTC))

    def connect_account(self) -> None:
        from urllib.parse import urlsplit

        from assistant.calendar.sync_model import CalendarAccount
        from assistant.calsync.service import connect_account

        url, password = self.url.text().strip(), self.password.text()
        host = urlsplit(url).hostname or "calendar"
        account = CalendarAccount(host.replace(":", "-")[:40], url, self.user.text().strip())
        self.connect_button.setEnabled(False)
        self._show(self.tr("Connecting to %1…").replace("%1", host), ok=None)
        store = self.core.store
        run_in_background(
            self,
            lambda: connect_account(store, account, password),
            self._connected,
            self._failed,
            name="caldav-connect",
        )

    def _connected(self, found: list[RemoteCalendar]) -> None:
        self.connect_button.setEnabled(True)
        self.password.clear()
        self._show(
            self.tr("Connected: %1 calendars. Tick the ones to sync.").replace(
                "%1", str(len(found))
            ),
            ok=True,
        )
        self.reload()
        self.calendars_changed.emit()

    def _ticked(self, item: QListWidgetItem) -> None:
        account, _ = item.data(Qt.ItemDataRole.UserRole)
        urls = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)[1]
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
            and self.list.item(i).data(Qt.ItemDataRole.UserRole)[0] == account
        ]
        try:
            self.core.store.choose_caldav_calendars(account, urls)
        except DeskmateError as exc:
            self._show(error_text(exc), ok=False)
        # not reload(): that would delete ``item`` inside its own signal
        self.sync_button.setEnabled(any(c.selected for c in self.core.store.caldav_calendars()))
        self.calendars_changed.emit()

    def sync(self) -> None:
        self.sync_button.setEnabled(False)
        self._show(self.tr("Syncing…"), ok=None)
        self.sync_requested.emit()

    def show_report(self, report: SyncReport) -> None:
        """A sync finished (asked here, or on its own): its result line, the list again."""
        if report.error is not None:
            self._show(error_text(report.error), ok=False)
            self.reload()
            return
        lines = [
            self.tr("%1: %2 new, %3 changed, %4 removed")
            .replace("%1", r.calendar)
            .replace("%2", str(r.added))
            .replace("%3", str(r.changed))
            .replace("%4", str(r.removed))
            for r in report.results
        ]
        self._show("; ".join(lines) or self.tr("Nothing to sync."), ok=True)
        self.reload()
        self.synced.emit()

    def decide(self, uid: str, keep: str) -> None:
        """The user's answer to a conflict: keep their version or the server's."""
        from assistant.calsync.service import decide_conflict
        from assistant.tasks.schedule import resolve_zone

        tz, store = resolve_zone(self.core, ""), self.core.store
        choice: Literal["mine", "theirs"] = "mine" if keep == "mine" else "theirs"
        self._show(self.tr("Syncing…"), ok=None)
        run_in_background(
            self,
            lambda: decide_conflict(store, uid, choice, tz),
            self._decided,
            self._failed,
            name="caldav-decide",
        )

    def _decided(self, _: None) -> None:
        self._show(self.tr("Done: your calendar has the version you kept."), ok=True)
        self.reload()
        self.synced.emit()

    def _failed(self, exc: DeskmateError) -> None:
        self.connect_button.setEnabled(True)
        self.reload()
        self._show(error_text(exc), ok=False)

    def _show(self, text: str, *, ok: bool | None) -> None:
        """A result line: ✔ success, ✖ failure, plain while waiting."""
        mark = {True: "✔ ", False: "✖ ", None: ""}[ok]
        self.result.setText(mark + text)
