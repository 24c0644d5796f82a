"""Settings → Calendars against the real Radicale: a wrong password refused, connect, tick a
calendar, Sync now; the password reaches the (in-memory) keyring only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.assistant.calsync.conftest import Remote, remote, vevent
from tests.assistant.llm.helpers import MemoryKeyring, memory_keyring_installed
from tests.calserver import CalUser, Radicale, cal_user, radicale
from ui.pages.calendars_box import CalendarsBox

__all__ = ["cal_user", "radicale", "remote"]


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring_installed() as installed:
        yield installed


def test_connect_tick_and_sync(
    qtbot: Any,
    scripted_core: Any,
    radicale: Radicale,
    cal_user: CalUser,
    remote: Remote,
    ring: MemoryKeyring,
) -> None:
    remote.put("review.ics", vevent("review", "Review", "20261209T100000Z", "20261209T110000Z"))
    box = CalendarsBox(scripted_core)
    qtbot.addWidget(box)
    assert "No calendar yet" in box.list.item(0).text() and not box.sync_button.isEnabled()
    box.url.setText(radicale.url)
    box.user.setText(cal_user.name)
    box.password.setText("wrong")
    box.connect_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("✖"), timeout=30_000)
    assert "refused the password" in box.result.text() and ring.store == {}

    box.password.setText(cal_user.password)
    box.connect_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("✔ Connected"), timeout=30_000)
    assert box.list.count() == 2 and box.password.text() == ""
    assert list(ring.store.values()) == [cal_user.password]
    work = next(box.list.item(i) for i in range(2) if box.list.item(i).text().startswith("Work"))
    work.setCheckState(Qt.CheckState.Checked)
    assert box.sync_button.isEnabled()
    with qtbot.waitSignal(box.synced, timeout=30_000):
        box.sync_button.click()
    assert "Work: 1 new" in box.result.text()
    assert [e.title for e in scripted_core.store.events_between(*_december())] == ["Review"]


def _december() -> tuple[Any, Any]:
    from datetime import UTC, datetime

    return datetime(2026, 12, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
