"""Chat excerpts: parsing, telling them from mail, cleaning the drafted message."""

from __future__ import annotations

from assistant.tasks.chat_reply import (
    ChatLine,
    chat_lines,
    chat_messages,
    clean_message,
    looks_like_chat,
)


def test_lines_with_names_and_time_stamps() -> None:
    text = "张伟: 明天的会改到几点？\n[10:32] Li Na：我也想知道\n下午可以吗\nAlice Smith: ok"
    assert chat_lines(text) == [
        ChatLine("张伟", "明天的会改到几点？"),
        ChatLine("Li Na", "我也想知道 下午可以吗"),
        ChatLine("Alice Smith", "ok"),
    ]


def test_chat_or_mail() -> None:
    assert looks_like_chat("张伟: 明天的会改到几点？")
    assert not looks_like_chat("From: Bob <b@x.org>\nSubject: hi\n\nBob: see below")
    assert not looks_like_chat("Just a sentence without a speaker.")


def test_prompt_frames_the_chat_and_asks_for_a_chat_message() -> None:
    lines = chat_lines("张伟: 明天的会改到几点？")
    zh = chat_messages(lines, "zh", "decline", "friendly")[-1]["content"]
    assert zh.index("⟦END TEXT") < zh.index("回复张伟") and "礼貌地说不" in zh and "亲切" in zh
    en = chat_messages(chat_lines("Bob: lunch at 12?"), "en", "", "brief")[-1]["content"]
    assert "replying to Bob" in en and "no sign-off" in en


def test_clean_message() -> None:
    assert clean_message("我：“好的，三点见”", "张伟: 明天几点？") == "好的，三点见"
    assert clean_message("Me: Sure!\nSee you\nthere\nBest,\nAnna", "Bob: lunch?") == (
        "Sure! See you there"
    )
