"""Rule families added for the Recognizers-Text categories (issue 16), each checked as a property
over generated phrases and reference times, not on sentences of the specs: holidays computed per
year, the n-th weekday / week of a month, ISO week numbers, parts of a month, periods two away,
the rest of a period, "this time", one day shared by both ends of a range."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.calendar import ImpossibleDate, Resolution, resolve
from assistant.calendar.rules_en import parse_point

TZ = "UTC"
MONTH_NAMES = [calendar.month_name[m].lower() for m in range(1, 13)]
WEEKDAY_NAMES = [calendar.day_name[d].lower() for d in range(7)]
ORDINALS = ["first", "second", "third", "fourth"]
ZH_NUMS = "一二三四五六七八九十"

years = st.integers(min_value=1990, max_value=2080)
refs = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2079, 12, 31))


def _ordinal(n: int) -> str:
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10 if n not in (11, 12, 13) else 0, 'th') }"


def _resolve(phrase: str, ref: datetime = datetime(2026, 12, 7, 10, 0)) -> Resolution:
    res = resolve(phrase, reference=ref, tz=TZ)
    assert res is not None and res.start is not None, phrase
    return res


def _day(phrase: str, ref: datetime = datetime(2026, 12, 7, 10, 0)) -> date:
    start = _resolve(phrase, ref).start
    assert start is not None
    return start.date()


@settings(max_examples=40, deadline=None)
@given(year=years)
def test_holidays_computed_per_year_land_on_their_rule(year: int) -> None:
    thanksgiving = _day(f"thanksgiving {year}")
    assert (thanksgiving.month, thanksgiving.weekday()) == (11, 3) and 22 <= thanksgiving.day <= 28
    assert _day(f"black friday {year}") == thanksgiving + timedelta(days=1)
    easter = _day(f"easter {year}")
    assert easter.weekday() == 6 and date(year, 3, 22) <= easter <= date(year, 4, 25)
    memorial = _day(f"memorial day {year}")
    assert memorial.weekday() == 0 and memorial.month == 5 and memorial.day + 7 > 31
    labor = _day(f"labor day {year}")
    assert labor.weekday() == 0 and labor.month == 9 and labor.day <= 7
    mothers = _day(f"mother's day {year}")
    assert mothers.weekday() == 6 and mothers.month == 5 and 8 <= mothers.day <= 14
    spring = _day(f"{year}年春节")
    assert date(year, 1, 21) <= spring <= date(year, 2, 20)
    assert _day(f"{year}年除夕") == spring - timedelta(days=1)
    mid_autumn = _day(f"{year}年中秋节")
    assert date(year, 9, 7) <= mid_autumn <= date(year, 10, 8)
    assert _day(f"{year}年国庆节") == date(year, 10, 1)
    assert _day(f"{year}年清明节") in (date(year, 4, 4), date(year, 4, 5))


@settings(max_examples=40, deadline=None)
@given(ref=refs)
def test_a_holiday_without_a_year_is_the_next_one(ref: datetime) -> None:
    for phrase in ("thanksgiving", "easter", "中秋节", "春节", "元旦"):
        day = _day(phrase, ref)
        # a lunar year has up to 385 days, so the next Mid-Autumn can be more than a year away
        assert ref.date() <= day <= ref.date() + timedelta(days=385), phrase


@settings(max_examples=60, deadline=None)
@given(year=years, month=st.integers(1, 12), nth=st.integers(1, 4), weekday=st.integers(0, 6))
def test_nth_weekday_of_a_month(year: int, month: int, nth: int, weekday: int) -> None:
    name, ordinal = WEEKDAY_NAMES[weekday], ORDINALS[nth - 1]
    for phrase in (
        f"the {ordinal} {name} of {MONTH_NAMES[month - 1]} {year}",
        f"{year}年{month}月第{ZH_NUMS[nth - 1]}个星期{'一二三四五六日'[weekday]}",
    ):
        day = _day(phrase)
        assert (day.year, day.month, day.weekday()) == (year, month, weekday), phrase
        assert (day.day - 1) // 7 == nth - 1, phrase
    last = _day(f"the last {name} of {MONTH_NAMES[month - 1]} {year}")
    assert last.weekday() == weekday and last.month == month
    assert last.day + 7 > calendar.monthrange(year, month)[1]


def test_a_fifth_weekday_that_does_not_exist_is_impossible() -> None:
    with pytest.raises(ImpossibleDate):  # February 2026 has four Mondays
        resolve("the fifth monday of february 2026", reference=datetime(2026, 1, 1), tz=TZ)


@settings(max_examples=40, deadline=None)
@given(ref=refs)
def test_nth_weekday_of_a_relative_month(ref: datetime) -> None:
    day = _day("the first monday of next month", ref)
    nxt = (ref.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert (day.year, day.month, day.weekday()) == (nxt.year, nxt.month, 0) and day.day <= 7
    assert _day("下个月第一个周一", ref) == day


@settings(max_examples=40, deadline=None)
@given(year=years, week=st.integers(1, 52))
def test_iso_week_numbers(year: int, week: int) -> None:
    nth = _ordinal(week)
    for phrase in (f"week {week} of {year}", f"the {nth} week of {year}", f"{year}年第{week}周"):
        res = _resolve(phrase)
        assert res.start is not None and res.end is not None
        assert res.start.isocalendar()[:3] == (year, week, 1), phrase
        assert res.end - res.start == timedelta(days=7)


def test_a_week_number_past_the_years_last_is_impossible() -> None:
    with pytest.raises(ImpossibleDate):  # 2026 has 53 ISO weeks, never 54
        resolve("week 54 of 2026", reference=datetime(2026, 1, 1), tz=TZ)


@settings(max_examples=40, deadline=None)
@given(year=years, month=st.integers(1, 12))
def test_parts_of_a_month_lie_inside_it(year: int, month: int) -> None:
    name = MONTH_NAMES[month - 1]
    first, after = date(year, month, 1), (date(year, month, 28) + timedelta(days=4)).replace(day=1)
    spans = {}
    for part in ("early", "mid", "late"):
        res = _resolve(f"{part} {name} {year}")
        assert res.start is not None and res.end is not None
        spans[part] = (res.start.date(), res.end.date())
        assert first <= spans[part][0] < spans[part][1] <= after
    assert spans["early"][0] == first and spans["late"][1] == after
    assert spans["early"][0] < spans["mid"][0] < spans["late"][0]
    thirds = [_resolve(f"{year}年{month}月{t}旬") for t in "上中下"]
    assert [r.start.day for r in thirds if r.start] == [1, 11, 21]
    assert thirds[2].end is not None and thirds[2].end.date() == after


@settings(max_examples=40, deadline=None)
@given(ref=refs)
def test_periods_two_away_and_the_rest_of_a_period(ref: datetime) -> None:
    monday = ref.date() - timedelta(days=ref.weekday())
    assert _day("the week after next", ref) == monday + timedelta(days=14)
    assert _day("the week before last", ref) == monday - timedelta(days=14)
    rest = _resolve("the rest of the week", ref)
    assert rest.start is not None and rest.end is not None
    assert rest.start.date() == ref.date() and rest.end.date() == monday + timedelta(days=7)
    month_rest = _resolve("the rest of this month", ref)
    assert month_rest.end is not None and month_rest.end.day == 1
    assert month_rest.start is not None and month_rest.start.date() == ref.date()


@settings(max_examples=40, deadline=None)
@given(ref=refs)
def test_this_time_keeps_the_time_of_now(ref: datetime) -> None:
    res = _resolve("this time tomorrow", ref)
    assert res.start is not None
    assert res.start.date() == ref.date() + timedelta(days=1)
    assert (res.start.hour, res.start.minute) == (ref.hour, ref.minute)
    end_of_day = _resolve("by end of day tomorrow", ref).start
    assert end_of_day is not None and end_of_day.date() == ref.date() + timedelta(days=1)
    assert (end_of_day.hour, end_of_day.minute) == (23, 59)


@settings(max_examples=60, deadline=None)
@given(ref=refs, weekday=st.integers(0, 6), h1=st.integers(7, 9), length=st.integers(1, 2))
def test_a_range_naming_one_day_keeps_both_ends_on_it(
    ref: datetime, weekday: int, h1: int, length: int
) -> None:
    name = WEEKDAY_NAMES[weekday]
    zh = f"周{'一二三四五六日'[weekday]}上午{h1}点到{h1 + length}点"
    for phrase in (f"{name} {h1}-{h1 + length}am", zh):
        res = _resolve(phrase, ref)
        assert res.start is not None and res.end is not None, phrase
        assert res.start.date() == res.end.date() and res.start.weekday() == weekday, phrase
        assert res.end - res.start == timedelta(hours=length), phrase


@settings(max_examples=40, deadline=None)
@given(ref=refs, a=st.integers(1, 27), span=st.integers(1, 3))
def test_days_without_a_month_run_forward(ref: datetime, a: int, span: int) -> None:
    for phrase in (f"{a}号到{a + span}号", f"the {_ordinal(a)} to the {_ordinal(a + span)}"):
        try:
            res = resolve(phrase, reference=ref, tz=TZ)
        except ImpossibleDate:
            continue  # no such day in the month it falls in
        assert res is not None and res.start is not None and res.end is not None, phrase
        assert res.start < res.end and res.start.day == a and res.end.day == a + span, phrase


@settings(max_examples=40, deadline=None)
@given(year=years, month=st.integers(1, 12))
def test_first_and_last_day_of_a_month_or_year(year: int, month: int) -> None:
    last = date(year, month, calendar.monthrange(year, month)[1])
    name = MONTH_NAMES[month - 1]
    assert _day(f"the last day of {name} {year}") == last
    assert _day(f"the end of {name} {year}") == last
    assert _day(f"the beginning of {name} {year}") == date(year, month, 1)
    assert _day(f"{year}年{month}月最后一天") == last
    assert _day(f"the last day of {year}") == date(year, 12, 31)
    assert _day(f"{year}年第一天") == date(year, 1, 1)


@settings(max_examples=40, deadline=None)
@given(ref=refs, which=st.integers(1, 4))
def test_a_part_of_a_relative_year_takes_its_shift(ref: datetime, which: int) -> None:
    quarter = ["first", "second", "third", "fourth"][which - 1]
    for phrase, year in ((f"the {quarter} quarter of next year", ref.year + 1),
                         (f"the {quarter} quarter of last year", ref.year - 1)):  # fmt: skip
        assert _day(phrase, ref) == date(year, 3 * which - 2, 1), phrase


@pytest.mark.parametrize(
    ("words", "year"),
    [("two thousand and fifteen", 2015), ("two thousand", 2000), ("two thousand nine", 2009),
     ("nineteen ninety-nine", 1999), ("nineteen oh five", 1905), ("twenty twenty one", 2021),
     ("eighteen seventy", 1870)],
)  # fmt: skip
def test_years_written_in_words(words: str, year: int) -> None:
    assert _day(f"may 3rd, {words}") == date(year, 5, 3)
    assert _day(f"in {words}") == date(year, 1, 1)


def test_a_clock_time_in_words_is_not_a_year() -> None:
    start = _resolve("at nineteen thirty").start
    assert start is not None and (start.hour, start.minute) == (19, 30)


@pytest.mark.parametrize(
    ("phrase", "first"),
    [("the 90s", 1990), ("the nineties", 1990), ("the 1980s", 1980), ("the 2010s", 2010),
     ("the '70s", 1970), ("90年代", 1990), ("二十世纪八十年代", 1980)],
)  # fmt: skip
def test_decades(phrase: str, first: int) -> None:
    res = _resolve(phrase)
    assert res.start is not None and res.end is not None
    assert (res.start.date(), res.end.date()) == (date(first, 1, 1), date(first + 10, 1, 1))


@settings(max_examples=40, deadline=None)
@given(ref=refs, days=st.integers(1, 9), hour=st.integers(1, 11))
def test_a_whole_day_offset_frames_the_time(ref: datetime, days: int, hour: int) -> None:
    target = ref.date() + timedelta(days=days)
    for phrase in (f"in {days} days at {hour}pm", f"{days} days from now at {hour}pm",
                   f"{days}天后的下午{hour}点", f"{days}天以后的下午{hour}点"):  # fmt: skip
        start = _resolve(phrase, ref).start
        assert start is not None and start.date() == target, phrase
        assert (start.hour, start.minute) == (hour + 12, 0), phrase
    before = _resolve(f"{days}天前的上午{hour}点", ref).start
    assert before is not None and before.date() == ref.date() - timedelta(days=days)


@settings(max_examples=40, deadline=None)
@given(ref=refs, n=st.integers(1, 9))
def test_within_a_length_runs_from_now(ref: datetime, n: int) -> None:
    for phrase, length in ((f"{n}天内", timedelta(days=n)), (f"within {n} days", timedelta(days=n)),
                           (f"{n}小时以内", timedelta(hours=n))):  # fmt: skip
        res = _resolve(phrase, ref)
        assert res.start is not None and res.end is not None, phrase
        assert res.end - res.start == length and res.start.date() == ref.date(), phrase


@pytest.mark.parametrize("weekday", range(7))
@pytest.mark.parametrize("hour", ["一", "二", "十一"])
def test_a_holiday_of_numerals_never_eats_a_weekday_and_time(weekday: int, hour: str) -> None:
    # "五一" / "六一" are holidays, but "星期五一点" is Friday at one
    for prefix in ("星期", "周"):
        start = _resolve(f"{prefix}{'一二三四五六日'[weekday]}{hour}点").start
        assert start is not None and start.weekday() == weekday
        assert start.hour == {"一": 1, "二": 2, "十一": 11}[hour]
    assert _day("今年五一") == date(2026, 5, 1)


@pytest.mark.parametrize("rel", ["next", "this", "last"])
@pytest.mark.parametrize("clock", ["3 pm", "10 am", "10"])
def test_a_relative_week_and_a_time_is_not_a_week_number(rel: str, clock: str) -> None:
    parts = parse_point(f"{rel} week {clock}")
    assert parts is not None and parts.week_no is None and parts.period == "week"
    assert parts.hour in (3, 10)


@pytest.mark.parametrize("mod", ["early", "late"])
@pytest.mark.parametrize("pod", ["tonight", "this morning", "this afternoon", "this evening"])
def test_early_and_late_halves_of_a_part_of_the_day(mod: str, pod: str) -> None:
    whole, half = _resolve(pod), _resolve(f"{mod} {pod}")
    assert whole.start and whole.end and half.start and half.end
    assert whole.start <= half.start < half.end <= whole.end
    assert (half.start == whole.start) == (mod == "early") and half.start.second == 0
    assert (half.end == whole.end) == (mod == "late")
