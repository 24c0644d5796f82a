"""iCalendar import/export: round trip, and every corpus file imports or raises CalendarError."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import CalendarError, CalEvent, export_ics, import_ics, parse_ics

BERLIN = ZoneInfo("Europe/Berlin")


def _events() -> list[CalEvent]:
    start = datetime(2024, 3, 30, 23, 30, tzinfo=BERLIN)  # spans midnight and the DST change
    return [
        CalEvent(
            uid="a@deskmate",
            title="评审会议 / Review",
            start=start,
            end=start + timedelta(hours=2),
            location="Room 3, 北楼",
            description="line one\nline two; with, punctuation",
            participants=("Ann Lee <ann@example.com>", "bob@example.com"),
            rrule="FREQ=WEEKLY;BYDAY=SA",
        ),
        CalEvent(
            uid="b@deskmate",
            title="Holiday",
            start=datetime(2024, 4, 1, tzinfo=BERLIN),
            end=datetime(2024, 4, 3, tzinfo=BERLIN),
            all_day=True,
        ),
    ]


def test_export_import_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.ics"
    path.write_bytes(export_ics(_events()))
    back = import_ics(path, tz="Europe/Berlin")
    assert back == _events()


def test_corpus_files_import_or_raise_calendar_error(corpus: Path) -> None:
    files = sorted((corpus / "robustness" / "ics").rglob("*.ics"))
    assert len(files) > 100
    outcomes: Counter[str] = Counter()
    for path in files:  # a file that hangs is caught by the test's timeout
        try:
            events = import_ics(path)
        except CalendarError as exc:
            outcomes["calendar_error"] += 1
            assert exc.message
        else:
            outcomes["events" if events else "no_events"] += 1
            for event in events:
                assert event.start.tzinfo is not None and event.end >= event.start
    print(f"\n.ics corpus ({len(files)} files): {dict(outcomes)}")
    assert sum(outcomes.values()) == len(files)
    assert outcomes["events"] > len(files) // 3


@pytest.mark.parametrize(
    "data",
    [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\nEND:VEVENT"],
)
def test_garbage_raises_calendar_error(data: bytes) -> None:
    with pytest.raises(CalendarError):
        parse_ics(data)


def test_missing_and_oversized_files_raise_calendar_error(tmp_path: Path) -> None:
    with pytest.raises(CalendarError):
        import_ics(tmp_path / "missing.ics")
    big = tmp_path / "big.ics"
    with big.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    with pytest.raises(CalendarError):
        import_ics(big)


def test_floating_and_date_values_take_the_given_zone() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Float\r\n"
        b"DTSTART:20240105T090000\r\nDURATION:PT30M\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:y\r\n"
        b"DTSTART;VALUE=DATE:20240106\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    timed, all_day = parse_ics(data, tz="Asia/Shanghai")
    assert timed.start == datetime(2024, 1, 5, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert timed.end - timed.start == timedelta(minutes=30)
    assert all_day.all_day and all_day.end - all_day.start == timedelta(days=1)
