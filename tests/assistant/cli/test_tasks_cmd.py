"""``deskmate tasks list|add|done|undo|delete`` as a real subprocess on a temp data dir."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.settings import Settings
from assistant.store import Store
from tests.helpers import deskmate


def _prepare(data_dir: Path) -> None:
    store = Store(data_dir)
    Settings(store).set("time_zone", "Asia/Shanghai")
    store.close()


def test_add_list_done_undo_delete(data_dir: Path) -> None:
    _prepare(data_dir)
    added = deskmate(data_dir, "--json", "tasks", "add", "Quarterly", "report", "--due",
                     "2026-12-04T17:00", "--minutes", "240", "--priority", "high")  # fmt: skip
    assert added.returncode == 0, added.stderr
    (report,) = json.loads(added.stdout)
    assert report["title"] == "Quarterly report" and report["due"] == "2026-12-04T17:00:00+08:00"
    assert deskmate(data_dir, "tasks", "add", "Call Anna").returncode == 0

    listed = deskmate(data_dir, "tasks", "list")
    assert listed.returncode == 0 and "Quarterly report" in listed.stdout
    assert "4 Dec" in listed.stdout and "2026-12-04" not in listed.stdout  # for people, not ISO

    done = deskmate(data_dir, "tasks", "done", str(report["id"]))
    assert done.returncode == 0 and "done: " in done.stdout
    titles = [t["title"] for t in json.loads(deskmate(data_dir, "--json", "tasks", "list").stdout)]
    assert titles == ["Call Anna"]
    assert deskmate(data_dir, "tasks", "undo", str(report["id"])).returncode == 0
    assert deskmate(data_dir, "tasks", "delete", str(report["id"])).returncode == 0
    titles = [t["title"] for t in json.loads(deskmate(data_dir, "--json", "tasks", "list").stdout)]
    assert titles == ["Call Anna"]


def test_bad_input_is_one_clear_line(data_dir: Path) -> None:
    _prepare(data_dir)
    for args in (("tasks", "done", "42"), ("tasks", "add", "x", "--due", "2月30日"),
                 ("tasks", "done", "abc"), ("tasks", "add")):  # fmt: skip
        result = deskmate(data_dir, *args)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("deskmate: error: "), result.stderr


def test_calendar_remind_sets_an_events_own_lead(data_dir: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from assistant.calendar import CalEvent

    store = Store(data_dir)
    start = datetime(2026, 12, 1, 9, tzinfo=UTC)
    store.add_event(CalEvent("f@t", "Flight", start, start + timedelta(hours=2)))
    store.close()
    assert deskmate(data_dir, "calendar", "remind", "f@t", "45").returncode == 0
    store = Store(data_dir)
    event = store.get_event("f@t")
    store.close()
    assert event is not None and event.reminder_min == 45
    assert deskmate(data_dir, "calendar", "remind", "f@t", "soon").returncode == 2
    assert deskmate(data_dir, "calendar", "remind", "nope@t", "5").returncode == 2
