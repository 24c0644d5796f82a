"""The reply eval task's structure on a toy set (not its scores): items carry the recipient as
identity and a cycling intent, every metric is computed, and each check fails a bad draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.eval.reply_eval import TASK, ReplyItem, ReplyOutput
from assistant.eval.reply_metrics import distinct, stock_sentences
from assistant.mail import build_reply_eml

ROOT = Path(__file__).resolve().parents[3]
ZH = ROOT / "resources" / "eval" / "reply_zh"


def _out(item: ReplyItem, draft: str, from_addr: str | None = None) -> ReplyOutput:
    identity = item.identity
    assert identity is not None
    addr = identity.address if from_addr is None else from_addr
    eml = build_reply_eml(item.mail, draft, from_addr=addr, from_name=identity.name)
    return ReplyOutput(draft, eml.decode("ascii"))


def test_items_are_answered_as_their_recipient() -> None:
    assert TASK.name == "reply" and TASK.systems == ("plain", "pipeline")
    items = TASK.load(ZH, 3)
    assert [i.intent for i in items] == ["accept", "decline", "ask"]
    first = items[0]
    assert first.identity is not None and first.identity.address == "lina@huaxin-tech.cn"
    assert first.identity.name == "李娜" and first.mail.language == "zh"
    assert len(TASK.load(ZH, None)) == 10
    with pytest.raises(UserError):
        TASK.load(ROOT / "docs", None)


def test_each_check_fails_its_own_defect() -> None:
    items = list(TASK.load(ZH, 3))
    good = [
        "张经理你好，\n\n没问题，我周四上午准时参加评审会，测试进度也会带过去。\n\n祝好！\n李娜",
        "王芳您好，\n\n很抱歉，这周我出差，周五之前没法补交发票，下周一补上可以吗？\n\n祝好！\n陈刚",
        "刘洋您好，\n\n想先问一下：培训课大概有多少新员工参加？需要准备讲义吗？\n\n祝好！\n赵敏",
    ]
    outputs = [_out(i, d) for i, d in zip(items, good, strict=True)]
    scores = TASK.score(items, outputs)
    assert set(scores) == {
        "greeting_names_sender", "signoff_is_user", "from_is_user", "no_copied_sentence",
        "intent_met", "distinct_drafts", "usable",
    }  # fmt: skip
    assert scores[TASK.headline] == 100.0, scores  # shares in %
    bad = [
        _out(items[0], good[0].replace("张经理", "李娜")),  # greets the user
        _out(items[1], good[1].replace("陈刚", "王芳")),  # signed by the sender
        _out(items[2], good[2], from_addr=""),  # no From
    ]
    scores = TASK.score(items, bad)
    assert scores["greeting_names_sender"] < 100 and scores["signoff_is_user"] < 100
    assert scores["from_is_user"] < 100 and scores["usable"] == 0.0
    copy = (
        "刘洋您好，\n\n公司下个月十五号有一场新员工培训，想请您来讲一个小时的数据安全课。"
        "\n\n祝好！\n赵敏"
    )
    assert TASK.score(items[2:], [_out(items[2], copy)])["no_copied_sentence"] == 0.0
    accepted = "刘洋您好，\n\n好的，我可以来讲这节课。\n\n祝好！\n赵敏"  # "ask" without a question
    assert TASK.score(items[2:], [_out(items[2], accepted)])["intent_met"] == 0.0
    assert TASK.score(items[:1], [ReplyOutput("", "", "no draft")])["usable"] == 0.0


def test_stock_filler_is_a_sentence_in_three_drafts_to_different_mails() -> None:
    filler = "I look forward to working with you."
    drafts = [
        ("a", f"Friday works. {filler}"),
        ("b", f"I can send it today. {filler}"),
        ("c", f"Sorry, not this week. {filler}"),
        ("d", "Who else is coming to the meeting?"),
    ]
    assert stock_sentences(drafts) == {"i look forward to working with you"}
    assert distinct(drafts) == [False, False, False, True]
    assert distinct(drafts[:2] + drafts[3:]) == [True, True, True]  # two drafts: not yet stock
