"""Numbers written in words: Chinese numerals (十二, 二十五, 两, 二〇一五) and English words
(twenty four, fourth, a/an, half)."""

from __future__ import annotations

import re

_ZH_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}

ZH_NUM = r"[0-9零〇○一二两兩三四五六七八九十百千]+"


def zh_to_int(text: str) -> int:
    """ "二十五" -> 25, "十" -> 10, "二〇一五" -> 2015, "12" -> 12. Raises ValueError."""
    text = text.strip()
    if not text:
        raise ValueError("empty number")
    if text.isdigit():
        return int(text)
    if all(ch in _ZH_DIGITS for ch in text):  # digit by digit: years such as 二〇一五
        return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
        elif ch.isdigit():
            current = current * 10 + int(ch)
        else:
            raise ValueError(f"not a number: {text!r}")
    return total + current


_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_EN_ORD = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip

_UNIT_RE = "|".join(sorted(_EN_UNITS, key=len, reverse=True))
_TENS_RE = "|".join(_EN_TENS)
_ORD_RE = "|".join(sorted(_EN_ORD, key=len, reverse=True))
_ORD_WORDS = re.compile(rf"\b(?:({_TENS_RE})[\s-]+)?({_ORD_RE})\b")
_CARD_WORDS = re.compile(rf"\b(?:({_TENS_RE})(?:[\s-]+({_UNIT_RE}))?|({_UNIT_RE}))\b")


_SECOND_ORD = re.compile(r"\bthe second\b")
_TENS_SECOND = re.compile(r"\b(twenty|thirty)[\s-]+second\b")


def _ord_sub(m: re.Match[str]) -> str:
    value = _EN_TENS.get(m.group(1) or "", 0) + _EN_ORD[m.group(2)]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10 if value not in (11, 12, 13) else 0, "th")
    return f"{value}{suffix}"


def _card_sub(m: re.Match[str]) -> str:
    if m.group(3):
        return str(_EN_UNITS[m.group(3)])
    return str(_EN_TENS[m.group(1)] + _EN_UNITS.get(m.group(2) or "", 0))


_ALL_TENS = {**_EN_TENS, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES_RE = "|".join(w for w, v in _EN_UNITS.items() if 1 <= v <= 9)
_TEENS_RE = "|".join(w for w, v in _EN_UNITS.items() if v >= 10)
_TWO_RE = rf"(?:(?:{'|'.join(_ALL_TENS)})(?:[\s-](?:{_ONES_RE}))?|{_TEENS_RE})"  # 10-99
_YEAR_WORDS = re.compile(
    rf"\btwo thousand(?:\s+and)?(?:\s+(?P<a>{_TWO_RE}|{_ONES_RE}))?\b"
    rf"|(?<!at )\b(?P<c>seventeen|eighteen|nineteen|twenty)[\s-]"
    rf"(?P<b>(?:oh|o)[\s-](?:{_ONES_RE})|{_TWO_RE})\b"
)


def _words_value(words: str) -> int:
    values = {**_EN_UNITS, **_ALL_TENS, "oh": 0, "o": 0}
    return sum(values[w] for w in re.split(r"[\s-]+", words) if w)


def _year_sub(m: re.Match[str]) -> str:
    if m["c"]:
        return str(_EN_UNITS.get(m["c"], 20) * 100 + _words_value(m["b"]))
    return str(2000 + (_words_value(m["a"]) if m["a"] else 0))


def en_spoken_years(text: str) -> str:
    """ "two thousand and fifteen" -> "2015", "nineteen ninety-nine" -> "1999", "twenty twenty
    one" -> "2021" (never after "at": "at nineteen thirty" stays a time)."""
    return _YEAR_WORDS.sub(_year_sub, text)


def en_words_to_digits(text: str) -> str:
    """ "the twenty fourth six pm" -> "the 24th 6 pm"; "three thirty" -> "3 30"."""
    text = en_spoken_years(text)
    text = _SECOND_ORD.sub("the 2nd", text)  # "second" alone is the unit of time
    text = _TENS_SECOND.sub(lambda m: f"{_EN_TENS[m[1]] + 2}nd", text)  # "twenty second"
    text = re.sub(r"\bsecond(?= of [a-z])", "2nd", text)  # "second of aug"
    text = _ORD_WORDS.sub(_ord_sub, text)
    return _CARD_WORDS.sub(_card_sub, text)
