"""Cheap answer-vs-copy measures: words of mixed scripts, echo ratios."""

from __future__ import annotations

from assistant.tasks.quality import echo_ratio, word_count


def test_words_of_mixed_scripts() -> None:
    assert word_count("Hello world, 123") == 3
    assert word_count("请问周四") == 4  # one per ideograph
    assert word_count("Mallory你好，") == 3  # a Latin name stuck to Chinese is one word
    assert word_count("Q3预算 review_v2") == 4
    assert word_count("") == 0


def test_echo_ratio_of_a_copy_and_of_an_answer() -> None:
    mail = "Could we meet on Thursday at 3pm to go over the Q3 budget?"
    assert echo_ratio(mail, "Could we meet on Thursday at 3pm to go over the Q3 budget?") == 1.0
    assert echo_ratio(mail, "Yes, Thursday works for me, see you at the meeting then.") == 0.0
    zh = "请问周四下午三点方便开会讨论第三季度预算吗？"
    assert echo_ratio(zh, "Mallory你好，请问周四下午三点方便开会讨论第三季度预算吗？") > 0.8
    assert echo_ratio(zh, "short") == 0.0  # fewer words than n: nothing to compare
