"""The rules that name anchored days (``anchored.py``) in English and Chinese: holidays, the
n-th weekday or week of a month, week numbers, early / mid / late in a month.

They run before the other rules of their language (``rules_en`` / ``rules_zh`` put them first),
so "the last friday of march" is one anchored day, not "last friday" and "march".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.calendar.numerals import ZH_NUM, zh_to_int
from assistant.calendar.parts import Parts

Handler = Callable[[re.Match[str], Parts], None]

# written name -> a key of anchored.HOLIDAY_DAYS (computed per year) or a fixed (month, day)
EN_HOLIDAYS: dict[str, str | tuple[int, int]] = {
    "easter sunday": "easter", "easter monday": "easter monday", "easter": "easter",
    "good friday": "good friday", "thanksgiving day": "thanksgiving",
    "thanksgiving": "thanksgiving", "black friday": "black friday",
    "cyber monday": "cyber monday", "memorial day": "memorial day", "labor day": "labor day",
    "labour day": "labor day", "mother's day": "mothers day", "mothers day": "mothers day",
    "father's day": "fathers day", "fathers day": "fathers day",
    "martin luther king day": "mlk day", "mlk day": "mlk day",
    "presidents' day": "presidents day", "presidents day": "presidents day",
    "columbus day": "columbus day", "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
    "april fools' day": (4, 1), "april fools day": (4, 1), "veterans day": (11, 11),
    "boxing day": (12, 26), "groundhog day": (2, 2), "earth day": (4, 22),
    "saint patrick's day": (3, 17), "saint patrick": (3, 17), "st patrick": (3, 17),
    "international workers' day": (5, 1), "international workers day": (5, 1),
    "juneteenth": (6, 19), "freedom day": (6, 19), "jubilee day": (6, 19),
}  # fmt: skip
# fixed days the point rules of rules_en name ("christmas of this year")
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1),
    "new years day": (1, 1), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "valentines day": (2, 14), "new year day": (1, 1),
    "new year": (1, 1),
}  # fmt: skip
ZH_HOLIDAYS: dict[str, str | tuple[int, int]] = {
    "春节": "spring festival", "大年初一": "spring festival", "除夕": "lunar new years eve",
    "大年三十": "lunar new years eve", "元宵节": "lantern festival", "元宵": "lantern festival",
    "端午节": "dragon boat festival", "端午": "dragon boat festival", "七夕节": "qixi",
    "七夕": "qixi", "中秋节": "mid-autumn festival", "中秋": "mid-autumn festival",
    "重阳节": "double ninth festival", "清明节": "qingming", "清明": "qingming",
    "复活节": "easter", "感恩节": "thanksgiving", "母亲节": "mothers day",
    "父亲节": "fathers day", "黑色星期五": "black friday",
    "元旦": (1, 1), "情人节": (2, 14), "妇女节": (3, 8), "三八节": (3, 8), "植树节": (3, 12),
    "愚人节": (4, 1), "劳动节": (5, 1), "五一": (5, 1), "青年节": (5, 4), "儿童节": (6, 1),
    "六一": (6, 1), "建党节": (7, 1), "建军节": (8, 1), "教师节": (9, 10), "国庆节": (10, 1),
    "国庆": (10, 1), "万圣节": (10, 31), "双十一": (11, 11), "平安夜": (12, 24),
    "圣诞节": (12, 25), "圣诞": (12, 25),
}  # fmt: skip


def _names(table: dict[str, str | tuple[int, int]]) -> str:
    return "|".join(re.escape(name) for name in sorted(table, key=len, reverse=True))


def _set_holiday(p: Parts, day: str | tuple[int, int]) -> None:
    if isinstance(day, tuple):
        p.set(month=day[0], day=day[1])
    else:
        p.set(holiday=day)


_EN_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])"
             r"|(?:the\s+)?(?:(?:next|last|this|following|previous)\s+)?month")  # fmt: skip
_EN_WD = r"(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _en_holiday(m: re.Match[str], p: Parts) -> None:
    _set_holiday(p, EN_HOLIDAYS[m["name"]])


def _en_holiday_rel(m: re.Match[str], p: Parts) -> None:  # "last easter": the latest gone by
    p.set(week_rel="last" if m["rel"] in ("last", "previous") else "coming")


def _en_nth(m: re.Match[str], p: Parts) -> None:  # "the 1st monday of", "last week of"
    nth = {"second": 2, "last": -1}.get(m["n"]) or int(m["n"][:-2])
    p.set(nth=nth, weekday=_EN_WEEKDAYS[m["wd"][:3]] if m["wd"] else None)


def _en_week_no(m: re.Match[str], p: Parts) -> None:  # "week 10", "week no. 7"
    p.set(week_no=int(m["n"]))


def _en_month_part(m: re.Match[str], p: Parts) -> None:  # "mid-november", "early next month"
    words = {"middle of": "mid", "end of": "last_day", "beginning of": "first_day",
             "start of": "first_day", "last day of": "last_day",
             "first day of": "first_day"}  # fmt: skip
    written = m["t"] or m["t2"]
    p.set(month_part=words.get(written, written))


_EN_NTH_RE = (r"\b(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|second|last)\s+(?:week|"
              + _EN_WD + r")\s+(?:of|in)\b")  # fmt: skip
_EN_PART_RE = (r"\b(?:the\s+)?(?:(?P<t>early|mid|middle of|late)(?:\s+|-)(?:in\s+)?(?=" + _EN_MONTH
               + r")|(?P<t2>end of|beginning of|start of|last day of|first day of)\s+(?="
               + _EN_MONTH + r"|(?:the\s+)?year\b|\d{4}\b))")  # fmt: skip
# "week 10", never "next week 3 pm" (a relative week and a time)
_EN_WEEK_NO_RE = (r"(?<!next )(?<!this )(?<!last )\bweek\s+(?:no\.?\s*|number\s+|#\s*)?"
                  r"(?P<n>\d{1,2})\b(?!\s*(?:am|pm|:|o'?clock))")  # fmt: skip
_EN_ALL_HOLIDAYS = _names({**EN_HOLIDAYS, **HOLIDAYS})
EN_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (
        re.compile(rf"\b(?P<rel>last|previous|next|following)\s+(?=(?:{_EN_ALL_HOLIDAYS})\b)"),
        _en_holiday_rel,
    ),  # before the names are taken
    (re.compile(rf"\b(?P<name>{_names(EN_HOLIDAYS)})(?![a-z])"), _en_holiday),
    (re.compile(_EN_NTH_RE), _en_nth),
    (re.compile(_EN_WEEK_NO_RE), _en_week_no),
    (re.compile(_EN_PART_RE), _en_month_part),
]

_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def _zh_holiday(m: re.Match[str], p: Parts) -> None:
    _set_holiday(p, ZH_HOLIDAYS[m["name"]])


def _zh_nth(m: re.Match[str], p: Parts) -> None:  # "第一个周一", "最后一个星期五", "第二周"
    nth = zh_to_int(m["n"]) if m["n"] else -1
    p.set(nth=nth, weekday=_ZH_WEEKDAYS[m["wd"]] if m["wd"] else None)


def _zh_third(m: re.Match[str], p: Parts) -> None:  # "上旬", "下旬", "最后一天"
    thirds = {"上旬": "first_third", "中旬": "second_third", "下旬": "last_third",
              "第一天": "first_day", "最后一天": "last_day"}  # fmt: skip
    p.set(month_part=thirds[m["t"]])


# a name of numerals ("五一", "六一") is a holiday only where no weekday, number or clock word
# touches it: "星期五一点" is Friday at one
_ZH_DIGITS = "0-9零〇一二两三四五六七八九十"
_ZH_HOLIDAY_RE = (rf"(?<![周期拜{_ZH_DIGITS}])(?P<name>{_names(ZH_HOLIDAYS)})"
                  rf"(?![点時时号號日月{_ZH_DIGITS}])")  # fmt: skip
_ZH_NTH_RE = (rf"(?:第(?P<n>{ZH_NUM})个?|最后一个?)(?:(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"
              r"|(?:周|星期|礼拜)(?![一二三四五六日天]))")  # fmt: skip
ZH_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(_ZH_HOLIDAY_RE), _zh_holiday),
    (re.compile(_ZH_NTH_RE), _zh_nth),
    (re.compile(r"(?P<t>[上中下]旬|第一天|最后一天)"), _zh_third),
]
