from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import CalEvent
from assistant.errors import UserError
from assistant.store import MIGRATIONS, SCHEMA_VERSION, Store

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_glossary_add_list_replace_remove(store: Store) -> None:
    store.glossary_add("en", "zh", "invoice", "发票")
    store.glossary_add("en", "zh", "Budget", "预算")
    store.glossary_add("en", "zh", "invoice", "账单")  # replaces
    store.glossary_add("en", "fr", "invoice", "facture")
    assert store.glossary_list("en", "zh") == [("Budget", "预算"), ("invoice", "账单")]
    store.glossary_remove("en", "zh", "invoice")
    assert store.glossary_list("en", "zh") == [("Budget", "预算")]
    assert store.glossary_list("en", "fr") == [("invoice", "facture")]
    with pytest.raises(UserError):
        store.glossary_remove("en", "zh", "invoice")
    with pytest.raises(UserError):
        store.glossary_add("en", "zh", " ", "x")


def test_translation_memory(store: Store) -> None:
    assert store.tm_lookup("en", "zh", "Hello") is None
    store.tm_save("en", "zh", "Hello", "你好")
    store.tm_save("en", "zh", "Hello", "您好")
    assert store.tm_lookup("en", "zh", "Hello") == "您好"
    assert store.tm_lookup("en", "zh", "hello") is None  # exact text only
    assert store.tm_lookup("zh", "en", "Hello") is None


def _event(
    uid: str,
    start: datetime,
    hours: float = 1,
    location: str = "",
    participants: tuple[str, ...] = (),
    rrule: str | None = None,
) -> CalEvent:
    end = start + timedelta(hours=hours)
    return CalEvent(
        uid,
        f"meeting {uid}",
        start,
        end,
        location=location,
        participants=participants,
        rrule=rrule,
    )


def test_events_round_trip_and_overlap(store: Store) -> None:
    base = datetime(2025, 3, 10, 9, 0, tzinfo=SHANGHAI)
    first = _event("a", base, location="会议室", participants=("张三", "Bob"))
    store.add_event(first)
    store.add_event(_event("b", base + timedelta(days=2)))
    store.add_event(_event("weekly", base - timedelta(days=30), rrule="FREQ=WEEKLY"))
    found = store.events_between(base - timedelta(hours=1), base + timedelta(days=1))
    assert [e.uid for e in found] == ["weekly", "a"]
    got = found[1]
    assert got == first  # same instant, title, participants...
    assert got.start.utcoffset() == timedelta(hours=8)
    # Window given in another zone: same instants.
    utc_window = store.events_between(
        datetime(2025, 3, 12, 0, 30, tzinfo=UTC), datetime(2025, 3, 12, 2, 0, tzinfo=UTC)
    )
    assert [e.uid for e in utc_window] == ["weekly", "b"]
    # Touching end is not an overlap (end exclusive).
    assert [
        e.uid for e in store.events_between(base + timedelta(hours=1), base + timedelta(hours=2))
    ] == ["weekly"]

    store.add_event(_event("a", base + timedelta(hours=5)))  # same uid: moved
    assert [
        e.start for e in store.events_between(base, base + timedelta(days=1)) if e.uid == "a"
    ] == [base + timedelta(hours=5)]
    store.delete_event("a")
    with pytest.raises(UserError):
        store.delete_event("a")
    with pytest.raises(UserError):
        store.add_event(_event("naive", datetime(2025, 1, 1, 9)))


def test_v1_database_migrates_to_current_with_backup(data_dir: Path) -> None:
    with Store(data_dir, migrations=MIGRATIONS[:1]) as s:
        run_id = s.start_run("summarize", input_text="kept")
        assert s.schema_version() == 1
    with Store(data_dir) as s:
        assert s.schema_version() == SCHEMA_VERSION
        # one backup of the database as it was, before the first step
        assert [b.name.split("-")[1] for b in s.backups] == ["v1"]
        assert s.get_run(run_id)["input_text"] == "kept"  # type: ignore[index]
        s.glossary_add("en", "zh", "term", "术语")
        assert s.integrity_check() == "ok"
