"""Suggestions from model-extracted items: schema shape and dates resolved in code."""

from __future__ import annotations

from datetime import datetime, timedelta

from assistant.calendar import SUGGESTION_SCHEMA, suggestions_from_extraction

REF = datetime(2024, 5, 15, 10, 0)  # Wednesday


def test_schema_requires_the_fields_the_code_reads() -> None:
    item = SUGGESTION_SCHEMA["properties"]["items"]["items"]
    assert set(item["required"]) == {"kind", "title", "when_text"}
    assert item["properties"]["kind"]["enum"] == ["event", "task"]
    assert {"duration_min", "location", "participants"} <= set(item["properties"])


def test_items_are_resolved_and_cleaned() -> None:
    items = [
        {"kind": "event", "title": "Design review", "when_text": "next Tuesday 3pm",
         "duration_min": 45, "location": "Room 2", "participants": ["Ann", " ", 3]},
        {"kind": "task", "title": "提交报告", "when_text": "月底前"},
        {"kind": "event", "title": "Call", "when_text": "1 hour"},
        {"kind": "event", "title": "Party", "when_text": "someday maybe"},
        {"kind": "event", "title": "", "when_text": "tomorrow"},
        "not a dict",
    ]  # fmt: skip
    found = suggestions_from_extraction(items, reference=REF, tz="Asia/Shanghai")  # type: ignore[arg-type]
    assert [s.title for s in found] == ["Design review", "提交报告", "Call", "Party"]
    review, report, call, party = found
    assert (
        review.start is not None and review.start.strftime("%Y-%m-%d %H:%M") == "2024-05-21 15:00"
    )
    assert review.end is not None and review.end - review.start == timedelta(minutes=45)
    assert review.participants == ("Ann",) and review.location == "Room 2"
    assert report.kind == "task" and report.start is None
    assert report.due is not None and report.due.strftime("%Y-%m-%d") == "2024-06-01"
    assert call.duration_min == 60 and call.start is None
    assert party.resolution is None and party.when_text == "someday maybe"


def test_loose_resolution_finds_the_date_part() -> None:
    from assistant.calendar.suggest import resolve_loose

    ref = datetime(2026, 11, 23, 9, 0)  # Monday
    found = resolve_loose("Lunch with Anna next Tuesday 3pm at Cafe Rio", reference=ref, tz="UTC")
    assert found is not None and found.start is not None
    assert found.start.strftime("%Y-%m-%d %H:%M") == "2026-12-01 15:00"
    zh = resolve_loose("下周三下午两点开项目会", reference=ref, tz="UTC")
    assert zh is not None and zh.text == "下周三下午两点" and zh.start is not None
    assert zh.start.strftime("%Y-%m-%d %H:%M") == "2026-12-02 14:00"
    assert resolve_loose("the budget review with the team", reference=ref, tz="UTC") is None


def test_dates_not_written_in_the_source_are_not_trusted() -> None:
    ref = datetime(2026, 11, 23, 9, 0)
    source = "下周三下午两点开项目会。另外请审阅预算草案。"
    items = [
        # the model computed a date itself: the title's own phrase is used instead
        {"kind": "event", "title": "下周三下午两点开项目会", "when_text": "2026-11-23 13:00"},
        # the model copied a phrase from its prompt: no time, so free slots are proposed later
        {"kind": "task", "title": "审阅预算草案", "when_text": "next Tuesday 3pm"},
    ]
    meeting, review = suggestions_from_extraction(items, reference=ref, tz="UTC", source=source)
    assert meeting.start is not None and meeting.when_text == "下周三下午两点"
    assert meeting.start.strftime("%Y-%m-%d %H:%M") == "2026-12-02 14:00"
    assert review.resolution is None and review.when_text == ""


def test_place_left_in_the_date_phrase_becomes_the_location() -> None:
    ref = datetime(2026, 11, 23, 9, 0)
    items = [{"kind": "event", "title": "Lunch with Anna", "when_text": "3pm at Cafe Rio"}]
    source = "Lunch with Anna next Tuesday 3pm at Cafe Rio."
    (lunch,) = suggestions_from_extraction(items, reference=ref, tz="UTC", source=source)
    assert lunch.location == "Cafe Rio"
    assert lunch.when_text == "next Tuesday 3pm at"  # widened to the text's own phrase
    assert lunch.start is not None and lunch.start.strftime("%Y-%m-%d %H:%M") == "2026-12-01 15:00"
    items = [{"kind": "event", "title": "Call", "when_text": "in March", "location": ""}]
    (call,) = suggestions_from_extraction(items, reference=ref, tz="UTC")
    assert call.location == ""
