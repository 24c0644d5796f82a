"""End-to-end translation on the real bundled 0.5B model."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.lang import detect_language
from assistant.task_events import Done, Progress, TaskEvent, Token
from assistant.tasks.quality import echo_ratio

pytestmark = pytest.mark.model

_HAN = re.compile(r"[\u4e00-\u9fff]")
_PREFACE = re.compile(
    r"(?i)^(here|sure|certainly|translation|translated|the translation)|^(译文|翻译)|"
    r"\n\s*\(?(note|注)[:：]|<text>"
)


def _drain(events: Iterator[TaskEvent]) -> tuple[Done, list[TaskEvent]]:
    seen = list(events)
    done = [e for e in seen if isinstance(e, Done)]
    assert len(done) == 1
    return done[0], seen


class ChatCounter:
    """Counts the engine's chat calls (the real engine still answers)."""

    def __init__(self, core: Any) -> None:
        self.engine = core.engine()
        self.calls: list[list[dict[str, str]]] = []
        self._chat = self.engine.chat

    def __enter__(self) -> ChatCounter:
        def chat(messages: list[dict[str, str]], params: Any) -> Iterator[TaskEvent]:
            self.calls.append(messages)
            return self._chat(messages, params)

        self.engine.chat = chat
        return self

    def __exit__(self, *exc: object) -> None:
        self.engine.chat = self._chat


def _assert_bare_translation(source: str, text: str) -> None:
    assert text.strip(), "empty translation"
    assert not _PREFACE.search(text), f"preface or note in the output: {text!r}"
    assert echo_ratio(source, text, n=3) < 0.3, f"the output copies the source: {text!r}"


def test_english_to_chinese(core: Any) -> None:
    source = "The meeting is moved to Friday afternoon because the manager is travelling."
    done, events = _drain(core.translate(source, "zh"))
    assert done.data["source"] == "en" and done.data["target"] == "zh"
    assert any(isinstance(e, Token) for e in events), "the translation must stream"
    text = done.text
    _assert_bare_translation(source, text)
    assert len(_HAN.findall(text)) >= 6, text
    assert detect_language(text) == "zh", text
    assert "\n" not in text
    run = core.store.get_run(done.run_id)
    assert run["task"] == "translate" and run["status"] == "done" and run["output"] == text


def test_chinese_to_english(core: Any) -> None:
    source = "我们明天上午十点在会议室讨论新产品的发布计划。"
    done, _ = _drain(core.translate(source, "en"))
    assert done.data["source"] == "zh"
    text = done.text
    _assert_bare_translation(source, text)
    assert not _HAN.search(text), f"Chinese left in the English output: {text!r}"
    assert "，" not in text and "。" not in text
    assert detect_language(text) == "en", text
    assert len(re.findall(r"[A-Za-z]+", text)) >= 5, text
    assert re.search(r"(?i)meeting|discuss|product|plan|release|launch", text), text


LAYOUT = """# Weekly report

The team finished the database migration on Monday.

- Fix the export bug
- Update the user guide

## Next steps
1. Release the new version on Friday.
"""


def test_markdown_file_keeps_its_layout(core: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(LAYOUT, encoding="utf-8")
    done, events = _drain(core.translate(path, "zh", max_tokens=48))
    source_lines = LAYOUT.strip("\n").split("\n")
    lines = done.text.split("\n")
    assert len(lines) == len(source_lines), done.text
    for src, out in zip(source_lines, lines, strict=True):
        if not src.strip():
            assert not out.strip(), f"blank line lost: {done.text!r}"
            continue
        marker = re.match(r"(#+ |- |\d\. )?", src)
        assert marker is not None
        prefix = marker.group(0)
        assert out.startswith(prefix), f"{src!r} became {out!r}"
        body = out[len(prefix) :]
        assert not re.match(r"\s*(#+|-|\*|\d\.)\s", body), f"marker doubled: {out!r}"
        assert len(_HAN.findall(body)) >= 2, f"{src!r} was not translated: {out!r}"
    assert done.data["segments"] == 6
    progress = [e for e in events if isinstance(e, Progress) and e.stage == "translating"]
    assert progress and progress[-1].total == 6
    assert core.store.get_run(done.run_id)["input_path"] == str(path)


def test_translation_memory_reuses_segments_per_pair(core: Any) -> None:
    text = "Good morning.\n\nThe report is ready."
    first, _ = _drain(core.translate(text, "zh", max_tokens=32))
    assert first.data["segments"] == 2 and first.data["reused"] == 0
    with ChatCounter(core) as counter:
        second, _ = _drain(core.translate(text, "zh", max_tokens=32))
    assert counter.calls == [], "a memorized segment was translated again"
    assert second.data["reused"] == second.data["segments"] == 2
    assert second.text == first.text
    # Another pair does not reuse the en->zh memory of the same segment.
    with ChatCounter(core) as counter:
        french, _ = _drain(core.translate("The report is ready.", "fr", max_tokens=32))
    assert french.data["reused"] == 0 and len(counter.calls) >= 1
    assert not _HAN.search(french.text) and french.text != "The report is ready.", french.text


def test_glossary_is_in_the_prompt_and_violations_are_reported(core: Any) -> None:
    core.store.glossary_add("en", "zh", "invoice", "发票")
    core.store.glossary_add("en", "zh", "Alice", "爱丽丝")
    core.store.glossary_add("en", "zh", "budget", "预算")  # not in the text
    source = "Please check the numbers in the attached invoice and send them to Alice."
    # One token cannot hold both "发票" and "爱丽丝", so at least one term is missed, whatever
    # words this CPU's decoding picks (six tokens held both on an AVX-512 machine).
    with ChatCounter(core) as counter:
        done, _ = _drain(core.translate(source, "zh", max_tokens=1))
    prompt = counter.calls[0][-1]["content"]
    assert '"invoice" -> "发票"' in prompt and '"Alice" -> "爱丽丝"' in prompt
    assert "预算" not in prompt
    assert len(counter.calls) >= 2, "a glossary miss is retried"
    violations = done.data["glossary_violations"]
    missed = [{"term": t, "expected": e} for t, e in (("invoice", "发票"), ("Alice", "爱丽丝"))
              if e not in done.text]  # fmt: skip
    assert missed and sorted(violations, key=str) == sorted(missed, key=str), done.text
    assert core.store.tm_lookup("en", "zh", source) is None, "a glossary miss is not memorized"
