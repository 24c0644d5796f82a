"""The real Radicale server (tests/calserver.py), a calendar on it for each test, a fresh
store and an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from assistant.calendar.sync_model import CalendarAccount
from assistant.store import Store
from tests.assistant.llm.helpers import MemoryKeyring, memory_keyring_without_env
from tests.assistant.store.conftest import store
from tests.calserver import (
    CalUser,
    Radicale,
    cal_user,
    radicale,
    radicale_other_host,
    silent_server,
)

__all__ = ["cal_user", "radicale", "radicale_other_host", "silent_server", "store"]
TZ = "Europe/Berlin"


@dataclass(frozen=True)
class Remote:
    """The test user's server side: another client's view of the same calendar."""

    server: Radicale
    user: CalUser
    path: str  # the calendar's path: /calN/work/

    def put(self, name: str, ics: str) -> str:
        return self.server.put(self.user, self.path + name, ics)

    def hrefs(self) -> list[str]:
        return self.server.hrefs(self.user, self.path)


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    with memory_keyring_without_env(monkeypatch, "DESKMATE_CALDAV_PASSWORD") as installed:
        yield installed


@pytest.fixture
def remote(radicale: Radicale, cal_user: CalUser) -> Remote:
    radicale.make_calendar(cal_user, "home", "Home")
    return Remote(radicale, cal_user, radicale.make_calendar(cal_user, "work", "Work"))


@pytest.fixture
def account(radicale: Radicale, cal_user: CalUser) -> CalendarAccount:
    return CalendarAccount(name="radicale", url=radicale.url, username=cal_user.name)


@pytest.fixture
def work(
    store: Store, ring: MemoryKeyring, account: CalendarAccount, remote: Remote, cal_user: CalUser
) -> Remote:
    """The Work calendar with one meeting from another client, connected, chosen, synced."""
    from assistant.calsync.service import choose, connect_account, sync_all

    remote.put("review.ics", vevent("review", "Review", "20261209T100000Z", "20261209T110000Z"))
    connect_account(store, account, cal_user.password)
    choose(store, account.name, ["Work"])
    sync_all(store, TZ)
    return remote


def vevent(uid: str, title: str, start: str, end: str, extra: str = "") -> str:
    """An iCalendar object with one VEVENT (times in UTC, ``20261208T090000Z``)."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//other client//EN", "BEGIN:VEVENT",
        f"UID:{uid}", "DTSTAMP:20261201T000000Z", f"DTSTART:{start}", f"DTEND:{end}",
        f"SUMMARY:{title}", *filter(None, extra.split("\n")), "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"
