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
