"""History: every run, searchable, filterable by task, open again, delete with undo."""

from __future__ import annotations

from datetime import datetime
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
    from assistant.search import Hit

RUN_ROLE = Qt.ItemDataRole.UserRole
LIMIT = 200


def run_title(run: dict[str, Any]) -> str:
    when = str(run.get("created_at") or run.get("started_at") or "")[:16].replace("T", " ")
    source = run.get("input_path") or (run.get("input_text") or "")[:60].replace("\n", " ")
    status = run.get("status") or ""
    return f"{when}  {run.get('task', '')}  [{status}]  {source}".strip()


class HistoryPage(QWidget):
    open_run = Signal(object)  # the run dict -> shown again in its task page
    open_event = Signal(object)  # a calendar hit's start (datetime) -> the Schedule page
    loaded = Signal()
    deleted = Signal(int)  # run id -> the window offers Undo
    error = Signal(object)

    def __init__(self, core: Core, tasks: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.setObjectName("page_history")
        self.runs: list[dict[str, Any]] = []
        self.hits: list[Hit] = []
        self.query = ""
        self._generation = 0
        self.loading = False
        layout = QVBoxLayout(self)
        title = self.tr("History")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        self.task_titles = {
            **dict(tasks),
            "ask": self.tr("Ask"),
            "calendar-import": self.tr("Calendar import"),
        }
        self.statuses = {
            "done": self.tr("done"),
            "cancelled": self.tr("cancelled"),
            "failed": self.tr("failed"),
            "running": self.tr("running"),
        }
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search results and documents…"))
        self.search.setClearButtonEnabled(True)
        self.task_filter = QComboBox()
        self.task_filter.addItem(self.tr("All tasks"), "")
        for key, title in self.task_titles.items():
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
        """Reload the runs, or search everything with the core's search, on a worker thread."""
        core, task = self.core, self.task_filter.currentData() or None
        query = self.search.text().strip()

        self._generation += 1
        generation = self._generation

        def load() -> tuple[int, list[dict[str, Any]], list[Hit]]:
            store = core.store
            if not query:
                return generation, list(store.list_runs(limit=LIMIT, task=task)), []
            runs: list[dict[str, Any]] = []
            others: list[Hit] = []
            for hit in core.search(query, limit=LIMIT):
                if hit.kind != "run":
                    if task is None:
                        others.append(hit)
                    continue
                run = store.get_run(int(hit.ref))
                if run is None or run.get("deleted_at"):
                    continue
                if task is None or run.get("task") == task:
                    runs.append(run)
            return generation, runs, others

        self.loading = True
        self.query = query
        run_in_background(self, load, self._loaded, self._failed, name="history")

    def _failed(self, exc: DeskmateError) -> None:
        self.loading = False
        self.error.emit(exc)

    def _loaded(self, result: tuple[int, list[dict[str, Any]], list[Hit]]) -> None:
        generation, runs, hits = result
        if generation != self._generation:
            return  # a newer search or filter is on its way
        self.loading = False
        self.runs, self.hits = runs, hits
        self.list.clear()
        for run in self.runs:
            task, status = str(run.get("task", "")), str(run.get("status", ""))
            shown = dict(
                run,
                task=self.task_titles.get(task, task),
                status=self.statuses.get(status, status),
            )
            item = QListWidgetItem(run_title(shown))
            item.setData(RUN_ROLE, ("run", run))
            self.list.addItem(item)
        for hit in self.hits:
            icon = "📅" if hit.kind == "event" else "📄"
            where = f" ({hit.where})" if hit.where else ""
            item = QListWidgetItem(f"{icon} {hit.title}{where}: {hit.snippet[:80]}")
            item.setData(RUN_ROLE, (hit.kind, hit))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.preview.setPlainText(
                self.tr("Nothing found.") if self.query else self.tr("Nothing here yet.")
            )
        self.loaded.emit()

    # --- actions -----------------------------------------------------------------------------
    def _show_preview(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kind, data = item.data(RUN_ROLE)
        if kind == "run":
            self.preview.setMarkdown(str(data.get("output") or ""))
        elif kind == "event":
            self.preview.setPlainText(f"{data.title}\n{data.where}\n{data.snippet}")
        else:
            self.preview.setPlainText(f"{data.title} {data.where}\n\n{data.snippet}")

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kind, data = item.data(RUN_ROLE)
        if kind == "run":
            self.open_run.emit(data)
        elif kind == "event":
            try:
                self.open_event.emit(datetime.fromisoformat(data.where))
            except ValueError:
                self.open_event.emit(None)

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
