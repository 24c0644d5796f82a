"""End-to-end writing support on the real bundled 0.5B model: structure, never exact tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.lang import detect_language
from assistant.task_events import Done, TaskEvent, Token

pytestmark = pytest.mark.model
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _drain(events: Iterator[TaskEvent]) -> tuple[Done, list[TaskEvent]]:
    seen = list(events)
    done = [e for e in seen if isinstance(e, Done)]
    assert len(done) == 1
    return done[0], seen


def test_improve_keeps_link_number_marker_and_language(core: Any) -> None:
    source = "- pls send me the report before 5 pm, its at https://example.com/q3"
    done, events = _drain(core.polish(source, "improve", max_tokens=48))
    text = done.text
    assert any(isinstance(e, Token) for e in events), "the result must stream"
    assert text.startswith("- ") and "\n" not in text, text
    for token in ("https://example.com/q3", "5"):
        assert token in text, f"{token!r} lost: {text!r}"
    assert len(text) > 20 and detect_language(text) == "en", text
    run = core.store.get_run(done.run_id)
    assert run["task"] == "polish" and run["status"] == "done"


def test_fix_chinese_keeps_numbers_and_language(core: Any) -> None:
    source = "我们明天下午3点在201会议室开会，请大家准实参加。"
    done, _ = _drain(core.polish(source, "fix", max_tokens=48))
    text = done.text
    assert text.strip() and "3" in text and "201" in text, text
    assert len(_HAN.findall(text)) >= 10 and detect_language(text) == "zh", text
    assert "\n" not in text and done.data["original"] == source


def test_chat_reply_is_a_short_chinese_message(core: Any) -> None:
    done, _ = _drain(core.chat_reply("张伟: 明天的会改到几点？", "", "brief", max_tokens=40))
    text = done.text
    assert text.strip() and _HAN.search(text), text
    assert len(text.splitlines()) <= 3 and len(text) < 200, text
    assert not re.search(r"(?i)subject:|主题[:：]|此致|best regards", text), text
    assert core.store.get_run(done.run_id)["task"] == "chat-reply"


def test_custom_action_runs(core: Any) -> None:
    source = "Reminder: Li Wei sends the slides by Friday; Anna books the room for Monday 10:00."
    done, _ = _drain(core.run_action("Extract action items", source, max_tokens=40))
    assert done.text.strip() and detect_language(done.text) == "en", done.text
    assert core.store.get_run(done.run_id)["task"] == "action"
