"""History: every run, searchable, filterable by task, open again, delete with undo."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.core import Core

RUN_ROLE = Qt.ItemDataRole.UserRole
LIMIT = 200


def run_title(run: dict[str, Any]) -> str:
    when = str(run.get("created_at") or run.get("started_at") or "")[:16].replace("T", " ")
    source = run.get("input_path") or (run.get("input_text") or "")[:60].replace("\n", " ")
    status = run.get("status") or ""
    return f"{when}  {run.get('task', '')}  [{status}]  {source}".strip()


class HistoryPage(QWidget):
    open_run = Signal(object)  # the run dict -> shown again in its task page
    deleted = Signal(int)  # run id -> the window offers Undo
    error = Signal(object)

    def __init__(self, core: Core, tasks: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.setObjectName("page_history")
        self.runs: list[dict[str, Any]] = []
        self.hits: list[dict[str, Any]] = []
        self.loading = False
        layout = QVBoxLayout(self)
        title = self.tr("History")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        self.task_titles = dict(tasks)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search results and documents…"))
        self.search.setClearButtonEnabled(True)
        self.task_filter = QComboBox()
        self.task_filter.addItem(self.tr("All tasks"), "")
        for key, title in tasks:
            self.task_filter.addItem(title, key)
        top.addWidget(self.search, 1)
        top.addWidget(self.task_filter)
        layout.addLayout(top)
        splitter = QSplitter()
        self.list = QListWidget()
        self.preview = QTextBrowser()
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([380, 420])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("Open again"))
        self.delete_button = QPushButton(self.tr("Delete"))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.task_filter.currentIndexChanged.connect(self.refresh)
        self.list.currentItemChanged.connect(self._show_preview)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.open_button.clicked.connect(lambda: self._open_item(self.list.currentItem()))
        self.delete_button.clicked.connect(self.delete_current)

    # --- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload runs (and document hits for a search) on a worker thread."""
        store, task = self.core.store, self.task_filter.currentData() or None
        query = self.search.text().strip()

        def load() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            if not query:
                return list(store.list_runs(limit=LIMIT, task=task)), []
            hits = list(store.search_text(query, limit=LIMIT))
            runs = [dict(h, id=h["run_id"]) for h in hits if h.get("kind") == "run"]
            runs = [r for r in runs if task is None or r.get("task") == task]
            return runs, [h for h in hits if h.get("kind") != "run"]

        self.loading = True
        run_in_background(self, load, self._loaded, self._failed, name="history")

    def _failed(self, exc: DeskmateError) -> None:
        self.loading = False
        self.error.emit(exc)

    def _loaded(self, result: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        self.loading = False
        self.runs, self.hits = result
        self.list.clear()
        for run in self.runs:
            shown = dict(run, task=self.task_titles.get(run.get("task", ""), run.get("task", "")))
            item = QListWidgetItem(run_title(shown))
            item.setData(RUN_ROLE, ("run", run))
            self.list.addItem(item)
        for hit in self.hits:
            text = str(hit.get("text") or hit.get("snippet") or "")[:80].replace("\n", " ")
            title = hit.get("title") or hit.get("path") or self.tr("Document")
            item = QListWidgetItem(f"🔎 {title}: {text}")
            item.setData(RUN_ROLE, ("hit", hit))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        if not self.runs and not self.hits:
            self.preview.setPlainText(self.tr("Nothing here yet."))

    # --- actions -----------------------------------------------------------------------------
    def _show_preview(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        _kind, data = item.data(RUN_ROLE)
        self.preview.setMarkdown(str(data.get("output") or data.get("text") or ""))

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kind, data = item.data(RUN_ROLE)
        if kind == "run":
            self.open_run.emit(data)

    def select_run(self, run_id: int) -> bool:
        for row in range(self.list.count()):
            kind, data = self.list.item(row).data(RUN_ROLE)
            if kind == "run" and data.get("id") == run_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kind, data = item.data(RUN_ROLE)
        if kind != "run":
            return
        run_id = int(data["id"])
        store = self.core.store
        self.list.takeItem(self.list.row(item))
        self.runs = [r for r in self.runs if r.get("id") != run_id]
        run_in_background(
            self,
            lambda: store.delete_run(run_id),
            lambda _: self.deleted.emit(run_id),
            self._failed,
            name="delete",
        )

    def restore(self, run_id: int) -> None:
        store = self.core.store
        run_in_background(
            self, lambda: store.restore_run(run_id), lambda _: self.refresh(), self._failed
        )
