"""History: every run, searchable, filterable by task, open again, delete with undo; the stored
documents (delete with undo) and the trash (restore runs and documents) as two more filters."""

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

from assistant.errors import DeskmateError, UserError
from ui.dates import shown_time, user_zone
from ui.message_bar import MessageBar
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.search import Hit

RUN_ROLE = Qt.ItemDataRole.UserRole
LIMIT = 200
DOCUMENTS, TRASH = "@documents", "@trash"  # views in the task filter beside the tasks
UNDO_MS = 15000
Loaded = tuple[int, list[dict[str, Any]], list["Hit"], list[dict[str, Any]]]


def document_title(doc: dict[str, Any], tz: str = "UTC") -> str:
    when = shown_time(str(doc.get("deleted_at") or doc.get("added_at") or ""), tz)
    kind = f"[{doc['format']}]" if doc.get("format") else ""
    return f"📄 {when}  {doc.get('title') or doc.get('path') or doc.get('id')}  {kind}".strip()


def run_title(run: dict[str, Any], tz: str = "UTC") -> str:
    when = shown_time(str(run.get("created_at") or run.get("started_at") or ""), tz)
    source = run.get("input_path") or (run.get("input_text") or "")[:60].replace("\n", " ")
    status = run.get("status") or ""
    return f"{when}  {run.get('task', '')}  [{status}]  {source}".strip()


def _view_rows(
    store: Any, view: str, query: str, tz: str
) -> tuple[list[dict[str, Any]], list[Hit], list[dict[str, Any]]]:
    """The Documents or Trash view: (trashed runs, no hits, documents), filtered by ``query``
    (every word in the title, file or task)."""
    trash = view == TRASH
    runs = list(store.list_trash(LIMIT)) if trash else []
    docs = store.list_document_trash(LIMIT) if trash else store.list_documents(LIMIT)
    words = query.casefold().split()
    if words:
        runs = [r for r in runs if all(w in run_title(r, tz).casefold() for w in words)]
        docs = [d for d in docs if all(w in document_title(d, tz).casefold() for w in words)]
    return runs, [], docs


class HistoryPage(QWidget):
    open_run = Signal(object)  # the run dict -> shown again in its task page
    open_event = Signal(object)  # a calendar hit's start (datetime) -> the Schedule page
    loaded = Signal()
    deleted = Signal(int)  # run id -> the window offers Undo
    document_deleted = Signal(int)  # document id, now in the trash (the page offers Undo)
    error = Signal(object)

    def __init__(self, core: Core, tasks: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.setObjectName("page_history")
        self.runs: list[dict[str, Any]] = []
        self.hits: list[Hit] = []
        self.documents: list[dict[str, Any]] = []
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
        self.task_filter.insertSeparator(self.task_filter.count())
        self.task_filter.addItem(self.tr("Documents"), DOCUMENTS)
        self.task_filter.addItem(self.tr("Trash"), TRASH)
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
        self.undo_bar = MessageBar()
        self.undo_bar.setObjectName("historyUndoBar")
        layout.addWidget(self.undo_bar)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("Open again"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.hide()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.restore_button)
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
        self.restore_button.clicked.connect(self.restore_current)

    def zone(self) -> str:
        """The user's time zone (setting, else the system's) for the times shown."""
        return user_zone(self.core)

    # --- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the runs, or search everything with the core's search, on a worker thread."""
        core, task = self.core, self.task_filter.currentData() or None
        query = self.search.text().strip()
        view = task if task in (DOCUMENTS, TRASH) else None
        tz = self.zone()
        self.delete_button.setVisible(view != TRASH)
        self.restore_button.setVisible(view == TRASH)
        self.open_button.setVisible(view is None)

        self._generation += 1
        generation = self._generation

        def load() -> Loaded:
            store = core.store
            if view is not None:
                return generation, *_view_rows(store, view, query, tz)
            if not query:
                return generation, list(store.list_runs(limit=LIMIT, task=task)), [], []
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
            return generation, runs, others, []

        self.loading = True
        self.query = query
        run_in_background(self, load, self._loaded, self._failed, name="history")

    def _failed(self, exc: DeskmateError) -> None:
        self.loading = False
        self.error.emit(exc)

    def _loaded(self, result: Loaded) -> None:
        generation, runs, hits, documents = result
        if generation != self._generation:
            return  # a newer search or filter is on its way
        self.loading = False
        self.runs, self.hits, self.documents = runs, hits, documents
        self.list.clear()
        tz = self.zone()
        for run in self.runs:
            task, status = str(run.get("task", "")), str(run.get("status", ""))
            shown = dict(
                run,
                task=self.task_titles.get(task, task),
                status=self.statuses.get(status, status),
            )
            item = QListWidgetItem(run_title(shown, tz))
            item.setData(RUN_ROLE, ("run", run))
            self.list.addItem(item)
        for hit in self.hits:
            icon = "📅" if hit.kind == "event" else "📄"
            where = f" ({hit.where})" if hit.where else ""
            item = QListWidgetItem(f"{icon} {hit.title}{where}: {hit.snippet[:80]}")
            item.setData(RUN_ROLE, (hit.kind, hit))
            self.list.addItem(item)
        for doc in self.documents:
            item = QListWidgetItem(document_title(doc, tz))
            item.setData(RUN_ROLE, ("document", doc))
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
        elif kind == "document":
            self.preview.setPlainText(
                "\n".join(str(data.get(k) or "") for k in ("title", "path", "added_at"))
            )
        else:
            self.preview.setPlainText(f"{data.title} {data.where}\n\n{data.snippet}")

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None or self.task_filter.currentData() == TRASH:
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
        """Move the selected run, or document (or the document of a search hit), to the trash."""
        item = self.list.currentItem()
        if item is None:
            return
        kind, data = item.data(RUN_ROLE)
        if kind not in ("run", "document", "chunk"):
            return
        store = self.core.store
        self.list.takeItem(self.list.row(item))
        if kind == "document":
            self.delete_document(int(data["id"]), str(data.get("title") or data["id"]))
            return
        if kind == "chunk":
            chunk_id, title = int(data.ref), data.title

            def trash_hit() -> int:
                chunks = store.get_chunks_by_id([chunk_id])
                if not chunks:
                    raise UserError(f"the document of part {chunk_id} is gone or in the trash")
                document_id = int(chunks[0]["document_id"])
                store.delete_document(document_id)
                return document_id

            run_in_background(
                self, trash_hit, lambda doc_id: self._document_gone(doc_id, title), self._failed
            )
            return
        run_id = int(data["id"])
        self.runs = [r for r in self.runs if r.get("id") != run_id]
        run_in_background(
            self,
            lambda: store.delete_run(run_id),
            lambda _: self.deleted.emit(run_id),
            self._failed,
            name="delete",
        )

    def delete_document(self, document_id: int, title: str) -> None:
        store = self.core.store
        self.documents = [d for d in self.documents if d.get("id") != document_id]
        run_in_background(
            self,
            lambda: store.delete_document(document_id),
            lambda _: self._document_gone(document_id, title),
            self._failed,
            name="delete",
        )

    def _document_gone(self, document_id: int, title: str) -> None:
        self.undo_bar.show_message(
            self.tr("Document moved to the trash: %1").replace("%1", title),
            action_text=self.tr("Undo"),
            action=lambda: self.restore_document(document_id),
            timeout_ms=UNDO_MS,
        )
        self.document_deleted.emit(document_id)
        if self.hits:
            self.refresh()  # other hits of the same document go too

    def restore_document(self, document_id: int) -> None:
        store = self.core.store
        run_in_background(
            self,
            lambda: store.restore_document(document_id),
            lambda _: self.refresh(),
            self._failed,
        )

    def restore_current(self) -> None:
        """Take the selected run or document out of the trash."""
        item = self.list.currentItem()
        if item is None:
            return
        kind, data = item.data(RUN_ROLE)
        if kind == "document":
            self.restore_document(int(data["id"]))
        elif kind == "run":
            self.restore(int(data["id"]))

    def restore(self, run_id: int) -> None:
        store = self.core.store
        run_in_background(
            self, lambda: store.restore_run(run_id), lambda _: self.refresh(), self._failed
        )
