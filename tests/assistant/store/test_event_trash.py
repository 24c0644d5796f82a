"""Deleted calendar events go to a trash: hidden from listings and search, restorable, exported
marked, purged for good only on request; older databases gain the column by a migration."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.calendar import CalEvent
from assistant.errors import UserError
from assistant.export import JSON_NAME, export_all
from assistant.store import MIGRATIONS, Store

BASE = datetime(2026, 3, 2, 9, tzinfo=UTC)
DAY = (BASE - timedelta(hours=1), BASE + timedelta(days=1))


def _event(uid: str, title: str, hours: int = 0) -> CalEvent:
    start = BASE + timedelta(hours=hours)
    return CalEvent(uid, title, start, start + timedelta(hours=1), location="Room Orion")


def _fts_uids(data_dir: Path) -> set[str]:
    with sqlite3.connect(data_dir / "deskmate.sqlite3") as conn:
        return {r[0] for r in conn.execute("SELECT uid FROM events_fts")}


def test_delete_trashes_restore_brings_back(store: Store, data_dir: Path) -> None:
    store.add_event(_event("a", "Budget review"))
    store.add_event(_event("b", "Dentist", hours=3))
    store.delete_event("a")
    assert [e.uid for e in store.events_between(*DAY)] == ["b"]
    assert [(e.uid, bool(at)) for e, at in store.list_event_trash()] == [("a", True)]
    assert store.get_event("a") is not None  # still there, in the trash
    assert _fts_uids(data_dir) == {"b"}  # search no longer finds it
    assert store.search_events("Budget") == []  # full text
    assert store.search_events("Bu") == []  # short words: the LIKE fallback
    with pytest.raises(UserError):
        store.delete_event("a")  # already in the trash
    with pytest.raises(UserError):
        store.restore_event("nope")

    store.restore_event("a")
    assert [e.uid for e in store.events_between(*DAY)] == ["a", "b"]
    assert store.list_event_trash() == []
    assert _fts_uids(data_dir) == {"a", "b"}
    assert [e["uid"] for e in store.search_events("Bu")] == ["a"]


def test_adding_again_takes_out_of_trash_and_purge_deletes(store: Store) -> None:
    store.add_event(_event("a", "Budget review"))
    store.add_event(_event("b", "Dentist", hours=3))
    store.delete_event("a")
    store.add_event(_event("a", "Budget review (moved)", hours=1))  # e.g. accepted again
    assert [e.title for e in store.events_between(*DAY)] == ["Budget review (moved)", "Dentist"]

    store.delete_event("b")
    assert store.purge_events(older_than_days=1) == 0  # trashed just now: kept
    assert store.purge_events() == 1
    assert store.get_event("b") is None
    assert [e.uid for e in store.events_between(*DAY)] == ["a"]


def test_export_keeps_trashed_events_marked(data_dir: Path, tmp_path: Path) -> None:
    with Store(data_dir) as store:
        store.add_event(_event("a", "Budget review"))
        store.add_event(_event("b", "Dentist", hours=3))
        store.delete_event("b")
    export_all(data_dir, tmp_path / "out")
    payload = json.loads((tmp_path / "out" / JSON_NAME).read_text(encoding="utf-8"))
    trashed = {e["uid"]: e["deleted_at"] for e in payload["events"]}
    assert trashed["a"] is None and trashed["b"]
    calendar = (tmp_path / "out" / "calendar.md").read_text(encoding="utf-8")
    lines = {line.split("**")[1]: line for line in calendar.splitlines() if "**" in line}
    assert lines["Dentist"].endswith("in the trash")
    assert "trash" not in lines["Budget review"]


def test_v3_database_gains_the_trash_and_keeps_its_events(data_dir: Path) -> None:
    with Store(data_dir, migrations=MIGRATIONS[:3]) as old:
        assert old.schema_version() == 3
    conn = sqlite3.connect(data_dir / "deskmate.sqlite3")
    with conn:  # a v3 row: no deleted_at column yet
        conn.execute(
            'INSERT INTO events (uid, title, start, "end", start_utc, end_utc, created_at)'
            " VALUES ('v3', 'Kept', ?, ?, ?, ?, ?)",
            [BASE.isoformat(), (BASE + timedelta(hours=1)).isoformat()] * 2 + [BASE.isoformat()],
        )
    conn.close()
    with Store(data_dir) as store:
        assert [e.title for e in store.events_between(*DAY)] == ["Kept"]
        store.delete_event("v3")
        assert store.events_between(*DAY) == []
        assert list((data_dir / "backups").glob("deskmate-v3-*.sqlite3"))
