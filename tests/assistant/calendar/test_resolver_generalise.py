"""Failures seen on sentences outside the dev sets, each with variants of the same kind: the
fix must hold for the kind of phrase, not for one sentence."""

from __future__ import annotations

from datetime import datetime

import pytest

from assistant.calendar import ImpossibleDate, resolve, suggestions_from_extraction
from assistant.calendar.suggest import resolve_loose

TZ = "Asia/Shanghai"
REF = datetime(2024, 5, 15, 10, 0)  # a Wednesday


def _at(phrase: str) -> tuple[str | None, str | None]:
    res = resolve(phrase, reference=REF, tz=TZ)
    assert res is not None, phrase
    fmt = "%Y-%m-%d %H:%M"
    return (
        res.start.strftime(fmt) if res.start else None,
        res.end.strftime(fmt) if res.end else None,
    )


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        # a relative month frames the day ("of next month"), in either order and language
        ("the 15th day of next month", "2024-06-15 00:00"),
        ("the 15th of next month", "2024-06-15 00:00"),
        ("the 3rd of last month", "2024-04-03 00:00"),
        ("下个月15号", "2024-06-15 00:00"),
        # a relative week frames the weekday
        ("next week Mon 9 am", "2024-05-20 09:00"),
        ("Mon next week at 9am", "2024-05-20 09:00"),
        ("Friday last week", "2024-05-10 00:00"),
        ("下周 周一 上午九点", "2024-05-20 09:00"),
        # a relative year frames the month and day
        ("March 3 next year", "2025-03-03 00:00"),
        # an amount of money is never part of a date, and a year must be written
        ("$12 December 27", "2024-12-27 00:00"),
        ("€30 June 3", "2024-06-03 00:00"),
        ("December 27", "2024-12-27 00:00"),
        # a day ending in 日 keeps the time after it
        ("1987年1月11日八点", "1987-01-11 08:00"),
        ("2025年3月2日下午三点", "2025-03-02 15:00"),
        ("6月1号9点半", "2024-06-01 09:30"),
        ("八月十五", "2024-08-15 00:00"),
    ],
)
def test_phrases_of_the_failing_kinds(phrase: str, start: str) -> None:
    assert _at(phrase)[0] == start


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        ("18年10月1日到19年2月3日", ("2018-10-01 00:00", "2019-02-03 00:00")),
        ("99年12月1日到00年1月5日", ("1999-12-01 00:00", "2000-01-05 00:00")),
        ("12/25/99", ("1999-12-25 00:00", None)),
    ],
)
def test_two_digit_years_expand_around_the_century(phrase: str, span: tuple[str, str]) -> None:
    assert _at(phrase) == span


@pytest.mark.parametrize(
    "phrase", ["2月30日", "2019年2月29日", "4月31日", "February 30", "2023-02-29", "the 32nd",
               "13月5日", "25点", "10:75"]
)  # fmt: skip
def test_a_date_that_does_not_exist_is_a_typed_cannot_resolve(phrase: str) -> None:
    with pytest.raises(ImpossibleDate):
        resolve(phrase, reference=REF, tz=TZ)


def test_an_impossible_date_is_never_replaced_by_a_part_of_it() -> None:
    with pytest.raises(ImpossibleDate):
        resolve_loose("2月30日开会", reference=REF, tz=TZ)  # "2月3" must not be taken
    leap = resolve("2月29日", reference=REF, tz=TZ)  # exists: the next leap year's
    assert leap is not None and leap.start is not None and leap.start.year == 2028


def test_a_suggestion_keeps_its_impossible_phrase_with_the_reason() -> None:
    items = [{"kind": "event", "title": "评审", "when_text": "2月30日"}]
    (found,) = suggestions_from_extraction(items, reference=REF, tz=TZ)
    assert found.resolution is None and found.start is None
    assert found.when_text == "2月30日" and "2" in found.date_error


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        # parts of a year: quarters and halves, with or without the year
        ("Q2", ("2024-04-01 00:00", "2024-07-01 00:00")),
        ("2023 q4", ("2023-10-01 00:00", "2024-01-01 00:00")),
        ("the 3rd quarter of 2025", ("2025-07-01 00:00", "2025-10-01 00:00")),
        ("second half of 2022", ("2022-07-01 00:00", "2023-01-01 00:00")),
        ("明年第二季度", ("2025-04-01 00:00", "2025-07-01 00:00")),
        ("2023年下半年", ("2023-07-01 00:00", "2024-01-01 00:00")),
        # the last / next N units: whole days up to today, or from tomorrow
        ("last 2 weeks", ("2024-05-01 00:00", "2024-05-15 00:00")),
        ("next 10 days", ("2024-05-16 00:00", "2024-05-26 00:00")),
        # a range runs forward; a unit written once serves both ends
        ("october to february", ("2024-10-01 00:00", "2025-02-01 00:00")),
        ("from next tuesday to monday", ("2024-05-21 00:00", "2024-05-27 00:00")),
        ("june 3 through 9", ("2024-06-03 00:00", "2024-06-09 00:00")),
        ("2001-2003年", ("2001-01-01 00:00", "2003-01-01 00:00")),
        ("11月和3月之间", ("2024-11-01 00:00", "2025-03-01 00:00")),
        ("09年", ("2009-01-01 00:00", "2010-01-01 00:00")),
        # a weekend is Saturday and Sunday, in both languages
        ("this weekend", ("2024-05-18 00:00", "2024-05-20 00:00")),
        ("next weekend", ("2024-05-25 00:00", "2024-05-27 00:00")),
        ("下周末", ("2024-05-25 00:00", "2024-05-27 00:00")),
        # within N: from now (today for whole days)
        ("within 3 weeks", ("2024-05-15 00:00", "2024-06-05 00:00")),
        ("within 20 minutes", ("2024-05-15 10:00", "2024-05-15 10:20")),
    ],
)
def test_ranges_of_the_common_kinds(phrase: str, span: tuple[str, str]) -> None:
    assert _at(phrase) == span


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("4 days after tomorrow", "2024-05-20 00:00"),
        ("a week before christmas", "2024-12-18 00:00"),
        ("10 days from june 1st", "2024-06-11 00:00"),
        ("previous friday", "2024-05-10 00:00"),  # last week's, as "last friday"
        ("following monday", "2024-05-20 00:00"),  # next week's, as "next monday"
    ],
)
def test_offsets_from_an_anchor_and_relative_weekdays(phrase: str, start: str) -> None:
    assert _at(phrase)[0] == start


def test_a_bound_framed_by_what_comes_first() -> None:
    before = resolve("friday before 3pm", reference=REF, tz=TZ)
    assert before is not None and before.mod == "before" and before.end is not None
    assert before.end.strftime("%Y-%m-%d %H:%M") == "2024-05-17 15:00"
    after = resolve("tomorrow after 2pm", reference=REF, tz=TZ)
    assert after is not None and after.mod == "after" and after.start is not None
    assert after.start.strftime("%Y-%m-%d %H:%M") == "2024-05-16 14:00"


def test_inclusive_deadlines_and_starts_in_chinese() -> None:
    until = resolve("2024年6月30日或之前", reference=REF, tz=TZ)
    assert until is not None and until.mod == "before" and until.end is not None
    assert until.end.strftime("%Y-%m-%d") == "2024-06-30"
    year = resolve("2023年及以前", reference=REF, tz=TZ)  # the whole year included
    assert year is not None and year.end is not None and year.end.year == 2024
    since = resolve("2024年6月1日及之后", reference=REF, tz=TZ)
    assert since is not None and since.mod == "since" and since.start is not None
    assert since.start.strftime("%Y-%m-%d") == "2024-06-01"
