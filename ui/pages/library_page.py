"""The Library page: folders whose documents Deskmate keeps indexed for Search and Ask.

The background scan (``assistant.library.watcher``) does the work; this page only shows it
(folders with their indexed and failed counts, progress with an ETA, the files that failed with
their typed error) and steers it: add a folder (Ctrl+O), remove the selected one (Delete),
pause or resume (Ctrl+P), scan now (F5). It refreshes from a timer while shown, reading
counts only, so it never holds the window up. Deskmate never writes into these folders.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.task_events import Done, TaskEvent
from ui.pages.task_page import format_eta
from ui.worker import TaskRunner

if TYPE_CHECKING:
    from assistant.core import Core

REFRESH_MS = 1000


def _remove_folder(core: Core, folder: Path) -> Iterator[TaskEvent]:
    """Removing trashes the folder's documents one by one: a worker job, not a GUI freeze."""
    count = core.store.remove_library_folder(folder)
    yield Done(f"removed {folder}", data={"files": count})


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, len(headers)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


class LibraryPage(QWidget):
    error = Signal(object)  # DeskmateError -> the window's message bar
    crashed = Signal(str)

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("page_library")
        self.runner = TaskRunner(self)
        self._build()
        self._wire()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = self.tr("Library")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        style = self.style()
        icon = style.standardIcon
        pix = QStyle.StandardPixmap
        self.add_button = QPushButton(icon(pix.SP_FileDialogNewFolder), self.tr("Add folder…"))
        self.add_button.setToolTip(self.tr("Index the documents of a folder (Ctrl+O)"))
        self.remove_button = QPushButton(icon(pix.SP_TrashIcon), self.tr("Remove"))
        self.remove_button.setToolTip(
            self.tr("Stop indexing the selected folder; its documents go to the trash (Delete)")
        )
        self.pause_button = QPushButton()
        self.pause_button.setToolTip(self.tr("Pause or resume indexing (Ctrl+P)"))
        self.scan_button = QPushButton(icon(pix.SP_BrowserReload), self.tr("Scan now"))
        self.scan_button.setToolTip(self.tr("Look for new, changed and deleted files now (F5)"))
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.pause_button, self.scan_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setObjectName("pageStatus")
        self.progress = QProgressBar()
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        self.empty_label = QLabel(
            self.tr(
                "No library folders yet. Click “Add folder…” (Ctrl+O) and choose a folder of "
                "documents: Deskmate indexes every PDF, Word, text and Markdown file in it for "
                "Search and Ask, and keeps up with new, changed and deleted files. It only "
                "reads the folder; it never changes your files."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyState")
        layout.addWidget(self.empty_label)
        self.folders = _table([self.tr("Folder"), self.tr("Indexed"), self.tr("Failed")])
        layout.addWidget(self.folders, 2)
        self.failures_label = QLabel(self.tr("Files that could not be loaded"))
        layout.addWidget(self.failures_label)
        self.failures = _table([self.tr("File"), self.tr("Error")])
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.failures, 1)

    def _wire(self) -> None:
        self.add_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.scan_button.clicked.connect(self.scan_now)
        QShortcut(QKeySequence.StandardKey.Open, self, self.choose_folder)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.folders, self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+P"), self, self.toggle_pause)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.scan_now)
        self.folders.itemSelectionChanged.connect(self._update_buttons)
        self.runner.done.connect(lambda _done: self.refresh())
        self.runner.error.connect(self.error)
        self.runner.crashed.connect(self.crashed)

    # --- actions ------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the library"))
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        self.core.store.add_library_folder(folder)
        self.core.library.start()
        self.core.library.poke()
        self.refresh()

    def selected_folder(self) -> Path | None:
        rows = self.folders.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.folders.item(rows[0].row(), 0)
        return Path(item.text()) if item is not None else None

    def remove_selected(self) -> None:
        folder = self.selected_folder()
        if folder is None or self.runner.is_running():
            return
        self.runner.start(lambda: _remove_folder(self.core, folder), "library-remove")

    def toggle_pause(self) -> None:
        paused = not self.core.settings.get_bool("library_paused")
        self.core.settings.set("library_paused", paused)
        if not paused:
            self.scan_now()
        self.refresh()

    def scan_now(self) -> None:
        self.core.library.start()
        self.core.library.poke()

    # --- showing ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def refresh(self) -> None:
        store = self.core.store
        folders = store.library_folders()
        selected = self.selected_folder()
        _fill(self.folders, [[f["path"], str(f["indexed"]), str(f["failed"])] for f in folders])
        for r, f in enumerate(folders):
            if selected is not None and Path(f["path"]) == selected:
                self.folders.selectRow(r)
        failures = store.library_failures()
        _fill(self.failures, [[f["path"], f"{f['error']} ({f['error_code']})"] for f in failures])
        empty = not folders
        self.empty_label.setVisible(empty)
        self.folders.setVisible(not empty)
        self.failures_label.setVisible(bool(failures))
        self.failures.setVisible(bool(failures))
        self._show_status(empty)
        self._update_buttons()

    def _show_status(self, empty: bool) -> None:
        watcher = self.core.library
        paused = self.core.settings.get_bool("library_paused")
        p = watcher.progress
        busy = p.total > 0 and p.done < p.total
        self.progress.setVisible(busy and not paused)
        self.progress.setRange(0, max(1, p.total))
        self.progress.setValue(p.done)
        if watcher.last_error:
            text = self.tr("Indexing stopped: %1").replace("%1", watcher.last_error)
        elif paused:
            text = self.tr("Indexing is paused; it resumes where it stopped.")
        elif busy:
            text = self.tr("Indexing %1 of %2 files").replace("%1", str(p.done))
            text = text.replace("%2", str(p.total))
            eta = format_eta(-1.0 if p.eta_s is None else p.eta_s)
            text += f" · {eta}" if eta else ""
        elif empty:
            text = ""
        else:
            text = self.tr(
                "Up to date; new, changed and deleted files are noticed within a minute."
            )
        self.status_label.setText(text)

    def _update_buttons(self) -> None:
        paused = self.core.settings.get_bool("library_paused")
        icon = QStyle.StandardPixmap.SP_MediaPlay if paused else QStyle.StandardPixmap.SP_MediaPause
        self.pause_button.setIcon(self.style().standardIcon(icon))
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        has_folders = self.folders.rowCount() > 0
        self.remove_button.setEnabled(self.selected_folder() is not None)
        self.pause_button.setEnabled(has_folders)
        self.scan_button.setEnabled(has_folders and not paused)
