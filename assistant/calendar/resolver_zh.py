"""Chinese phrases: recurrences (每周一), durations (半小时, 三年半), offsets (5天前, 之后5分钟),
deadlines (月底前, 周五之前), ranges (从A到B), decades, lunar dates, then points."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from assistant.calendar.compose import (
    Amounts,
    decade,
    duration_range,
    offset_point,
    point,
    span_from_now,
    to_timedelta,
    two_points,
    whole_days,
    with_mod,
)
from assistant.calendar.model import Modifier, Resolution
from assistant.calendar.numerals import ZH_NUM, zh_to_int
from assistant.calendar.period_parts import period_piece_zh
from assistant.calendar.rules_zh import normalize, parse_point

N = ZH_NUM
_UNITS = {"秒钟": "second", "秒": "second", "分钟": "minute", "分": "minute", "小时": "hour",
          "钟头": "hour", "天": "day", "周": "week", "星期": "week", "礼拜": "week",
          "个月": "month", "年": "year"}  # fmt: skip
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_AMOUNT = re.compile(
    rf"(?P<n>[0-9.]+|[零一二两三四五六七八九十百]+|半)?个?(?P<half0>半)?(?P<u>{_UNIT_RE})(?P<half>半)?"
)
_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def parse_amounts(text: str) -> Amounts | None:
    """ "半小时" -> 30 min, "三年半", "1个半小时", "5 分钟"; None if not only a duration."""
    text = normalize(text)
    amounts: Amounts = {}
    pos = 0
    for m in _AMOUNT.finditer(text):
        if m.start() != pos or not (m["n"] or m.group(0).startswith("个")):
            return None
        if m["u"] == "年" and m["n"] and len(m["n"]) == 4:
            return None  # "2009年" is a year
        if m["n"] and len(m["n"]) > 1 and m["n"][0] in "0零〇":
            return None  # "08年", "零八年": a year; a count has no leading zero
        n = m["n"]
        amount = 0.5 if n == "半" else float(n) if n and n[0].isdigit() else zh_to_int(n or "一")
        unit = _UNITS[m["u"]]
        amounts[unit] = amounts.get(unit, 0.0) + amount + (0.5 if m["half"] or m["half0"] else 0)
        pos = m.end()
    if pos != len(text) or not amounts:
        return None
    return amounts


def parse_duration(text: str) -> timedelta | None:
    amounts = parse_amounts(text)
    return to_timedelta(amounts) if amounts else None


def _recurrence(text: str, ref: datetime) -> Resolution | None:
    m = re.fullmatch(r"每(?:个|一)?(?P<rest>.*?)(?:都|一次)?", text)
    if not m:
        return None
    rest = m["rest"]
    unit = re.fullmatch(r"(天|日|晚|周|星期|礼拜|月|年)", rest)
    if unit:
        freq = {"天": "DAILY", "日": "DAILY", "晚": "DAILY", "月": "MONTHLY", "年": "YEARLY"}
        return Resolution(text=text, start=ref, rrule=f"FREQ={freq.get(unit[1], 'WEEKLY')}")
    daily = re.fullmatch(r"(?:天|日)(?P<t>.+)", rest)
    parts = parse_point(daily["t"] if daily else rest, ref.date())
    if parts is None:
        return None
    first = point(text, parts, ref)
    if first is None or first.start is None:
        return None
    rule = (
        "FREQ=DAILY" if parts.weekday is None else f"FREQ=WEEKLY;BYDAY={_RRULE_DAYS[parts.weekday]}"
    )
    if parts.hour is not None:
        rule += f";BYHOUR={first.start.hour};BYMINUTE={first.start.minute}"
    return Resolution(text=text, start=first.start, granularity=first.granularity, rrule=rule)


def _decade(text: str) -> Resolution | None:
    m = re.fullmatch(rf"(?:(?P<c>{N})世纪)?(?P<d>{N})年代", text)
    if not m:
        return None
    tens = zh_to_int(m["d"])
    return decade(text, (zh_to_int(m["c"]) - 1) * 100 + tens if m["c"] else None, tens)


def _lunar(text: str, res: Resolution) -> Resolution:
    """Keep the lunar date as written; start becomes the Gregorian day where known."""
    assert res.start is not None
    written = res.start.date()
    try:
        from lunardate import LunarDate  # type: ignore[import-untyped]

        solar = LunarDate(written.year, written.month, written.day).to_solar_date()
    except (ImportError, ValueError):
        return replace(res, lunar=written)  # outside the converter's 1900-2099 range
    start = datetime.combine(solar, res.start.time())
    return replace(res, start=start, lunar=written)


_MODS: tuple[tuple[str, Modifier], ...] = (
    (r"(?P<x>.+?)(?:之前|以前|前|为止)|(?:截止|截至|不晚于|最晚)(?:到)?(?P<y>.+)", "before"),
    (r"(?P<x>.+?)(?:之后|以后|后)|(?:晚于)(?P<y>.+)", "after"),
    (r"(?:从|自从?)?(?P<x>.+?)(?:起|开始|以来)|自从?(?P<y>.+)", "since"),
)


_APPROX = re.compile(
    r"^(?:需要|要|花|用|持续|历时)?(?:大约|大概|约|差不多|将近|最多|至少)?|(?:左右|上下)$"
)


def _share_unit(a: str, b: str) -> tuple[str, str]:
    """ "1995-1997年", "5-10月", "3-5号": a unit written once after the end applies to both."""
    unit = re.search(r"(年|月|日|号)$", b)
    if unit and re.fullmatch(N, a):
        return a + unit.group(1), b
    return a, b


def resolve_zh(phrase: str, ref: datetime) -> Resolution | None:
    text = normalize(phrase)
    if not text:
        return None
    today = ref.date()
    found = _recurrence(text, ref) or _decade(text)
    found = found or period_piece_zh(phrase, text, ref, resolve_zh)
    if found:
        return found
    m = re.fullmatch(r"(?P<dir>后|上个|下个)(?P<d>\d+年|\d+个月|小时)", text)  # "后1年", "上个小时"
    if m and (counted := parse_amounts(m["d"]) or {"hour": 1.0}):
        return span_from_now(phrase, ref, counted, -1 if m["dir"] == "上个" else 1)
    length = parse_duration(_APPROX.sub("", text))  # "大约两个小时", "两小时左右", "需要半天"
    if length is not None:
        return Resolution(text=phrase, start=None, duration=length, granularity="datetime")
    m = re.fullmatch(
        r"(?:之后|以后|接下来|未来|还剩|还有|剩下|在)(?:的)?(?P<d>.+?)(?:内|之内|里)?", text
    )
    if m and (length := parse_duration(m["d"])):
        return duration_range(phrase, ref, length)
    m = re.fullmatch(r"(?:过去|之前|前|最近)(?:的)?(?P<d>.+?)(?:内|里|中|来)?", text)
    if m and (amounts := parse_amounts(m["d"])):
        return span_from_now(phrase, ref, amounts, -1)
    m = re.fullmatch(r"(?P<d>.+?)(?:以内|之内|内)", text)  # "三天内": within, from today
    if m and (amounts := parse_amounts(m["d"])):
        return span_from_now(phrase, ref, amounts, 0)
    # "两天后的下午三点": a whole-day offset frames the time that follows
    m = re.fullmatch(r"(?P<d>.+?)(?P<dir>之后|以后|后|之前|以前|前)的?(?P<t>.+)", text)
    if m and (amounts := parse_amounts(m["d"])) and (days := whole_days(amounts)):
        framed = parse_point(m["t"], today)
        if framed is not None and not framed.has_date():
            framed.set(day_offset=days * (-1 if "前" in m["dir"] else 1))
            return point(phrase, framed, ref)
    m = re.fullmatch(r"(?:再过|过)?(?P<d>.+?)(?P<dir>之后|以后|后|之前|以前|前)", text)
    if m and (amounts := parse_amounts(m["d"])):
        return offset_point(phrase, ref, amounts, -1 if "前" in m["dir"] else 1)
    parts = parse_point(text, today)
    simple = point(phrase, parts, ref)
    if simple and parts is not None:
        return _lunar(phrase, simple) if parts.lunar else simple
    m = re.fullmatch(r"(?:从|自)?(?P<a>.+?)(?:到|至|~|-|—|－|–)(?P<b>.+)", text) or re.fullmatch(
        r"(?:在)?(?P<a>.+?)(?:和|与|跟)(?P<b>.+?)之?间", text
    )
    if m:
        a, b = _share_unit(m["a"], m["b"])
        ranged = two_points(phrase, parse_point(a, today), parse_point(b, today), ref)
        if ranged:
            return ranged
    m = re.fullmatch(r"(?P<x>.+?)(?:或|及)(?P<dir>之前|以前|之后|以后)", text)
    if m and (inner := resolve_zh(m["x"], ref)) and inner.start and inner.mod is None:
        if "前" in m["dir"]:  # "2010年1月10日或之前": up to and including that day (period)
            return replace(inner, start=None, end=inner.end or inner.start, mod="before")
        return replace(inner, end=None, mod="since")
    for pattern, mod in _MODS:
        m = re.fullmatch(pattern, text)
        if m:
            inner_text = m["x"] or m["y"]
            inner = resolve_zh(inner_text, ref)
            if inner and inner.mod is None and inner.rrule is None and inner.start:
                return with_mod(inner, mod, parse_point(inner_text, today))
    return None
