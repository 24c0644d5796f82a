"""The Tasks list beside the week in Schedule: add a task (title, due phrase, minutes), mark it
done or delete it, and "Plan my day / week": the plan's blocks with one line of why each, the
overload when the tasks do not fit, and Accept (selected blocks or the whole plan). Store work
runs on worker threads; the planning itself is the core's (``assistant.tasks.plan_day``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.calendar.human_dates import format_minutes, format_span, format_when
from ui.dates import people_lang
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.calendar import CalEvent
    from assistant.calendar.todo import Todo
    from assistant.core import Core
    from assistant.tasks.plan_day import DayPlan, Scope

ID_ROLE = Qt.ItemDataRole.UserRole


class TasksPanel(QWidget):
    error = Signal(object)  # DeskmateError
    plan_ready = Signal(object)  # DayPlan (also shown here)
    accepted = Signal(list)  # the CalEvents stored from accepted blocks
    changed = Signal()  # the task list was reloaded

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasksPanel")
        self.core = core
        self.tz = "UTC"
        self.day_plan: DayPlan | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)  # tests set a fixed time
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self.tr("Tasks"))
        self.header.setObjectName("tasksHeader")
        layout.addWidget(self.header)
        self.list = QListWidget()
        self.list.setObjectName("tasksList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list, 2)
        self.empty = QLabel(
            self.tr("No tasks yet. Add one below, or let Schedule find them in a mail.")
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addLayout(self._add_row())
        layout.addLayout(self._task_buttons())
        self.overload = QLabel()
        self.overload.setObjectName("planOverload")
        self.overload.setWordWrap(True)
        self.overload.hide()
        layout.addWidget(self.overload)
        self.plan_list = QListWidget()
        self.plan_list.setObjectName("planList")
        self.plan_list.setWordWrap(True)
        self.plan_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.plan_list.hide()
        layout.addWidget(self.plan_list, 2)
        layout.addLayout(self._plan_buttons())
        # keys act where the focus is (the week view has its own Delete)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        done = QShortcut(QKeySequence("Ctrl+D"), self, self.mark_done)
        done.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, lambda: self.plan("day"))

    # --- layout ------------------------------------------------------------------------------
    def _icon(self, name: str) -> QIcon:
        return self.style().standardIcon(getattr(QStyle.StandardPixmap, name))

    def _add_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("New task…"))
        self.due_edit = QLineEdit()
        self.due_edit.setPlaceholderText(self.tr("Due: friday 5pm"))
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.add_button = QPushButton(self._icon("SP_FileDialogNewFolder"), self.tr("Add"))
        for edit in (self.title_edit, self.due_edit):
            edit.returnPressed.connect(self.add_task)
        self.add_button.clicked.connect(self.add_task)
        row.addWidget(self.title_edit, 3)
        row.addWidget(self.due_edit, 2)
        row.addWidget(self.minutes)
        row.addWidget(self.add_button)
        return row

    def _task_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.done_button = QPushButton(self._icon("SP_DialogApplyButton"), self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark the selected tasks done (Ctrl+D)"))
        self.delete_button = QPushButton(self._icon("SP_TrashIcon"), self.tr("Delete"))
        self.plan_day_button = QPushButton(
            self._icon("SP_FileDialogDetailedView"), self.tr("Plan my day")
        )
        self.plan_day_button.setToolTip(self.tr("Place the open tasks into today's free time"
                                                " (Ctrl+Shift+P)"))  # fmt: skip
        self.plan_week_button = QPushButton(self.tr("Plan my week"))
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button.clicked.connect(self.delete_selected)
        self.plan_day_button.clicked.connect(lambda: self.plan("day"))
        self.plan_week_button.clicked.connect(lambda: self.plan("week"))
        for button in (self.done_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.plan_day_button)
        row.addWidget(self.plan_week_button)
        return row

    def _plan_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.accept_selected_button = QPushButton(self.tr("Accept selected"))
        self.accept_all_button = QPushButton(self.tr("Accept plan"))
        self.accept_selected_button.clicked.connect(lambda: self.accept(selected_only=True))
        self.accept_all_button.clicked.connect(lambda: self.accept(selected_only=False))
        row.addStretch(1)
        row.addWidget(self.accept_selected_button)
        row.addWidget(self.accept_all_button)
        for button in (self.accept_selected_button, self.accept_all_button):
            button.hide()
        return row

    # --- the task list -----------------------------------------------------------------------
    def reload(self) -> None:
        store = self.core.store
        run_in_background(self, store.list_todos, self._show_todos, self.error.emit, name="todos")

    def _show_todos(self, todos: list[Todo]) -> None:
        self.list.clear()
        lang, now = people_lang(), datetime.now(UTC)
        for todo in todos:
            parts = [todo.title]
            if todo.due is not None:
                due = format_when(todo.due, lang=lang, tz=self.tz, now=now)
                parts.append(("⚠ " if todo.due < now else "") + due)
            parts.append(format_minutes(todo.estimate_min, lang=lang))
            item = QListWidgetItem("  ·  ".join(parts))
            item.setData(ID_ROLE, todo.id)
            if todo.priority == "high":
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.empty.setVisible(not todos)
        self.header.setText(self.tr("Tasks (%1)").replace("%1", str(len(todos))))
        self.changed.emit()

    def add_task(self) -> None:
        from zoneinfo import ZoneInfo

        from assistant.calendar.todo import TodoDraft, due_from_phrase

        title, due_text = self.title_edit.text().strip(), self.due_edit.text().strip()
        if not title:
            self.title_edit.setFocus()
            return
        store, tz, minutes = self.core.store, self.tz, self.minutes.value()

        def add() -> Todo:
            now = datetime.now(ZoneInfo(tz))
            due = due_from_phrase(due_text, now=now, tz=tz) if due_text else None
            return store.add_todo(TodoDraft(title, due=due, estimate_min=minutes))

        def added(_: Todo) -> None:
            self.title_edit.clear()
            self.due_edit.clear()
            self.reload()

        run_in_background(self, add, added, self.error.emit, name="add-todo")

    def selected_ids(self) -> list[int]:
        return [int(item.data(ID_ROLE)) for item in self.list.selectedItems()]

    def mark_done(self) -> None:
        ids, store = self.selected_ids(), self.core.store

        def work() -> None:
            for todo_id in ids:
                store.set_todo_status(todo_id, "done")

        if ids:
            run_in_background(self, work, lambda _: self.reload(), self.error.emit, name="done")

    def delete_selected(self) -> None:
        ids, store = self.selected_ids(), self.core.store

        def work() -> None:
            for todo_id in ids:
                store.delete_todo(todo_id)

        if ids:
            run_in_background(self, work, lambda _: self.reload(), self.error.emit, name="del")

    # --- planning ----------------------------------------------------------------------------
    def plan(self, scope: Scope) -> None:
        from assistant.tasks.plan_day import make_day_plan

        core, now = self.core, self.clock()
        run_in_background(
            self, lambda: make_day_plan(core, scope, now=now), self.show_plan, self.error.emit,
            name="plan",
        )  # fmt: skip

    def show_plan(self, day: DayPlan) -> None:
        from assistant.calendar.plan_text import overload_line, why

        self.day_plan = day
        lang, plan = people_lang(), day.plan
        self.plan_list.clear()
        for n, block in enumerate(plan.blocks, start=1):
            when = format_span(block.start, block.end, lang=lang, tz=day.tz, now=day.now)
            reason = why(block, lang=lang, tz=day.tz, now=day.now)
            item = QListWidgetItem(f"{n}. {when}  {block.todo.title}\n    {reason}")
            item.setData(ID_ROLE, n)
            self.plan_list.addItem(item)
        if not plan.blocks:
            self.plan_list.addItem(self.tr("Nothing to place: no open task fits this plan."))
            self.plan_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        text = overload_line(plan, lang=lang, tz=day.tz, now=day.now)
        self.overload.setText(f"⚠ {text}" if text else "")
        self.overload.setVisible(bool(text))
        self.plan_list.show()
        for button in (self.accept_selected_button, self.accept_all_button):
            button.setVisible(bool(plan.blocks))
        self.plan_ready.emit(day)

    def accept(self, *, selected_only: bool) -> None:
        from assistant.tasks.plan_day import accept_blocks

        day, core = self.day_plan, self.core
        if day is None:
            return
        numbers = None
        if selected_only:
            numbers = [int(i.data(ID_ROLE)) for i in self.plan_list.selectedItems()]
            if not numbers:
                return

        def stored(events: list[CalEvent]) -> None:
            self.accepted.emit(events)
            self.plan(self._scope_of(day))  # the accepted blocks are events now: plan again

        run_in_background(
            self, lambda: accept_blocks(core, day.plan, numbers), stored, self.error.emit,
            name="accept-plan",
        )  # fmt: skip

    @staticmethod
    def _scope_of(day: DayPlan) -> Scope:
        return "day" if (day.plan.end - day.plan.start).days < 1 else "week"

    def set_zone(self, tz: str) -> None:
        self.tz = tz
