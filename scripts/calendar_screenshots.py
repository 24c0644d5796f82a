"""Screenshots of calendar sync (English and Chinese) against a real Radicale, under Xvfb:
Settings → Calendars with the changes waiting for the server (one pending, one conflict) and
the sync interval, and the Schedule page's week with the event not on the server yet, Sync
now and the failure shown once, and the sync interval setting: docs/screenshots/
calendars-<lang>.png, calendar-sync-<lang>.png, calendar-settings-<lang>.png.

Run: Xvfb :78 & DISPLAY=:78 QT_QPA_PLATFORM=xcb PYTHONPATH=. .venv/bin/python \
     scripts/calendar_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from assistant.calendar.model import CalEvent
from assistant.calendar.sync_model import CalendarAccount
from assistant.calsync.client import connect, list_calendars
from assistant.calsync.service import choose, publish_accepted, sync_all
from assistant.core import Core
from assistant.secrets import env_name
from scripts.mail_screenshots import wait
from tests.assistant.calsync.conftest import vevent
from tests.calserver import Radicale
from ui.look import install_translators
from ui.week_view import monday_of

OUT = Path("docs/screenshots")
TZ = "Asia/Shanghai"


def grab(window: QWidget, name: str, scroll: QScrollArea | None = None, to: object = None) -> None:
    """Save the window as ``name`` (after scrolling ``to`` a widget into view)."""
    if scroll is not None:
        scroll.ensureWidgetVisible(to, 0, 120)  # type: ignore[arg-type]
    QTest.qWait(300)
    window.grab().save(str(OUT / name))


def at(day: int, hour: int) -> datetime:
    zone = ZoneInfo(TZ)
    monday = monday_of(datetime.now(zone).date())
    return datetime(monday.year, monday.month, monday.day, hour, tzinfo=zone) + timedelta(day)


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def prepare(server: Radicale, core: Core, names: dict[str, str]) -> None:
    """A synced Work calendar; a conflict (edited here offline, moved by Ann meanwhile); a new
    event accepted while the server is down. The server is left down."""
    user = server.new_user()
    path = server.make_calendar(user, "work", "Work")
    server.make_calendar(user, "home", "Home")
    server.put(user, path + "standup.ics", vevent("standup", names["standup"],
               utc(at(0, 9)), utc(at(0, 9) + timedelta(minutes=30))))  # fmt: skip
    os.environ[env_name("caldav_password_radicale")] = user.password
    account = CalendarAccount("radicale", server.url, user.name)
    store = core.store
    store.save_caldav_account(account, list_calendars(connect(account, user.password), account))
    choose(store, account.name, ["Work"])
    sync_all(store, TZ)
    budget = CalEvent("dm-budget", names["budget"], at(2, 10), at(2, 11), location="Room 4")
    store.add_event(budget)
    publish_accepted(store, "", [budget], TZ)
    server.stop()
    edited = CalEvent(budget.uid, budget.title, budget.start, budget.end, location="Room 9")
    store.add_event(edited)
    publish_accepted(store, "", [edited], TZ)
    server.start()
    href = next(h for h in server.hrefs(user, path) if "dm-budget" in h)
    server.put(user, href, vevent("dm-budget", names["moved"], utc(at(2, 14)), utc(at(2, 15))))
    sync_all(store, TZ)  # the conflict waits for the user
    server.stop()
    offsite = CalEvent("dm-offsite", names["offsite"], at(3, 13), at(3, 17))
    store.add_event(offsite)
    publish_accepted(store, "", [offsite], TZ)  # queued: the server is down


def shoot(app: QApplication, server: Radicale, language: str, names: dict[str, str]) -> None:
    data = Path(tempfile.mkdtemp(prefix="deskmate-shots-data-"))
    core = Core(data)
    core.settings.set("ui_language", language)
    core.settings.set("time_zone", TZ)
    server.start()
    prepare(server, core, names)
    install_translators(app, language)
    from ui.main_window import MainWindow

    window = MainWindow(core)
    window.autoload_model = False
    window.resize(1100, 760)
    window.show()
    window.calendar_sync.start()  # as the app does: syncs at once, the server is down
    wait(lambda: bool(window.message_bar.text()))
    page = window.show_page("schedule")
    wait(lambda: any(s.waiting for s in page.week.shown()))  # type: ignore[attr-defined]
    grab(window, f"calendar-sync-{language}.png")
    settings = window.show_page("settings")
    scroll = settings.findChild(QScrollArea)
    interval = settings.findChild(QWidget, "setting_calendar_sync_min")
    grab(window, f"calendar-settings-{language}.png", scroll, interval)
    grab(window, f"calendars-{language}.png", scroll, settings.calendars.outbox)  # type: ignore[attr-defined]
    for closing in (window.shutdown, window.close, core.close, QCoreApplication.processEvents):
        closing()
    shutil.rmtree(data, ignore_errors=True)


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="deskmate-shots-"))
    server = Radicale(root)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    names = {
        "en": {"standup": "Standup", "budget": "Budget review", "moved": "Budget review "
               "(moved by Ann)", "offsite": "Offsite planning"},
        "zh_CN": {"standup": "站会", "budget": "预算评审", "moved": "预算评审（安娜改了时间）",
                  "offsite": "团建筹备"},
    }  # fmt: skip
    try:
        for language in ("en", "zh_CN"):
            shoot(app, server, language, names[language])
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    print("saved", sorted(str(p) for p in OUT.glob("calendar*.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
