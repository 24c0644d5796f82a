"""A week view of calendar events: seven day columns, an all-day strip, working hours.

Stored events are drawn solid; suggestions not accepted yet are drawn dashed ("tentative").
A click selects a stored event; Delete (the button, the Delete key or the context menu) asks the
owner to delete it (``delete_requested``). The widget only paints what it is given; the Schedule
page loads and deletes the events off the GUI thread.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from assistant.calendar import CalEvent


@dataclass(frozen=True)
class Shown:
    """One box in the week: times already in the view's zone."""

    title: str
    start: datetime
    end: datetime
    all_day: bool = False
    tentative: bool = False
    location: str = ""
    uid: str = ""  # the stored event's uid ("" for a suggestion)
    waiting: str = ""  # its change waits for the calendar server: the OutboxState


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_bounds(monday: date, tz: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(tz)
    start = datetime.combine(monday, time(0), zone)
    return start, datetime.combine(monday + timedelta(days=7), time(0), zone)


def occurrences(
    events: list[CalEvent], monday: date, tz: str, waiting: Mapping[str, str] | None = None
) -> list[Shown]:
    """The events (recurring ones expanded) that fall in the week of ``monday``, in ``tz``;
    ``waiting``: uid -> the state of its change the server has not taken yet."""
    from assistant.calendar.occurrences import expand

    zone = ZoneInfo(tz)
    start, end = week_bounds(monday, tz)
    shown: list[Shown] = []
    for found in expand(events, start, end):
        event = found.event
        if event.all_day:
            a = datetime.combine(found.start.date(), time(0), zone)
            b = datetime.combine(found.end.date(), time(0), zone)
        else:
            a, b = found.start.astimezone(zone), found.end.astimezone(zone)
        state = (waiting or {}).get(event.uid, "")
        shown.append(
            Shown(event.title, a, b, event.all_day, False, event.location, event.uid, state)
        )
    return sorted(shown, key=lambda s: (s.start, s.title))


class WeekCanvas(QWidget):
    """Paints the grid and the boxes; a click selects a stored event."""

    selection_changed = Signal(str)  # uid, "" when nothing is selected
    delete_requested = Signal(str)  # uid
    reminder_requested = Signal(str, int)  # uid, minutes before (-1: the default setting)

    HEADER = 34
    ALL_DAY = 24
    GUTTER = 44

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekCanvas")
        self.setMinimumSize(420, 260)
        self.monday = monday_of(date.today())
        self.today = date.today()
        self.items: list[Shown] = []
        self.first_hour, self.last_hour = 8, 19
        self.selected = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_items(self, items: list[Shown], work: tuple[int, int]) -> None:
        self.items = items
        timed = [s for s in items if not s.all_day]
        first = min([work[0], *(s.start.hour for s in timed)])
        last = max([work[1], *((s.end - timedelta(seconds=1)).hour + 1 for s in timed)])
        self.first_hour, self.last_hour = max(0, first), min(24, max(last, first + 1))
        self.update()

    def column_rect(self, day: int) -> QRectF:
        width = (self.width() - self.GUTTER) / 7
        return QRectF(self.GUTTER + day * width, 0, width, self.height())

    def _y(self, moment: datetime) -> float:
        return self._y_minutes(moment.hour * 60 + moment.minute)

    def _y_minutes(self, minute_of_day: int) -> float:
        top = self.HEADER + self.ALL_DAY
        span = (self.last_hour - self.first_hour) * 60
        minutes = min(max(minute_of_day - self.first_hour * 60, 0), span)
        return top + (self.height() - top - 2) * minutes / span

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text, grid = pal.text().color(), QColor(pal.mid().color())
        accent = pal.highlight().color()
        p.fillRect(self.rect(), pal.base())
        locale = QLocale()
        top = self.HEADER + self.ALL_DAY
        p.setPen(QPen(grid, 1))
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self._y_minutes(hour * 60)
            p.drawLine(self.GUTTER, int(y), self.width(), int(y))
            if hour < self.last_hour:
                p.setPen(pal.placeholderText().color())
                p.drawText(
                    QRectF(0, y, self.GUTTER - 4, 16), Qt.AlignmentFlag.AlignRight, f"{hour:02d}"
                )
                p.setPen(QPen(grid, 1))
        for day in range(7):
            col = self.column_rect(day)
            d = self.monday + timedelta(days=day)
            if d == self.today:
                tint = QColor(accent)
                tint.setAlpha(25)
                p.fillRect(col, tint)
            p.setPen(QPen(grid, 1))
            p.drawLine(int(col.left()), 0, int(col.left()), self.height())
            p.setPen(accent if d == self.today else text)
            label = f"{locale.dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)} {d.day}"
            p.drawText(
                col.adjusted(0, 0, 0, -(col.height() - self.HEADER)),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        p.setPen(QPen(grid, 1))
        p.drawLine(self.GUTTER, top, self.width(), top)
        for item in self.items:
            self._paint_item(p, item, accent, text)
        p.end()

    def box(self, item: Shown) -> QRectF | None:
        """Where ``item`` is drawn (None when it is outside the week)."""
        day = (item.start.date() - self.monday).days
        if item.all_day:
            last = min(6, (item.end.date() - self.monday).days - 1)
            first = max(0, day)
            if last < first:
                return None
            a, b = self.column_rect(first), self.column_rect(last)
            return QRectF(a.left() + 2, self.HEADER + 2, b.right() - a.left() - 4, self.ALL_DAY - 4)
        else:
            if not 0 <= day < 7:
                day = 0 if day < 0 else 6
            col = self.column_rect(day)
            end = (
                item.end
                if item.end.date() == item.start.date()
                else (datetime.combine(item.start.date(), time(23, 59), item.start.tzinfo))
            )
            y0, y1 = self._y(item.start), self._y(end)
            return QRectF(col.left() + 2, y0 + 1, col.width() - 4, max(16.0, y1 - y0 - 2))

    def item_at(self, pos: QPointF) -> Shown | None:
        """The stored event drawn at ``pos`` (the last drawn wins, as on screen)."""
        for item in reversed(self.items):
            box = self.box(item)
            if item.uid and box is not None and box.contains(pos):
                return item
        return None

    def select(self, uid: str) -> None:
        if uid != self.selected:
            self.selected = uid
            self.update()
            self.selection_changed.emit(uid)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        self.select(item.uid if item is not None else "")
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected:
            self.delete_requested.emit(self.selected)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.item_at(QPointF(event.pos()))
        if item is None:
            return
        self.select(item.uid)
        menu = QMenu(self)
        remind = menu.addMenu(self.tr("Remind me"))
        remind.addAction(self.tr("Default (Settings)"), lambda: self._remind(item.uid, -1))
        choices = (
            (0, self.tr("At the start")),
            (5, self.tr("5 min before")),
            (10, self.tr("10 min before")),
            (15, self.tr("15 min before")),
            (30, self.tr("30 min before")),
            (60, self.tr("1 hour before")),
            (1440, self.tr("1 day before")),
        )
        for minutes, label in choices:
            remind.addAction(label, functools.partial(self._remind, item.uid, minutes))
        menu.addAction(self.tr("Delete event"), lambda: self.delete_requested.emit(item.uid))
        menu.exec(event.globalPos())

    def event(self, e: QEvent) -> bool:
        """The tooltip of an event whose change waits for the calendar server."""
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            from ui.pages.calendar_outbox import state_text

            item = self.item_at(QPointF(e.pos()))
            if item is not None and item.waiting:
                QToolTip.showText(e.globalPos(), state_text("put", item.waiting), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _remind(self, uid: str, minutes: int) -> None:
        self.reminder_requested.emit(uid, minutes)

    def _paint_item(self, p: QPainter, item: Shown, accent: QColor, text: QColor) -> None:
        box = self.box(item)
        if box is None:
            return
        fill = QColor(accent)
        fill.setAlpha(60 if item.tentative else 150)
        p.setBrush(fill)
        style = Qt.PenStyle.DashLine if item.tentative else Qt.PenStyle.SolidLine
        selected = bool(item.uid) and item.uid == self.selected
        pen = QPen(text if selected else accent, 3 if selected else 1.5, style)
        p.setPen(pen)
        p.drawRoundedRect(box, 4, 4)
        p.setPen(text)
        caption = item.title if item.all_day else f"{item.start:%H:%M} {item.title}"
        if item.waiting:  # not on the calendar server yet (the tooltip says why)
            caption = ("⚠ " if item.waiting in ("conflict", "refused") else "↻ ") + caption
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        p.drawText(box.adjusted(3, 1, -2, -1), int(flags), caption)


class WeekView(QWidget):
    """Navigation (previous, this week, next) over a ``WeekCanvas``."""

    week_changed = Signal()
    delete_requested = Signal(str)  # uid of the selected stored event
    reminder_requested = Signal(str, int)  # uid, minutes before (-1: the default setting)
    sync_requested = Signal()  # Sync now: the connected calendars

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.waiting: dict[str, str] = {}
        self.tz = "UTC"
        self.work = (8, 19)
        self.stored: list[CalEvent] = []
        self.tentative: list[Shown] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        nav = QHBoxLayout()
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous week"))
        self.today_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next week"))
        self.title = QLabel()
        self.title.setObjectName("weekTitle")
        for w in (self.prev_button, self.today_button, self.next_button):
            nav.addWidget(w)
        nav.addWidget(self.title, 1)
        self.delete_button = QPushButton(self.tr("Delete event"))
        self.delete_button.setObjectName("deleteEvent")
        self.delete_button.setToolTip(
            self.tr("Delete the selected event (it goes to the trash; Undo brings it back)")
        )
        self.delete_button.setEnabled(False)
        nav.addWidget(self.delete_button)
        reload = self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        self.sync_button = QPushButton(reload, self.tr("Sync now"))
        self.sync_button.setObjectName("syncCalendars")
        self.sync_button.setToolTip(self.tr("Sync your calendars with the server now (F5)"))
        self.sync_button.setVisible(False)  # shown once a CalDAV calendar is chosen
        self.sync_button.clicked.connect(self.sync_requested)
        QShortcut(QKeySequence("F5"), self, self._sync_key)
        nav.addWidget(self.sync_button)
        layout.addLayout(nav)
        self.canvas = WeekCanvas()
        layout.addWidget(self.canvas, 1)
        self.canvas.selection_changed.connect(lambda uid: self.delete_button.setEnabled(bool(uid)))
        self.canvas.delete_requested.connect(self.delete_requested)
        self.canvas.reminder_requested.connect(self.reminder_requested)
        self.delete_button.clicked.connect(self._delete_selected)
        self.prev_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.today_button.clicked.connect(lambda: self.show_week(self.today()))
        self._update_title()

    @property
    def monday(self) -> date:
        return self.canvas.monday

    def today(self) -> date:
        return datetime.now(ZoneInfo(self.tz)).date()

    def set_zone(self, tz: str, work: tuple[int, int]) -> None:
        self.tz, self.work = tz, work
        self.canvas.today = self.today()

    def show_week(self, day: date) -> None:
        """Move to the week containing ``day``; the owner reloads the events."""
        self.canvas.monday = monday_of(day)
        self.canvas.today = self.today()
        self._update_title()
        self.week_changed.emit()

    def bounds(self) -> tuple[datetime, datetime]:
        return week_bounds(self.monday, self.tz)

    def _sync_key(self) -> None:
        if self.sync_button.isVisible():
            self.sync_requested.emit()

    def set_events(self, events: list[CalEvent], waiting: Mapping[str, str] | None = None) -> None:
        """``waiting``: uid -> the state of its change the calendar server has not taken."""
        self.stored = list(events)
        self.waiting = dict(waiting or {})
        if self.canvas.selected not in {e.uid for e in self.stored}:
            self.canvas.select("")
        self._refresh()

    def select(self, uid: str) -> None:
        """Select a stored event (as a click on it does)."""
        self.canvas.select(uid)

    def _delete_selected(self) -> None:
        if self.canvas.selected:
            self.delete_requested.emit(self.canvas.selected)

    def set_tentative(self, items: list[Shown]) -> None:
        self.tentative = list(items)
        self._refresh()

    def shown(self) -> list[Shown]:
        """Everything drawn this week (stored and tentative)."""
        return self.canvas.items

    def _refresh(self) -> None:
        items = occurrences(self.stored, self.monday, self.tz, self.waiting)
        start, end = self.bounds()
        items += [s for s in self.tentative if s.end > start and s.start < end]
        self.canvas.set_items(items, self.work)

    def _update_title(self) -> None:
        from assistant.calendar.human_dates import format_day
        from ui.dates import people_lang

        lang, today = people_lang(), date.today()
        first, last = (
            format_day(day, lang=lang, today=today, relative=False)
            for day in (self.monday, self.monday + timedelta(days=6))
        )
        self.title.setText(self.tr("Week of %1 – %2").replace("%1", first).replace("%2", last))
