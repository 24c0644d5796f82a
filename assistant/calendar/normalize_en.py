"""English phrase clean-up before the rules: case, amounts of money, "p.m.", "11ish", "0730",
numbers written in words."""

from __future__ import annotations

import re

from assistant.calendar.numerals import en_words_to_digits

_MONEY = re.compile(
    r"[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn))?\b"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars?|euros?|pounds?|usd|eur|gbp|rmb|cny|yuan)\b"
)


def normalize(text: str) -> str:
    text = text.lower().strip().strip(".,!?;")
    text = _MONEY.sub(" ", text)  # "$12 December 27": an amount is never part of a date
    text = re.sub(r"\b([ap])\s?\.\s?m\b(?:\s?\.)?|\b([ap]) m\b", r"\1\2m", text)
    text = re.sub(r"\b(\d{1,2}|noon|midday)ish\b", r"\1", text)  # "11ish", "noonish"
    text = re.sub(
        r"\b(0\d|1\d|2[0-3])([0-5]\d)(?=\s*[ap]m\b)|\b(0\d)([0-5]\d)\b", r"\1\3:\2\4", text
    )  # "0730", "1140 am": a time without its colon
    text = text.replace("mid night", "midnight").replace("night-time", "nighttime")
    text = re.sub(r"[()]", " ", text).replace("day-time", "daytime")
    text = re.sub(r"(\d)\s*([ap])(?=\s|$)", r"\1\2m", text)  # 9a -> 9am
    text = re.sub(r"\b([a-z]{3,})(\d)", r"\1 \2", text)  # mar4 -> mar 4
    text = text.replace(",", " ").replace("’", "'")
    text = _MONEY.sub(" ", en_words_to_digits(text))  # "two thousand dollars" too
    return re.sub(r"\s+", " ", text).strip()
