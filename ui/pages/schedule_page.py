"""The Schedule page: the task page plus a week view of stored events and the suggestions of the
last run, each to accept (stored as an event, shown in the week) or reject. A stored event
selected in the week can be deleted: it goes to the trash, and a bar offers Undo."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError
from assistant.task_events import Done
from assistant.tasks.schedule_plan import PlannedSuggestion, Span, planned_suggestions
from ui.dates import shown_span
from ui.message_bar import MessageBar
from ui.pages.task_page import TaskPage
from ui.tasks_panel import TasksPanel
from ui.week_view import Shown, WeekView
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.calendar import CalEvent
    from assistant.core import Core
    from assistant.tasks.plan_day import DayPlan
    from ui.pages.specs import TaskSpec

    # the week's start, its events, uid -> a change waiting for the server, a calendar synced
    WeekLoad = tuple[datetime, list[CalEvent], dict[str, str], bool]


def _hour(text: str, default: int) -> int:
    try:
        return int(text.split(":")[0])
    except ValueError:
        return default


def time_choices(item: PlannedSuggestion, tz: str = "UTC") -> list[tuple[str, Span]]:
    """(label, span) options of a suggestion: its own time, then free-slot proposals."""
    choices: list[tuple[str, Span]] = []
    if item.start and item.end:
        label = shown_span(item.start.isoformat(), item.end.isoformat(), tz, all_day=item.all_day)
        if item.conflicts:
            label = "⚠ " + label
        choices.append((label, Span(item.start, item.end)))
    for slot in item.proposals:
        label = "↳ " + shown_span(slot.start.isoformat(), slot.end.isoformat(), tz)
        choices.append((label, slot))
    return choices


class SuggestionRow(QWidget):
    """One suggestion: title, the time to use, Accept and Reject."""

    accept = Signal(object)  # self
    reject = Signal(object)
    time_changed = Signal()

    def __init__(self, item: PlannedSuggestion, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.choices = time_choices(item, tz)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(2)
        title = QLabel(f"<b>{item.title}</b>")
        title.setWordWrap(True)
        title.setToolTip(self.tr("From the text: %1").replace("%1", item.when_text))
        outer.addWidget(title)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        self.when = QComboBox()
        self.when.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.when.setMinimumContentsLength(12)
        for label, _span in self.choices:
            self.when.addItem(label)
        if not self.choices:
            self.when.addItem(self.tr("no time given"))
            self.when.setEnabled(False)
        if item.conflicts:
            names = ", ".join(c.title for c in item.conflicts)
            self.when.setToolTip(self.tr("Conflicts with: %1").replace("%1", names))
        self.when.currentIndexChanged.connect(lambda _: self.time_changed.emit())
        layout.addWidget(self.when, 1)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setEnabled(bool(self.choices))
        self.reject_button = QPushButton(self.tr("Reject"))
        layout.addWidget(self.accept_button)
        layout.addWidget(self.reject_button)
        self.accept_button.clicked.connect(lambda: self.accept.emit(self))
        self.reject_button.clicked.connect(lambda: self.reject.emit(self))

    def chosen(self) -> PlannedSuggestion | None:
        """The suggestion with the picked time, or None when it has no time."""
        if not self.choices:
            return None
        _label, span = self.choices[max(0, self.when.currentIndex())]
        return self.item.at(span)


class SchedulePage(TaskPage):
    events_loaded = Signal()
    accepted = Signal(object)  # the stored CalEvent
    event_deleted = Signal(str)  # uid, now in the trash
    event_restored = Signal(str)  # uid, back from the trash
    reminder_set = Signal(str)  # uid whose reminder lead changed
    UNDO_MS = 15000

    def __init__(self, core: Core, spec: TaskSpec, parent: QWidget | None = None) -> None:
        self._loaded_once = False
        super().__init__(core, spec, parent)
        self.week.week_changed.connect(self.reload_events)
        self.week.delete_requested.connect(self.delete_event)
        self.week.reminder_requested.connect(self.set_reminder)
        self.apply_settings()

    # --- layout ------------------------------------------------------------------------------
    def _place_result(self, layout: QVBoxLayout) -> None:
        self.input.setMaximumHeight(90)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.result, 1)
        self.suggestions_label = QLabel(self.tr("Suggestions"))
        column.addWidget(self.suggestions_label)
        self.suggestions = QScrollArea()
        self.suggestions.setObjectName("suggestions")
        self.suggestions.setWidgetResizable(True)
        self.suggestions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        self.rows_layout = QVBoxLayout(holder)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.addStretch(1)
        self.suggestions.setWidget(holder)
        column.addWidget(self.suggestions, 1)
        splitter.addWidget(left)
        self.week = WeekView()
        splitter.addWidget(self.week)
        self.tasks = TasksPanel(self.core)
        splitter.addWidget(self.tasks)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([300, 520, 320])
        self.tasks.error.connect(self.error.emit)
        self.tasks.plan_ready.connect(self._show_plan)
        self.tasks.accepted.connect(self._plan_accepted)
        self.undo_bar = MessageBar()
        self.undo_bar.setObjectName("eventUndoBar")
        layout.addWidget(self.undo_bar)
        layout.addWidget(splitter, 1)

    # --- settings and loading ----------------------------------------------------------------
    def apply_settings(self) -> None:
        """Time zone and working hours from the settings (called again when they change)."""
        from assistant.tasks.schedule import resolve_zone

        try:
            tz = resolve_zone(self.core, "")
        except DeskmateError as exc:
            self.error.emit(exc)
            tz = "UTC"
        settings = self.core.settings
        work = (_hour(settings.get_str("work_start"), 8), _hour(settings.get_str("work_end"), 19))
        self.week.set_zone(tz, (min(work), max(work[1], min(work) + 1)))
        self.tasks.set_zone(tz)
        self._update_tentative()
        if self._loaded_once:
            self.reload_events()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload_events()
            self.tasks.reload()

    def reload_events(self) -> None:
        """Load the shown week's stored events on a worker thread."""
        start, end = self.week.bounds()
        store = self.core.store

        def load() -> WeekLoad:
            waiting = {e.uid: str(e.state) for e in store.caldav_outbox() if e.action == "put"}
            synced = any(c.selected for c in store.caldav_calendars())
            return start, store.events_between(start, end), waiting, synced

        run_in_background(self, load, self._events_arrived, self.error.emit, name="events")

    def _events_arrived(self, loaded: WeekLoad) -> None:
        start, events, waiting, synced = loaded
        if start != self.week.bounds()[0]:
            return  # the user moved on to another week meanwhile: its own load follows
        self.week.set_events(events, waiting)
        self.week.sync_button.setVisible(synced)
        self.events_loaded.emit()

    def show_week_of(self, day: date) -> None:
        self.week.show_week(day)  # emits week_changed -> reload_events

    # --- suggestions -------------------------------------------------------------------------
    def _on_done(self, done: Done) -> None:
        super()._on_done(done)
        planned = planned_suggestions(done.data)
        if planned is None:  # an .ics import (or another result): the week changed
            self.reload_events()
            return
        self.set_suggestions(planned)
        if any(item.todo_id for item in planned):
            self.tasks.reload()  # the to-dos found were stored

    def set_suggestions(self, planned: list[PlannedSuggestion]) -> None:
        for old in self.rows():
            self.rows_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        for item in planned:
            row = SuggestionRow(item, self.week.tz)
            row.accept.connect(self.accept_row)
            row.reject.connect(self.reject_row)
            row.time_changed.connect(self._update_tentative)
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
        self.suggestions_label.setText(
            self.tr("Suggestions (%1)").replace("%1", str(len(planned)))
            if planned
            else self.tr("No suggestions.")
        )
        self._update_tentative()
        first = next((r.chosen() for r in self.rows() if r.chosen() is not None), None)
        if first is not None:
            self.show_week_of(first.start.date() if first.start else date.today())

    def rows(self) -> list[SuggestionRow]:
        rows = []
        for i in range(self.rows_layout.count()):
            item = self.rows_layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, SuggestionRow):
                rows.append(widget)
        return rows

    def _remove_row(self, row: SuggestionRow) -> None:
        self.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._update_tentative()

    def _update_tentative(self) -> None:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(self.week.tz)
        shown: list[Shown] = []
        for row in self.rows():
            item = row.chosen()
            if item is None:
                continue
            if item.start is None or item.end is None:
                continue
            start, end = item.start.astimezone(zone), item.end.astimezone(zone)
            shown.append(Shown(item.title, start, end, item.all_day, True))
        self.week.set_tentative(shown)

    def reject_row(self, row: SuggestionRow) -> None:
        self._remove_row(row)

    def accept_row(self, row: SuggestionRow) -> None:
        """Store the suggestion (with the picked time) as an event, then show it in the week."""
        item = row.chosen()
        if item is None:
            return
        row.accept_button.setEnabled(False)
        core = self.core

        def save() -> CalEvent:
            return core.accept_suggestions([item], [1])[0]  # a stable uid: stored once

        def saved(event: CalEvent) -> None:
            self._remove_row(row)
            self.accepted.emit(event)
            self.status_label.setText(
                self.tr("Added to the calendar: %1").replace("%1", event.title)
            )
            if self.week.bounds()[0] <= event.start < self.week.bounds()[1]:
                self.reload_events()
            else:
                self.show_week_of(event.start.astimezone(self.week.bounds()[0].tzinfo).date())

        def failed(exc: DeskmateError) -> None:
            row.accept_button.setEnabled(True)
            self.error.emit(exc)

        run_in_background(self, save, saved, failed, name="accept")

    # --- plans -------------------------------------------------------------------------------
    def _show_plan(self, day: DayPlan) -> None:
        """The plan's blocks drawn as tentative boxes in the week (accepted ones become events)."""
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(self.week.tz)
        shown = [
            Shown(b.todo.title, b.start.astimezone(zone), b.end.astimezone(zone), False, True)
            for b in day.plan.blocks
        ]
        self.week.set_tentative(shown)
        if shown:
            self.show_week_of(shown[0].start.date())

    def _plan_accepted(self, events: list[CalEvent]) -> None:
        self.status_label.setText(
            self.tr("Added to the calendar: %1").replace("%1", str(len(events)))
        )
        self.reload_events()

    def set_reminder(self, uid: str, minutes: int) -> None:
        """The event's own reminder lead (-1: back to the default in Settings)."""
        store, value = self.core.store, None if minutes < 0 else minutes

        def done(_: object) -> None:
            self.status_label.setText(self.tr("Reminder changed."))
            self.reminder_set.emit(uid)

        run_in_background(
            self, lambda: store.set_event_reminder(uid, value), done, self.error.emit,
            name="remind",
        )  # fmt: skip

    # --- deleting (to the trash, with undo) --------------------------------------------------
    def delete_event(self, uid: str) -> None:
        """Move a stored event to the trash; the bar offers Undo for a while."""
        event = next((e for e in self.week.stored if e.uid == uid), None)
        title = event.title if event is not None else uid
        self.week.set_events([e for e in self.week.stored if e.uid != uid])  # at once
        store = self.core.store

        def deleted(_: object) -> None:
            self.undo_bar.show_message(
                self.tr("Event deleted: %1").replace("%1", title),
                action_text=self.tr("Undo"),
                action=lambda: self.restore_event(uid),
                timeout_ms=self.UNDO_MS,
            )
            self.event_deleted.emit(uid)

        def failed(exc: DeskmateError) -> None:
            self.error.emit(exc)
            self.reload_events()

        from assistant.calsync.service import delete_own_event
        from assistant.tasks.schedule import resolve_zone

        tz = resolve_zone(self.core, "")
        # An event Deskmate wrote to a CalDAV server is deleted there too; one synced from
        # elsewhere is refused (a typed error), a local one goes to the trash.
        run_in_background(
            self, lambda: delete_own_event(store, uid, tz), deleted, failed, name="delete"
        )

    def restore_event(self, uid: str) -> None:
        store = self.core.store

        def restored(_: object) -> None:
            self.event_restored.emit(uid)
            self.reload_events()

        from assistant.calsync.service import undo_delete

        # a delete the calendar server has not taken yet is taken back: nothing is deleted there
        run_in_background(
            self, lambda: undo_delete(store, uid), restored, self.error.emit, name="restore"
        )
