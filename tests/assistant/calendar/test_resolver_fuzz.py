"""Any mix of date words resolves, is not understood (None), or is a typed ImpossibleDate:
never another exception (hypothesis over en and zh date vocabulary)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.calendar import ImpossibleDate, Resolution, resolve

EN = ["next", "last", "this", "the", "of", "to", "through", "before", "after", "within", "from",
      "week", "month", "year", "weekend", "monday", "friday", "feb", "february", "march", "29",
      "30", "31", "2", "12", "3pm", "9:30", "q1", "first", "half", "quarter", "days", "2024",
      "99", "tomorrow", "today", "christmas", "$5", "and", "between", "-", "/"]  # fmt: skip
ZH = ["下", "上", "周", "月", "年", "日", "号", "2月", "30日", "29日", "到", "和", "之间", "或",
      "之前", "以后", "上半年", "第二季度", "明年", "今年", "08年", "18年", "三", "点", "下午",
      "周末", "自从", "以来", "-"]  # fmt: skip
REFS = st.sampled_from([datetime(2024, 2, 29, 10), datetime(2023, 12, 31, 23, 30),
                        datetime(2025, 1, 1, 0, 0)])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(EN), min_size=1, max_size=5), ref=REFS)
def test_english_mixes(words: list[str], ref: datetime) -> None:
    _check(" ".join(words), ref)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(ZH), min_size=1, max_size=5), ref=REFS)
def test_chinese_mixes(words: list[str], ref: datetime) -> None:
    _check("".join(words), ref)


def _check(phrase: str, ref: datetime) -> None:
    try:
        found = resolve(phrase, reference=ref, tz="Asia/Shanghai")
    except ImpossibleDate:
        return
    assert found is None or isinstance(found, Resolution)
    if found is not None and found.start is not None and found.end is not None:
        assert found.start.tzinfo is not None and found.end.tzinfo is not None
