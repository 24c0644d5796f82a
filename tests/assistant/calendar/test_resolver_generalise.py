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
