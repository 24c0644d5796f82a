"""Dates for people, in both languages and in the user's time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.calendar.human_dates import (
    format_minutes,
    format_span,
    format_when,
    language_of,
    parse_stored,
)

TZ = "Asia/Shanghai"
MOMENT = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)  # Tuesday 12:30 in Shanghai


def test_the_two_layouts_in_the_users_zone() -> None:
    assert format_when(MOMENT, lang="en", tz=TZ) == "Tue 24 Nov, 12:30"
    assert format_when(MOMENT, lang="zh_CN", tz=TZ) == "11月24日（周二）12:30"
    assert format_when(MOMENT, lang="en", tz="Europe/London") == "Tue 24 Nov, 04:30"


def test_relative_words_and_the_year_when_it_is_not_this_one() -> None:
    now = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # already the 24th, 04:00 in Shanghai
    assert format_when(MOMENT, lang="en", tz=TZ, now=now) == "Today, 12:30"
    assert format_when(MOMENT, lang="zh", tz=TZ, now=now) == "今天 12:30"
    earlier = datetime(2026, 11, 22, 0, 0, tzinfo=UTC)
    assert format_when(MOMENT, lang="en", tz=TZ, now=earlier).startswith("Tue 24 Nov")
    next_year = datetime(2025, 6, 1, tzinfo=UTC)
    assert format_when(MOMENT, lang="en", tz=TZ, now=next_year) == "Tue 24 Nov 2026, 12:30"
    assert format_when(MOMENT, lang="zh", tz=TZ, now=next_year) == "2026年11月24日（周二）12:30"


def test_spans_and_all_day_events() -> None:
    end = MOMENT.replace(hour=5, minute=30)
    assert format_span(MOMENT, end, lang="en", tz=TZ) == "Tue 24 Nov, 12:30–13:30"
    assert format_span(MOMENT, end, lang="zh", tz=TZ) == "11月24日（周二）12:30–13:30"
    day = datetime(2026, 11, 24, tzinfo=UTC)
    two = datetime(2026, 11, 26, tzinfo=UTC)
    assert format_span(day, two, lang="en", tz="UTC", all_day=True) == "Tue 24 Nov – Wed 25 Nov"
    one = datetime(2026, 11, 25, tzinfo=UTC)
    assert format_span(day, one, lang="zh", tz="UTC", all_day=True) == "11月24日（周二）"


def test_stored_naive_times_are_utc_and_lengths_read_well() -> None:
    assert parse_stored("2026-11-24T04:30:00") == MOMENT
    assert format_minutes(90, lang="en") == "1 h 30 min"
    assert format_minutes(90, lang="zh") == "1小时30分钟"
    assert format_minutes(120, lang="en") == "2 h"


@pytest.mark.parametrize(
    ("setting", "env", "lang"),
    [("zh_CN", "en_US.UTF-8", "zh"), ("en", "zh_CN.UTF-8", "en"), ("system", "zh_CN.UTF-8", "zh")],
)
def test_language_of_the_setting(
    monkeypatch: pytest.MonkeyPatch, setting: str, env: str, lang: str
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)
    monkeypatch.setenv("LANG", env)
    assert language_of(setting) == lang
