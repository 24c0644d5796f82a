"""Schedule suggestions end to end on the real bundled 0.5B model: the model extracts items as
JSON, dates are resolved in code for a fixed reference time and zone, conflicts with stored
events are reported, tasks without a time get free slots in working hours, accepting stores an
event, and .ics export round-trips."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import CalEvent, import_ics
from assistant.errors import DocumentTooLarge, UserError
from assistant.task_events import Done
from assistant.tasks.plan_day import make_day_plan
from assistant.tasks.schedule import events_from_plan
from assistant.tasks.schedule_plan import PlannedSuggestion, planned_suggestions

TZ = "Asia/Shanghai"
SH = ZoneInfo(TZ)
NOW = datetime(2026, 11, 23, 9, 0)  # a Monday, local time in TZ
MAX_TOKENS = 120


def _schedule(core: Any, text: str) -> Done:
    done = [
        e for e in core.schedule(text, now=NOW, tz=TZ, max_tokens=MAX_TOKENS) if isinstance(e, Done)
    ]
    assert len(done) == 1
    assert done[0].data["tz"] == TZ
    assert done[0].data["reference"] == "2026-11-23T09:00:00+08:00"
    return done[0]


def _timed(done: Done, start: str) -> dict[str, Any]:
    found = [s for s in done.data["suggestions"] if s["start"] == start]
    assert found, done.data["suggestions"]
    return found[0]


@pytest.mark.model
def test_english_event_conflict_accept_and_ics_round_trip(core: Any, tmp_path: Path) -> None:
    dentist = CalEvent(
        "dentist@test",
        "Dentist",
        datetime(2026, 12, 1, 15, 15, tzinfo=SH),
        datetime(2026, 12, 1, 16, 0, tzinfo=SH),
    )
    core.store.add_event(dentist)
    done = _schedule(core, "Lunch with Anna next Tuesday 3pm at Cafe Rio.")
    lunch = _timed(done, "2026-12-01T15:00:00+08:00")  # resolved in code: Tuesday of next week
    assert lunch["kind"] == "event"
    assert "lunch" in lunch["title"].lower() or "anna" in lunch["title"].lower(), lunch
    assert "Cafe Rio" in lunch["location"] + lunch["title"], lunch
    assert "next Tuesday 3pm" in lunch["when_text"]
    assert [c["title"] for c in lunch["conflicts"]] == ["Dentist"]
    assert lunch["proposals"], "a conflicting event gets other free slots"
    assert "conflicts with Dentist" in done.text
    run = core.store.get_run(done.run_id)
    assert (run["task"], run["status"]) == ("schedule", "done")

    # Accepting stores the event (twice: still one event); it then conflicts no more with itself.
    number = done.data["suggestions"].index(lunch) + 1
    stored = core.accept_suggestions(planned_suggestions(done.data) or [], [number])
    core.accept_suggestions(planned_suggestions(done.data) or [], [number])
    week = core.store.events_between(
        datetime(2026, 11, 30, tzinfo=SH), datetime(2026, 12, 7, tzinfo=SH)
    )
    assert sorted(e.title for e in week) == sorted(["Dentist", lunch["title"]])
    assert stored[0].start == datetime(2026, 12, 1, 15, 0, tzinfo=SH)
    with pytest.raises(UserError):
        core.accept_suggestions(planned_suggestions(done.data) or [], [99])

    # .ics export of the suggestions parses with icalendar and round-trips.
    from assistant.calendar import export_ics

    events = [e for e in events_from_plan(planned_suggestions(done.data) or []) if e is not None]
    path = tmp_path / "out.ics"
    path.write_bytes(export_ics(events))
    import icalendar

    cal = icalendar.Calendar.from_ical(path.read_bytes())
    summaries = [str(c["SUMMARY"]) for c in cal.walk("VEVENT")]
    assert lunch["title"] in summaries
    assert import_ics(path, tz=TZ) == events


@pytest.mark.model
def test_chinese_event_resolved_in_code(core: Any) -> None:
    done = _schedule(core, "下周三下午两点开项目会")
    meeting = _timed(done, "2026-12-02T14:00:00+08:00")
    assert "项目" in meeting["title"] or "会" in meeting["title"], meeting
    assert "下周三下午两点" in meeting["when_text"]
    assert meeting["conflicts"] == []


@pytest.mark.model
def test_task_without_time_gets_free_slots_in_working_hours(core: Any) -> None:
    """Also: the tasks found are stored (linked to the run) and planned."""
    core.settings.set("work_start", "10:00")
    core.settings.set("work_end", "17:00")
    core.settings.set("meeting_buffer_min", 15)
    busy = CalEvent(
        "standup@test",
        "Planning",
        datetime(2026, 11, 23, 10, 0, tzinfo=SH),
        datetime(2026, 11, 23, 12, 0, tzinfo=SH),
    )
    core.store.add_event(busy)
    done = _schedule(core, "Please review the budget draft (about 2 hours).")
    untimed = [s for s in done.data["suggestions"] if s["start"] is None]
    assert untimed, done.data["suggestions"]
    proposals = untimed[0]["proposals"]
    assert proposals, untimed
    for slot in proposals:
        start = datetime.fromisoformat(slot["start"]).astimezone(SH)
        end = datetime.fromisoformat(slot["end"]).astimezone(SH)
        assert start >= NOW.replace(tzinfo=SH) and start.weekday() < 5
        assert time(10, 0) <= start.time() and end.time() <= time(17, 0) and end > start
        # 15 minutes kept free around the stored meeting
        assert end <= busy.start - timedelta(minutes=15) or start >= busy.end + timedelta(
            minutes=15
        )
    first = datetime.fromisoformat(proposals[0]["start"]).astimezone(SH)
    assert first == datetime(2026, 11, 23, 12, 15, tzinfo=SH)
    # The tasks found are stored once, linked to this run, and the week plan places them.
    tasks = [s for s in done.data["suggestions"] if s["kind"] == "task"]
    stored = core.store.list_todos()
    assert sorted(t.id for t in stored) == sorted(s["todo_id"] for s in tasks)
    assert all(t.source_kind == "run" and t.source_ref == str(done.run_id) for t in stored)
    week = make_day_plan(core, "week", now=NOW.replace(tzinfo=SH))
    placed = {b.todo.id for b in week.plan.blocks} | {s.todo.id for s in week.plan.unplaced}
    assert {t.id for t in stored} <= placed
    # Accepting the task puts it into its first free slot.
    stored = core.accept_suggestions(planned_suggestions(done.data) or [])
    assert first in [e.start for e in stored]


def test_accept_stores_timed_items_and_tasks_in_their_first_slot(data_dir: Path) -> None:
    from assistant.core import Core

    planned: list[dict[str, Any]] = [
        {
            "title": "Lunch",
            "start": "2026-12-01T15:00:00+08:00",
            "end": "2026-12-01T16:00:00+08:00",
            "location": "Cafe Rio",
            "participants": ["Anna"],
            "proposals": [],
        },
        {
            "title": "Review budget",
            "start": None,
            "end": None,
            "proposals": [
                {"start": "2026-11-23T12:15:00+08:00", "end": "2026-11-23T14:15:00+08:00"}
            ],
        },
        {"title": "Someday", "start": None, "end": None, "proposals": []},
    ]
    core = Core(data_dir)
    try:
        stored = core.accept_suggestions(as_values(planned))  # all that can be stored
        assert [(e.title, e.start.isoformat()) for e in stored] == [
            ("Lunch", "2026-12-01T15:00:00+08:00"),
            ("Review budget", "2026-11-23T12:15:00+08:00"),
        ]
        assert stored[0].location == "Cafe Rio" and stored[0].participants == ("Anna",)
        core.accept_suggestions(as_values(planned), [1, 2])  # again: replaced, not duplicated
        span = core.store.events_between(
            datetime(2026, 11, 1, tzinfo=SH), datetime(2027, 1, 1, tzinfo=SH)
        )
        assert sorted(e.title for e in span) == ["Lunch", "Review budget"]
        with pytest.raises(UserError, match="no time"):
            core.accept_suggestions(as_values(planned), [3])
        with pytest.raises(UserError, match="no suggestion 4"):
            core.accept_suggestions(as_values(planned), [4])
    finally:
        core.close()


def test_eml_source_honours_the_max_file_mb_setting(data_dir: Path, tmp_path: Path) -> None:
    from assistant.core import Core

    mail = tmp_path / "invite.eml"
    body = "Lunch with Anna on Friday at noon.\n" * 40_000  # ~1.4 MB
    mail.write_text(f"From: anna@example.com\nSubject: Lunch\n\n{body}", encoding="utf-8")
    core = Core(data_dir)
    try:
        core.settings.set("max_file_mb", 1)
        with pytest.raises(DocumentTooLarge, match=r"invite\.eml"):
            list(core.schedule(mail, now=NOW, tz=TZ))
        assert core.store.list_runs() == []  # refused before a run or a model load
    finally:
        core.close()


def as_values(planned: list[dict[str, Any]]) -> list[PlannedSuggestion]:
    return [PlannedSuggestion.from_stored(item) for item in planned]
