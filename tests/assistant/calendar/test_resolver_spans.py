"""Kinds of English phrases the whole Recognizers-Text specs showed the resolver missing:
counted periods, centuries, bounded years, written formats, meals, a start with a length.
Each kind is checked on variants other than the specs' sentences."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.calendar import ImpossibleDate, resolve

TZ = "UTC"
REF = datetime(2024, 5, 15, 10, 30)  # a Wednesday in the second quarter


def _span(phrase: str, ref: datetime = REF) -> tuple[str | None, str | None, str | None]:
    res = resolve(phrase, reference=ref, tz=TZ)
    assert res is not None, phrase
    fmt = "%Y-%m-%d %H:%M"
    start = res.start.strftime(fmt) if res.start else None
    return start, res.end.strftime(fmt) if res.end else None, res.mod


@pytest.mark.parametrize(
    ("phrase", "start", "end", "mod"),
    [
        # counted periods, in either word order
        ("the last 3 quarters", "2023-07-01 00:00", "2024-04-01 00:00", None),
        ("next two quarters", "2024-07-01 00:00", "2025-01-01 00:00", None),
        ("3 upcoming years", "2024-05-16 00:00", "2027-05-16 00:00", None),
        ("4 previous days", "2024-05-11 00:00", "2024-05-15 00:00", None),
        ("20 past minutes", "2024-05-15 10:10", "2024-05-15 10:30", None),
        ("next hour", "2024-05-15 10:30", "2024-05-15 11:30", None),
        ("the next decade", "2030-01-01 00:00", "2040-01-01 00:00", None),
        ("next fortnight", "2024-05-27 00:00", "2024-06-10 00:00", None),
        # centuries and named years
        ("the 19th century", "1800-01-01 00:00", "1900-01-01 00:00", None),
        ("calendar year 2011", "2011-01-01 00:00", "2012-01-01 00:00", None),
        ("cy21", "2021-01-01 00:00", "2022-01-01 00:00", None),
        ("the 1980 s", "1980-01-01 00:00", "1990-01-01 00:00", None),
        # bounded years and dates
        ("2020 or later", "2020-01-01 00:00", None, "since"),
        ("year greater than 2020", "2021-01-01 00:00", None, "after"),
        ("march 2022 and after", "2022-03-01 00:00", None, "since"),
        # one side is now
        ("between now and june 3", "2024-05-15 00:00", "2024-06-03 00:00", None),
        ("from feb 2 to date", "2024-02-02 00:00", "2024-05-15 00:00", None),
        ("between 9 o'clock and now", "2024-05-15 09:00", "2024-05-15 10:30", None),
        ("between now and 7 o'clock", "2024-05-15 10:30", "2024-05-15 19:00", None),
        # months of a range without a year: this year's
        ("from february to april", "2024-02-01 00:00", "2024-04-01 00:00", None),
        ("between the 2nd and the 9th of march", "2024-03-02 00:00", "2024-03-09 00:00", None),
        ("from 2019 to the end of 2020", "2019-01-01 00:00", "2021-01-01 00:00", None),
        ("2001~2004", "2001-01-01 00:00", "2004-01-01 00:00", None),
        # "this" / "next" before a month or a date names its year
        ("this february", "2024-02-01 00:00", "2024-03-01 00:00", None),
        ("next 3/4", "2025-03-04 00:00", None, None),
        # week numbers and weeks of a month run Monday to Monday; as in ISO 8601, a week
        # belongs where most of its days are
        ("week 2", "2024-01-08 00:00", "2024-01-15 00:00", None),
        ("the last week of 2025", "2025-12-22 00:00", "2025-12-29 00:00", None),
        ("the first week of september 2024", "2024-09-02 00:00", "2024-09-09 00:00", None),
        ("the first week of may 2024", "2024-04-29 00:00", "2024-05-06 00:00", None),
        # a start and a length
        ("from 3pm for 90 minutes", "2024-05-15 15:00", "2024-05-15 16:30", None),
        ("for 2 days from tomorrow", "2024-05-16 00:00", "2024-05-18 00:00", None),
        ("a week starting june 3", "2024-06-03 00:00", "2024-06-10 00:00", None),
        # meals, parts of day, bounds of a time
        ("at lunchtime", "2024-05-15 11:00", "2024-05-15 13:00", None),
        ("after supper", "2024-05-15 20:00", None, "after"),
        ("tomorrow pm", "2024-05-16 12:00", "2024-05-16 16:00", None),
        ("next morning", "2024-05-16 08:00", "2024-05-16 12:00", None),
        ("as early as 8 am", "2024-05-16 08:00", None, "since"),
    ],
)
def test_span_kinds(phrase: str, start: str | None, end: str | None, mod: str | None) -> None:
    assert _span(phrase) == (start, end, mod)


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("sep/9", "2024-09-09 00:00"),
        ("2023/jan/5", "2023-01-05 00:00"),
        ("5/mar/2021", "2021-03-05 00:00"),
        ("20220706", "2022-07-06 00:00"),
        ("2022 7 6", "2022-07-06 00:00"),
        ("2019-11", "2019-11-01 00:00"),
        ("at the moment", "2024-05-15 10:30"),
        ("the end of tomorrow", "2024-05-16 23:59"),
        ("half past 4 p . m .", "2024-05-15 16:30"),
        ("10ish", "2024-05-16 10:00"),
        ("0815", "2024-05-16 08:15"),
    ],
)
def test_written_formats_and_times(phrase: str, start: str) -> None:
    assert _span(phrase)[0] == start


def test_a_packed_date_that_does_not_exist_is_not_a_date() -> None:
    with pytest.raises(ImpossibleDate):
        resolve("2023/feb/30", reference=REF, tz=TZ)
    assert resolve("20231340", reference=REF, tz=TZ) is None


@settings(max_examples=60, deadline=None)
@given(
    ref=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2080, 12, 31)),
    n=st.integers(1, 12),
    back=st.booleans(),
)
def test_counted_quarters_are_whole_quarters_next_to_this_one(
    ref: datetime, n: int, back: bool
) -> None:
    res = resolve(f"{'last' if back else 'next'} {n} quarters", reference=ref, tz=TZ)
    assert res is not None and res.start is not None and res.end is not None
    start, end = res.start.date(), res.end.date()
    assert start.day == end.day == 1 and start.month % 3 == end.month % 3 == 1
    assert (end.year - start.year) * 12 + end.month - start.month == 3 * n
    this_quarter = date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
    next_quarter = date(
        this_quarter.year + this_quarter.month // 10, (this_quarter.month + 2) % 12 + 1, 1
    )
    assert end == this_quarter if back else start == next_quarter


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("the first 3 weeks of 2024", "2024-01-01 00:00", "2024-01-22 00:00"),
        ("2024年的前3周", "2024-01-01 00:00", "2024-01-22 00:00"),
        ("the last 2 months of next year", "2025-11-01 00:00", "2026-01-01 00:00"),
        ("明年的最后两个月", "2025-11-01 00:00", "2026-01-01 00:00"),
        ("first 5 days of last year", "2023-01-01 00:00", "2023-01-06 00:00"),
        ("the 4th month of 2026", "2026-04-01 00:00", "2026-05-01 00:00"),
        ("2026年的第四个月", "2026-04-01 00:00", "2026-05-01 00:00"),
        # two weeks back, and an hour back or a year ahead
        ("上上周", "2024-04-29 00:00", "2024-05-06 00:00"),
        ("上上个周五", "2024-05-03 00:00", None),
        ("上个小时", "2024-05-15 09:30", "2024-05-15 10:30"),
        ("后2年", "2024-05-16 00:00", "2026-05-16 00:00"),
    ],
)
def test_pieces_of_a_period_in_both_languages(phrase: str, start: str, end: str | None) -> None:
    assert _span(phrase)[:2] == (start, end)


def test_more_of_a_unit_than_the_period_holds_is_not_a_piece_of_it() -> None:
    assert resolve("the first 20 months of 2024", reference=REF, tz=TZ) is None


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        # a holiday named "last" is the latest one gone by, "next" the coming one
        ("last easter", "2024-03-31 00:00"),
        ("previous christmas", "2023-12-25 00:00"),
        ("next new year", "2025-01-01 00:00"),
        ("following thanksgiving", "2024-11-28 00:00"),
        ("st patrick 2026", "2026-03-17 00:00"),
        # the day told of: today, and the days either side of it
        ("the day after", "2024-05-16 00:00"),
        ("the day before", "2024-05-14 00:00"),
        ("the following day", "2024-05-16 00:00"),
        ("the day after christmas", "2024-12-26 00:00"),
        # "same" period, spoken ordinals
        ("same month", "2024-05-01 00:00"),
        ("march thirty first", "2025-03-31 00:00"),
        ("second of june", "2024-06-02 00:00"),
    ],
)
def test_holidays_relative_days_and_ordinals(phrase: str, start: str) -> None:
    assert _span(phrase)[0] == start


@pytest.mark.parametrize(
    ("phrase", "start", "end", "mod"),
    [
        # a weekday in the week an offset lands in
        ("friday 2 weeks from now", "2024-05-31 00:00", None, None),
        ("in 4 days on monday", "2024-05-13 00:00", None, None),
        ("2 weeks after christmas on tuesday", "2025-01-07 00:00", None, None),
        # more or less than a length from a day
        ("more than 3 days before today", None, "2024-05-12 00:00", "before"),
        ("more than a week after tomorrow", "2024-05-23 00:00", None, "after"),
        ("less than 2 days after today", "2024-05-15 00:00", "2024-05-17 00:00", None),
        # the week that begins on a day
        ("w/c june 3", "2024-06-03 00:00", "2024-06-10 00:00", None),
        ("the week commencing 10 june", "2024-06-10 00:00", "2024-06-17 00:00", None),
    ],
)
def test_offsets_framed_by_a_weekday_or_a_bound(
    phrase: str, start: str | None, end: str | None, mod: str | None
) -> None:
    assert _span(phrase) == (start, end, mod)


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        # a weekday with a month and day picks the year (within one of now) where they agree
        ("tuesday (jul-2)", "2024-07-02 00:00", None),
        ("monday may 13", "2024-05-13 00:00", None),
        # a weekday that fits no year near the reference does not move the date by years
        ("thursday march 4", "2025-03-04 00:00", None),
        # dashed dates on both sides of a dash
        ("03-04-2022 - 05-06-2022", "2022-03-04 00:00", "2022-05-06 00:00"),
        ("from 1-15-2023 to 2-1-2023", "2023-01-15 00:00", "2023-02-01 00:00"),
        # times of day written other ways
        ("in the day-time", "2024-05-15 08:00", "2024-05-15 18:00"),
        ("within 3h", "2024-05-15 10:30", "2024-05-15 13:30"),
        ("circa 4 in the morning", "2024-05-16 04:00", None),
    ],
)
def test_weekday_dates_dashed_ranges_and_times(phrase: str, start: str, end: str | None) -> None:
    assert _span(phrase)[:2] == (start, end)


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        # REF is a Wednesday: business days skip the weekend
        ("next 3 business days", "2024-05-16 00:00", "2024-05-21 00:00"),
        ("the previous 4 working days", "2024-05-09 00:00", "2024-05-15 00:00"),
        ("this working week", "2024-05-13 00:00", "2024-05-18 00:00"),
        ("next workweek", "2024-05-20 00:00", "2024-05-25 00:00"),
    ],
)
def test_business_days_and_work_weeks(phrase: str, start: str, end: str) -> None:
    assert _span(phrase)[:2] == (start, end)


@settings(max_examples=60, deadline=None)
@given(
    ref=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2060, 12, 31)),
    n=st.integers(1, 40),
)
def test_business_days_hold_n_weekdays(ref: datetime, n: int) -> None:
    res = resolve(f"next {n} business days", reference=ref, tz=TZ)
    assert res is not None and res.start is not None and res.end is not None
    start, end = res.start.date(), res.end.date()
    days = [start + timedelta(days=k) for k in range((end - start).days)]
    assert sum(d.weekday() < 5 for d in days) == n and start > ref.date()
    assert days[0].weekday() < 5 and days[-1].weekday() < 5
