"""``deskmate plan`` as a real subprocess: blocks placed around a stored event, the overload,
accepting blocks stores events."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from assistant.calendar import CalEvent
from assistant.calendar.todo import TodoDraft
from assistant.settings import Settings
from assistant.store import Store
from tests.helpers import deskmate

SH = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=SH)


def _minutes(block: dict[str, str]) -> int:
    span = datetime.fromisoformat(block["end"]) - datetime.fromisoformat(block["start"])
    return int(span.total_seconds() // 60)


def test_plan_day_places_around_events_and_accepts(data_dir: Path) -> None:
    store = Store(data_dir)
    Settings(store).set("time_zone", "Asia/Shanghai")
    store.add_event(CalEvent("m@t", "Standup", MONDAY.replace(hour=10), MONDAY.replace(hour=11)))
    store.add_todo(TodoDraft("Report", due=MONDAY.replace(hour=17), estimate_min=120))
    store.add_todo(TodoDraft("Big thing", due=MONDAY.replace(hour=18), estimate_min=9 * 60))
    store.close()
    now = MONDAY.isoformat()
    shown = deskmate(data_dir, "plan", "--day", "--now", now)
    assert shown.returncode == 0, shown.stderr
    assert "Report" in shown.stdout and "Today, " in shown.stdout
    assert "free before" in shown.stdout  # 11 h of work in a 9 h day minus the standup

    result = deskmate(data_dir, "--json", "plan", "--now", now, "--accept", "1")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    first = data["blocks"][0]
    assert first["title"] == "Report" and first["start"] == "2026-11-23T09:00:00+08:00"
    assert all(b["start"] >= "2026-11-23T11:10" or b["end"] <= "2026-11-23T09:50"
               for b in data["blocks"])  # fmt: skip  # the 10-minute meeting buffer
    assert data["overload"] is not None and len(data["accepted"]) == 1
    store = Store(data_dir)
    stored = store.events_between(MONDAY, MONDAY + timedelta(days=1))
    store.close()
    assert [e.title for e in stored] == ["Report", "Standup"]
    again = json.loads(deskmate(data_dir, "--json", "plan", "--now", now).stdout)
    report = [b for b in again["blocks"] if b["title"] == "Report"]
    assert sum(_minutes(b) for b in report) == 120 - _minutes(first)  # accepted: not twice
    bad = deskmate(data_dir, "plan", "--now", now, "--accept", "99")
    assert bad.returncode == 2 and "no block 99" in bad.stderr
