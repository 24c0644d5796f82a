"""Held-out phrases (written for this project, not from the corpus) and resolver contracts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.calendar import CalendarError, resolve

TZ = "Asia/Shanghai"
REF = datetime(2024, 5, 15, 10, 0)  # a Wednesday, local time in TZ

# phrase -> (start "YYYY-MM-DD HH:MM" or None, end or None)
HELD_OUT = {
    "next Tuesday 3pm": ("2024-05-21 15:00", None),
    "the 29th": ("2024-05-29 00:00", None),
    "tomorrow morning": ("2024-05-16 08:00", "2024-05-16 12:00"),
    "in 2 hours": ("2024-05-15 12:00", None),
    "friday at noon": ("2024-05-17 12:00", None),
    "May 20 at 10:30am": ("2024-05-20 10:30", None),
    "June 3rd": ("2024-06-03 00:00", None),
    "tonight at 8": ("2024-05-15 20:00", None),
    "2 days ago": ("2024-05-13 00:00", None),
    "from 2pm to 4pm on Thursday": ("2024-05-16 14:00", "2024-05-16 16:00"),
    "next month": ("2024-06-01 00:00", "2024-07-01 00:00"),
    "wed 9:15": ("2024-05-22 09:15", None),
    "quarter past ten": ("2024-05-15 10:15", None),
    "the day after tomorrow at 6pm": ("2024-05-17 18:00", None),
    "下周三下午两点": ("2024-05-22 14:00", None),
    "明天上午": ("2024-05-16 08:00", "2024-05-16 12:00"),
    "后天": ("2024-05-17 00:00", None),
    "下午3点半": ("2024-05-15 15:30", None),
    "下个月5号": ("2024-06-05 00:00", None),
    "星期天晚上七点": ("2024-05-19 19:00", None),
    "下下周一上午十点": ("2024-05-27 10:00", None),
    "12月25日": ("2024-12-25 00:00", None),
    "三天后": ("2024-05-18 00:00", None),
    "下午两点到四点": ("2024-05-15 14:00", "2024-05-15 16:00"),
    "上周五": ("2024-05-10 00:00", None),
    "二十号": ("2024-05-20 00:00", None),
    "明年3月": ("2025-03-01 00:00", "2025-04-01 00:00"),
}


def _fmt(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%d %H:%M") if value else None


@pytest.mark.parametrize(("phrase", "expected"), list(HELD_OUT.items()))
def test_held_out_phrases(phrase: str, expected: tuple[str, str | None]) -> None:
    res = resolve(phrase, reference=REF, tz=TZ)
    assert res is not None, phrase
    assert (_fmt(res.start), _fmt(res.end)) == expected


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("月底前", "2024-06-01 00:00"),
        ("周五之前", "2024-05-17 00:00"),
        ("by friday", "2024-05-17 00:00"),
        ("before the end of the week", "2024-05-20 00:00"),
        ("年底前", "2025-01-01 00:00"),
    ],
)
def test_deadlines_have_a_due(phrase: str, due: str) -> None:
    res = resolve(phrase, reference=REF, tz=TZ)
    assert res is not None and res.mod == "before"
    assert _fmt(res.due) == due


def test_result_is_aware_in_the_zone_and_granularity_is_set() -> None:
    res = resolve("next Tuesday 3pm", reference=REF, tz=TZ)
    assert res is not None and res.start is not None
    assert res.start.utcoffset() == timedelta(hours=8)
    assert res.granularity == "datetime"
    day = resolve("后天", reference=REF, tz=TZ)
    assert day is not None and day.granularity == "date"


def test_aware_reference_is_converted_to_the_zone() -> None:
    ref = datetime(2024, 5, 15, 20, 0, tzinfo=UTC)  # already Thursday 04:00 in Shanghai
    res = resolve("明天", reference=ref, tz=TZ)
    assert res is not None and _fmt(res.start) == "2024-05-17 00:00"


def test_durations_and_recurrences() -> None:
    half = resolve("半小时", reference=REF, tz=TZ)
    assert half is not None and half.duration == timedelta(minutes=30) and half.start is None
    weekly = resolve("every Monday at 9am", reference=REF, tz=TZ)
    assert weekly is not None and weekly.rrule == "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0"
    daily = resolve("每天早上八点", reference=REF, tz=TZ)
    assert daily is not None and daily.rrule is not None and daily.rrule.startswith("FREQ=DAILY")


@pytest.mark.parametrize(
    ("phrase", "minutes"),
    [
        ("about 2 hours", 120),
        ("for 2 hours", 120),
        ("takes about 45 minutes", 45),
        ("about half an hour", 30),
        ("大约两个小时", 120),
        ("两小时左右", 120),
    ],
)
def test_an_approximate_length_is_a_duration_not_a_time(phrase: str, minutes: int) -> None:
    res = resolve(phrase, reference=REF, tz=TZ)
    assert res is not None and res.start is None and res.duration == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("phrase", "hour"), [("in 2 hours", 12), ("两小时后", 12), ("about 3pm", 15)]
)
def test_offsets_and_approximate_times_stay_times(phrase: str, hour: int) -> None:
    res = resolve(phrase, reference=REF, tz=TZ)
    assert res is not None and res.start is not None and res.start.hour == hour


def test_lunar_date_keeps_the_written_date_and_converts() -> None:
    res = resolve("农历2024年八月十五", reference=REF, tz=TZ)
    assert res is not None and res.lunar is not None
    assert res.lunar.isoformat() == "2024-08-15"
    assert _fmt(res.start) == "2024-09-17 00:00"  # Mid-Autumn festival 2024


@pytest.mark.parametrize("phrase", ["", "blah", "sometime", "x" * 500])
def test_not_understood_gives_none(phrase: str) -> None:
    assert resolve(phrase, reference=REF, tz=TZ) is None


def test_unknown_zone_is_a_typed_error() -> None:
    with pytest.raises(CalendarError):
        resolve("tomorrow", reference=REF, tz="Mars/Olympus")
