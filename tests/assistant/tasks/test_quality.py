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


ARTICLE_ZH = """# 大模型学习指南

## 1. 背景介绍

大语言模型近年来发展迅速，本文介绍如何系统地学习相关知识。

## 2. 核心概念与联系

模型、数据和算力三者相互依存，理解它们的关系是入门的第一步。

## 3. 实际应用场景

大模型已用于客服、写作辅助和代码生成等场景。

## 4. 工具和资源推荐

推荐几本入门书籍和开源框架，帮助读者动手实践。
"""

ARTICLE_EN = """Quarterly report

Revenue

Revenue grew by twelve percent, driven by the new subscription plans in Europe.

Costs and hiring

Costs rose less than revenue because hiring slowed in the second half of the year.

Outlook

The board expects similar growth next year if the European plans keep selling.
"""


def test_headings_of_markdown_and_of_plain_text() -> None:
    from assistant.tasks.quality import headings

    zh = headings(ARTICLE_ZH)
    assert {"核 心 概 念 与 联 系", "实 际 应 用 场 景", "工 具 和 资 源 推 荐"} <= zh
    assert not any(line.startswith("大 语 言") for line in zh)  # a sentence is no heading
    assert {"revenue", "costs and hiring", "outlook"} <= headings(ARTICLE_EN)


def test_an_answer_made_of_the_documents_headings_is_a_copy() -> None:
    from assistant.tasks.quality import copy_ratio, headings_only

    toc_zh = "- 核心概念与联系\n- 实际应用场景\n- 工具和资源推荐\n- 背景介绍"
    assert headings_only(ARTICLE_ZH, toc_zh)
    assert headings_only(ARTICLE_ZH, "1. **核心概念与联系**：\n2. 实际应用场景\n3、工具和资源推荐")
    assert copy_ratio(ARTICLE_ZH, toc_zh) == 1.0
    assert echo_ratio(ARTICLE_ZH, toc_zh) < 0.6  # what the 6-gram check alone let through
    toc_en = "## Summary\n\n* Revenue\n* Costs and hiring\n* Outlook"
    assert headings_only(ARTICLE_EN, toc_en)
    assert copy_ratio(ARTICLE_EN, toc_en) == 1.0


def test_a_real_summary_is_not_a_table_of_contents() -> None:
    from assistant.tasks.quality import copy_ratio, headings_only

    summary_zh = "- 文章介绍学习大模型的路径\n- 强调模型、数据和算力的关系\n- 列出场景和资源"
    assert not headings_only(ARTICLE_ZH, summary_zh)
    assert copy_ratio(ARTICLE_ZH, summary_zh) == echo_ratio(ARTICLE_ZH, summary_zh)
    summary_en = "- Revenue rose 12% on European subscriptions.\n- Costs grew less; hiring slowed."
    assert not headings_only(ARTICLE_EN, summary_en)
    # headings used as group titles above real points are fine
    grouped = "Revenue:\n- up 12% thanks to Europe\nOutlook:\n- similar growth expected next year"
    assert not headings_only(ARTICLE_EN, grouped)
    assert not headings_only(ARTICLE_EN, "")
    assert not headings_only("One line without headings.", "One line")
