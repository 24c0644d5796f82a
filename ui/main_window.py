"""The main window: sidebar of pages, message bar, status bar with the model state, drops.

Start-up matters (the window must be on screen fast): only the first page is built with the
window; the others are built the first time they are shown or asked for (``page``,
``task_pages[key]``, ``history``, ``settings_page``).
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError
from assistant.llm.params import ModelStatus
from assistant.settings.schema import by_key
from assistant.tasks.schedule_plan import planned_suggestions
from ui import worker
from ui.crash import show_crash
from ui.dates import shown_time
from ui.drop import DropOverlay, dropped_paths
from ui.message_bar import MessageBar, error_text
from ui.pages.specs import TaskSpec, route_for, task_specs

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.calsync.autosync import SyncReport
    from assistant.core import Core
    from ui.pages.history import HistoryPage
    from ui.pages.schedule_page import SchedulePage
    from ui.pages.settings_page import SettingsPage
    from ui.pages.task_page import TaskPage

log = logging.getLogger(__name__)
JOIN_TIMEOUT_S = 3.0
RUN_PAGES = {"calendar-import": "schedule"}  # runs recorded under another name than their page


class TaskPages(dict[str, "TaskPage"]):
    """The task pages built so far; ``pages[key]`` builds a page on first use. Iterating gives
    the built pages only (a page never built has nothing running)."""

    def __init__(self, build: Callable[[str], TaskPage]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> TaskPage:
        return self._build(key)  # raises KeyError for a key that is not a task page


class MainWindow(QMainWindow):
    model_status_changed = Signal(str)
    setting_changed = Signal(str, object)
    run_finished = Signal(str, object)  # task key, Done | None
    closed = Signal()  # really closed (not hidden to the tray)
    mail_accounts_changed = Signal()

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("mainWindow")
        self.setWindowTitle("Deskmate")
        self.resize(980, 700)
        self.setAcceptDrops(True)
        self.allow_close_to_tray = False  # the app turns this on when a tray icon exists
        self.quitting = False
        self.model_status = ""
        self._status_requested = False
        self.autoload_model = True  # load the model (and its status) once the window is shown
        self.specs = [spec for spec in task_specs() if spec.page]
        self.task_pages = TaskPages(self._build_task_page)
        self.page_keys: list[str] = []
        self._builders: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.message_bar = MessageBar()
        outer.addWidget(self.message_bar)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.stack = QStackedWidget()
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        for spec in self.specs:
            self._add_page(
                spec.key, spec.title, functools.partial(self.task_pages.__getitem__, spec.key)
            )
        self._add_page("mail", self.tr("Mail"), self._build_mail)
        self._add_page("ask", self.tr("Ask documents"), self._build_ask)
        self._add_page("library", self.tr("Library"), self._build_library)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, lambda: self.show_page("library"))
        self._add_page("history", self.tr("History"), self._build_history)
        self._add_page("settings", self.tr("Settings"), self._build_settings)
        self.sidebar.currentRowChanged.connect(self._page_selected)
        self.sidebar.setCurrentRow(0)
        from ui.calendar_sync import CalendarSync

        self.calendar_sync = CalendarSync(core, self)  # the app starts it
        self.calendar_sync.report.connect(self._calendar_synced)

        self.status_label = QLabel(self.tr("Model: not loaded yet"))
        self.status_label.setObjectName("modelStatus")
        self.statusBar().addPermanentWidget(self.status_label, 1)
        self.overlay = DropOverlay(central)

    # --- pages, built on first use ------------------------------------------------------------
    def _add_page(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        """A sidebar entry and a placeholder in the stack until ``build`` makes the page."""
        self.page_keys.append(key)
        self._builders[key] = build
        self.sidebar.addItem(title)
        self.stack.addWidget(QWidget())

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built now if it was not yet."""
        built = self._built.get(key)
        if built is None:
            built = self._builders[key]()  # the builder calls _place
        return built

    def _place(self, key: str, page: QWidget) -> None:
        row = self.page_keys.index(key)
        placeholder = self.stack.widget(row)
        current = self.stack.currentIndex()
        self.stack.insertWidget(row, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self._built[key] = page

    def _build_task_page(self, key: str) -> TaskPage:
        from ui.pages.task_page import TaskPage

        spec = self.spec(key)
        page: TaskPage
        if key == "schedule":
            from ui.pages.schedule_page import SchedulePage

            page = schedule = SchedulePage(self.core, spec)
            schedule.week.sync_requested.connect(self.calendar_sync.sync_now)
        elif key == "reply":
            from ui.pages.reply_page import ReplyPage

            page = ReplyPage(self.core, spec)
        elif key == "polish":
            from ui.pages.polish_page import PolishPage

            page = PolishPage(self.core, spec)
        else:
            page = TaskPage(self.core, spec)
        page.error.connect(self.show_error)
        page.crashed.connect(show_crash)
        page.run_finished.connect(lambda done: self._task_finished(key, done))
        dict.__setitem__(self.task_pages, key, page)
        self._place(key, page)
        return page

    def _build_mail(self) -> QWidget:
        from ui.pages.mail_page import MailPage

        mail = MailPage(self.core)
        mail.error.connect(self.show_error)
        mail.open_settings.connect(lambda: self.show_page("settings"))
        self._place("mail", mail)
        return mail

    def _build_ask(self) -> QWidget:
        from ui.pages.ask_page import AskPage

        ask = AskPage(self.core)
        ask.error.connect(self.show_error)
        ask.crashed.connect(show_crash)
        self._place("ask", ask)
        return ask

    def _build_library(self) -> QWidget:
        from ui.pages.library_page import LibraryPage

        library = LibraryPage(self.core)
        library.error.connect(self.show_error)
        library.crashed.connect(show_crash)
        self._place("library", library)
        return library

    def _build_history(self) -> HistoryPage:
        from ui.pages.history import HistoryPage

        history = HistoryPage(self.core, [(s.key, s.title) for s in self.specs])
        history.open_run.connect(self.open_run)
        history.open_event.connect(self.open_event)
        history.deleted.connect(self._run_deleted)
        history.error.connect(self.show_error)
        self._place("history", history)
        return history

    def _build_settings(self) -> SettingsPage:
        from ui.pages.settings_page import SettingsPage

        settings_page = SettingsPage(self.core)
        settings_page.changed.connect(self._setting_changed)
        settings_page.error.connect(self.show_error)
        settings_page.mail_accounts.changed.connect(self._mail_accounts_changed)
        calendars = settings_page.calendars
        calendars.sync_requested.connect(self.calendar_sync.sync_now)
        calendars.calendars_changed.connect(self.calendar_sync.calendars_changed)
        self.calendar_sync.report.connect(calendars.show_report)
        self._place("settings", settings_page)
        return settings_page

    def _mail_accounts_changed(self) -> None:
        self.mail_accounts_changed.emit()
        mail = self._built.get("mail")
        if mail is not None:
            mail.reload_accounts()  # type: ignore[attr-defined]

    def spec(self, key: str) -> TaskSpec:
        for spec in self.specs:
            if spec.key == key:
                return spec
        raise KeyError(key)

    @property
    def history(self) -> HistoryPage:
        return cast("HistoryPage", self.page("history"))

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self.page("settings"))

    @property
    def schedule_page(self) -> SchedulePage:
        from ui.pages.schedule_page import SchedulePage

        page = self.task_pages["schedule"]
        assert isinstance(page, SchedulePage)
        return page

    # --- navigation --------------------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        row = self.page_keys.index(key)
        self.sidebar.setCurrentRow(row)
        return self.page(key)

    def current_page_key(self) -> str:
        return self.page_keys[self.stack.currentIndex()]

    def _page_selected(self, row: int) -> None:
        key = self.page_keys[row]
        self.page(key)
        self.stack.setCurrentIndex(row)
        if key == "history":
            self.history.refresh()

    def open_event(self, start: object) -> None:
        """A calendar hit from History: the Schedule page on the week of the event."""
        self.show_page("schedule")
        if isinstance(start, datetime):
            self.schedule_page.show_week_of(start.date())

    def open_run(self, run: dict[str, Any]) -> None:
        key = str(run.get("task") or "")
        key = RUN_PAGES.get(key, key)
        if all(spec.key != key for spec in self.specs):
            self.message_bar.show_message(self.tr("This result's task is not available."))
            return
        page = self.task_pages[key]
        self.show_page(key)
        when = shown_time(str(run.get("created_at") or ""), self.history.zone())
        note = self.tr("From History: %1").replace("%1", when)
        data = run.get("data")
        if isinstance(data, dict) and data.get("resumable"):  # a stopped long summary
            note += " " + page.resume_note(int(data.get("sections_done") or 0))
        page.show_result(str(run.get("output") or ""), note)
        planned = planned_suggestions(data) if isinstance(data, dict) else None
        if key == "schedule" and planned:
            self.schedule_page.set_suggestions(planned)  # accept them later

    # --- model status ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.autoload_model and not self._status_requested:
            self._status_requested = True
            QTimer.singleShot(0, self.load_model_status)

    def load_model_status(self) -> None:
        """Load the model on a worker thread and show where it runs (window already shown)."""
        self.status_label.setText(self.tr("Loading the model…"))
        worker.run_in_background(
            self, self.core.warm_up, self._model_ready, self._model_failed, name="model"
        )

    def _model_ready(self, status: object) -> None:
        assert isinstance(status, ModelStatus)
        short = self._short_status(status)
        reason = status.device.reason
        self.model_status = f"{short}: {reason}" if reason and not status.device.server else short
        log.info("model-ready: %s", self.model_status)
        self.status_label.setText(self.tr("Model: %1").replace("%1", short))
        self.status_label.setToolTip(self.model_status)
        self.model_status_changed.emit(self.model_status)

    def _model_failed(self, error: DeskmateError) -> None:
        self.model_status = error_text(error)
        self.status_label.setToolTip(self.model_status)
        log.info("model-failed: %s", error.user_text())
        self.status_label.setText(self.tr("Model unavailable"))
        self.show_error(error)
        self.model_status_changed.emit(self.model_status)

    # --- messages ----------------------------------------------------------------------------
    def show_error(self, error: DeskmateError) -> None:
        self.message_bar.show_error(error)

    def _calendar_synced(self, report: SyncReport) -> None:
        """A calendar sync finished: a failure is shown once; the week shows what changed."""
        if report.error is not None and report.show:
            self.show_error(report.error)
        elif report.recovered:
            self.message_bar.show_message(self.tr("Calendar sync works again."))
        if "schedule" in self.task_pages:
            self.schedule_page.reload_events()

    def _short_status(self, status: ModelStatus) -> str:
        """The model's file name and where it runs, in the UI's language."""
        info = status.device
        if info.server:
            where = self.tr("the server at %1").replace("%1", info.server)
        elif info.on_gpu:
            where = self.tr("GPU (%1 layers)").replace("%1", str(info.n_gpu_layers))
        else:
            where = "CPU"
        name = Path(status.name).name or status.name
        return self.tr("%1 on %2").replace("%1", name).replace("%2", where)

    def _run_deleted(self, run_id: int) -> None:
        self.message_bar.show_message(
            self.tr("Result deleted."),
            action_text=self.tr("Undo"),
            action=lambda: self.history.restore(run_id),
            timeout_ms=15000,
        )

    def _task_finished(self, key: str, done: object) -> None:
        log.info("task finished: %s", key)
        self.run_finished.emit(key, done)

    def _setting_changed(self, key: str, value: object) -> None:
        reloads = by_key(key).reload
        if reloads == "engine":
            reload = self._status_requested  # else the model loads on first use anyway
            if reload:
                self.status_label.setText(self.tr("Model settings changed: reloading…"))

            def reloaded(_: object) -> None:
                if reload:
                    self.load_model_status()

            worker.run_in_background(self, self.core.reset_engine, reloaded, self.show_error)
        if reloads == "embedder":  # stored vectors re-embed in the background
            worker.run_in_background(
                self, self.core.reset_embedder, lambda _: None, self.show_error
            )
        if key == "calendar_sync_min":
            self.calendar_sync.interval_changed()
        if reloads == "calendar" and "schedule" in self.task_pages:
            self.schedule_page.apply_settings()  # a page built later reads the settings then
        self.setting_changed.emit(key, value)

    # --- drag and drop -----------------------------------------------------------------------
    def route_files(self, paths: list[Path]) -> dict[str, list[Path]]:
        """Send files to their pages (documents -> Summarize, .eml -> Reply, .ics -> Schedule)."""
        routed: dict[str, list[Path]] = defaultdict(list)
        for path in paths:
            routed[route_for(path, self.specs)].append(path)
        for key, files in routed.items():
            self.task_pages[key].enqueue(files)
        if routed:
            self.show_page(next(iter(routed)))
        return dict(routed)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        targets = {self.spec(route_for(p, self.specs)).title for p in paths}
        self.overlay.show_for(
            paths,
            self.tr("Drop %1 file(s) here: %2")
            .replace("%1", str(len(paths)))
            .replace("%2", ", ".join(sorted(targets))),
        )

    def dragMoveEvent(self, event: QEvent) -> None:
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.overlay.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.overlay.hide()
        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.route_files(paths)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        parent = self.overlay.parentWidget()
        if self.overlay.isVisible() and parent is not None:
            self.overlay.setGeometry(parent.rect())

    # --- closing -----------------------------------------------------------------------------
    def busy(self) -> bool:
        return any(page.runner.is_running() for page in self.task_pages.values())

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            not self.quitting
            and self.allow_close_to_tray
            and self.core.settings.get_bool("close_to_tray")
        ):
            event.ignore()
            self.hide()
            return
        self.shutdown()
        event.accept()
        self.closed.emit()

    def shutdown(self) -> None:
        """Cancel every run and wait for the workers, with a bound (never hangs)."""
        self.calendar_sync.stop()
        for page in self.task_pages.values():
            page.runner.cancel()
        mail = self._built.get("mail")
        if mail is not None:
            mail.shutdown()  # type: ignore[attr-defined]
        # The model warm-up only loads (writes nothing): quitting does not wait for it.
        if not worker.join_all(JOIN_TIMEOUT_S, skip=("model",)):
            log.warning("workers still running at close: %s", worker.live_workers())
