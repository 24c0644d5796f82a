"""Long-document summaries stream their sections: order, overview on top, cancel and resume.

A scripted engine (words as tokens, a small context) drives the real map-reduce, the real store
and the run records; the real-model test is at the end.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.errors import ContextTooSmall, UserError
from assistant.settings import Settings
from assistant.store import Store
from assistant.task_events import Done, Progress, SectionDone, TaskEvent, Token
from assistant.tasks.summarize import SummaryOptions, summarize
from tests.helpers import make_pdf

CONTEXT = 900  # words: a few sections for the document below


OVERVIEW = "summaries of consecutive parts"  # words of the overview's instruction


class ScriptedEngine:
    """Answers each section with its part number, the overview with a fixed line."""

    def __init__(self) -> None:
        self.prompts: list[str] = []
        self.context = CONTEXT

    def chat(self, messages: list[dict[str, str]], params: Any) -> Iterator[TaskEvent]:
        prompt = messages[-1]["content"]
        self.prompts.append(prompt)
        where = re.search(r"part \d+ of \d+", prompt)
        if where and OVERVIEW not in prompt:
            answer = f"Gist of {where.group(0)}: budgets moved."
        else:
            answer = "Overview: the plan grew."
        for word in answer.split(" "):
            yield Token(word + " ")
        yield Done(answer, data={"prompt_tokens": len(prompt.split()), "completion_tokens": 5})

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def context_size(self) -> int:
        return self.context

    def model_name(self) -> str:
        return "scripted"


def _document() -> str:
    paragraphs = []
    for i in range(12):
        words = " ".join(f"w{i}x{j}" for j in range(90))
        paragraphs.append(f"Paragraph {i}. {words}.")
    return "\n\n".join(paragraphs)


@pytest.fixture
def fake_core(data_dir: Path) -> Iterator[Any]:
    store = Store(data_dir)
    engine = ScriptedEngine()
    core = SimpleNamespace(
        store=store,
        settings=Settings(store),
        engine=lambda: engine,
        remember_document=lambda doc: 0,
        scripted=engine,
    )
    yield core
    store.close()


def _run(core: Any) -> Iterator[TaskEvent]:
    return summarize(core, _document(), SummaryOptions(language="en", length="brief"))


def test_sections_arrive_in_order_before_done_and_overview_is_on_top(fake_core: Any) -> None:
    events = list(_run(fake_core))
    sections = [e for e in events if isinstance(e, SectionDone)]
    done = events[-1]
    assert isinstance(done, Done) and done.data["mode"] == "map-reduce"
    assert len(sections) == done.data["sections"] >= 3
    assert [s.index for s in sections] == list(range(len(sections)))
    assert all(s.total == len(sections) and s.pages == "" for s in sections)
    # Each section is out before the overview's first token, and long before Done.
    last_section = max(i for i, e in enumerate(events) if isinstance(e, SectionDone))
    first_token = min(i for i, e in enumerate(events) if isinstance(e, Token))
    assert last_section < first_token
    assert done.text.startswith("Overview: the plan grew.")
    assert done.text.index("## Sections") > done.text.index("Overview")
    for s in sections:
        assert f"### Part {s.index + 1} of {s.total}\n\n{s.text}" in done.text
    assert fake_core.store.get_run(done.run_id)["output"] == done.text


def test_cancel_keeps_sections_and_resume_skips_them(fake_core: Any) -> None:
    events = _run(fake_core)
    kept: list[SectionDone] = []
    with contextlib.closing(events):
        for event in events:
            if isinstance(event, SectionDone):
                kept.append(event)
                if len(kept) == 2:
                    break
    run = fake_core.store.list_runs(task="summarize")[0]
    assert run["status"] == "cancelled"
    for section in kept:
        assert section.text in run["output"]
    assert run["data"]["resumable"] is True
    assert run["data"]["sections_done"] == 2 and run["data"]["sections"] == kept[0].total
    asked = len(fake_core.scripted.prompts)

    seen = list(_run(fake_core))
    done = seen[-1]
    assert isinstance(done, Done) and done.data["resumed"] == 2
    again = [e for e in seen if isinstance(e, SectionDone)]
    assert again[:2] == kept  # the same text, from the store, not recomputed
    new_prompts = fake_core.scripted.prompts[asked:]
    section_prompts = [p for p in new_prompts if "Paragraph" in p]  # not the reduce's
    assert len(section_prompts) == kept[0].total - 2
    assert not any("part 1 of" in p or "part 2 of" in p for p in section_prompts)
    # The stored partials are gone once the whole summary is done.
    assert fake_core.store.get_run(done.run_id)["status"] == "done"


def test_a_chinese_summary_has_chinese_headings(fake_core: Any, tmp_path: Path) -> None:
    pages = [" ".join(f"{letter}{j}" for j in range(250)) for letter in "abcdef"]
    pdf = make_pdf(tmp_path / "long.pdf", pages)
    events = list(summarize(fake_core, pdf, SummaryOptions(language="zh", length="brief")))
    sections = [e for e in events if isinstance(e, SectionDone)]
    done = events[-1]
    assert isinstance(done, Done) and len(sections) == done.data["sections"] >= 2
    assert all(s.language == "zh" for s in sections)
    assert done.text.index("## 各部分\n\n") > 0  # after the overview
    for s in sections:
        assert re.fullmatch(r"\d+(-\d+)?", s.pages)
        assert f"### 第 {s.pages} 页\n\n{s.text}" in done.text
    assert not re.search(r"Sections|Pages? \d", done.text)


def test_a_chinese_summary_without_pages_numbers_its_parts(fake_core: Any) -> None:
    events = list(summarize(fake_core, _document(), SummaryOptions(language="zh")))
    sections = [e for e in events if isinstance(e, SectionDone)]
    done = events[-1]
    assert isinstance(done, Done) and len(sections) >= 2
    for s in sections:
        assert f"### 第 {s.index + 1} 部分（共 {s.total} 部分）\n\n{s.text}" in done.text
    assert "Part " not in done.text and "## Sections" not in done.text


def test_running_heads_are_dropped_unless_kept(fake_core: Any, tmp_path: Path) -> None:
    head = "Riverside Annual Report - Internal"
    ends = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot")
    pages = [
        f"{head}\n" + " ".join(f"p{n}w{j}" for j in range(250)) + f" {end}."
        for n, end in enumerate(ends)
    ]
    pdf = make_pdf(tmp_path / "heads.pdf", pages)
    dropped = list(summarize(fake_core, pdf, SummaryOptions(language="en")))
    asked = list(fake_core.scripted.prompts)
    kept = list(summarize(fake_core, pdf, SummaryOptions(language="en", keep_page_furniture=True)))
    asked_kept = fake_core.scripted.prompts[len(asked) :]
    assert isinstance(dropped[-1], Done) and isinstance(kept[-1], Done)
    assert kept[-1].data["resumed"] == 0  # not the first run's partial results
    assert not any(head in prompt for prompt in asked)
    assert sum(prompt.count(head) for prompt in asked_kept) == 6  # once a page
    for end in ends:  # nothing else is lost
        assert any(f"{end}." in prompt for prompt in asked)


def test_a_context_the_prompt_fills_is_a_typed_error(fake_core: Any) -> None:
    fake_core.scripted.context = 300  # the section prompt and its answer need more
    with pytest.raises(ContextTooSmall) as raised:
        list(_run(fake_core))
    assert isinstance(raised.value, UserError)
    assert "300 tokens" in raised.value.message
    assert raised.value.hint == "raise n_ctx: deskmate settings set n_ctx 2048"
    assert fake_core.scripted.prompts == []  # refused before asking the model anything
    run = fake_core.store.list_runs(task="summarize")[0]
    assert run["status"] == "failed" and "n_ctx" in run["error"]


def test_a_short_text_has_no_sections(fake_core: Any) -> None:
    events = list(summarize(fake_core, "A short note.", SummaryOptions(language="en")))
    assert not any(isinstance(e, SectionDone) for e in events)
    assert isinstance(events[-1], Done) and "## Sections" not in events[-1].text


@pytest.mark.model
def test_a_three_page_pdf_streams_its_pages(
    core: Any, tmp_path: Path, scitldr: list[dict[str, Any]]
) -> None:
    core.settings.set("n_ctx", 1024)
    texts = [f"{item['title']}\n\n{item['abstract']}" for item in scitldr[:3]]
    pdf = make_pdf(tmp_path / "three.pdf", texts)
    events = list(core.summarize(pdf, length="brief", max_tokens=16))
    sections = [e for e in events if isinstance(e, SectionDone)]
    done = events[-1]
    assert isinstance(done, Done) and done.data["mode"] == "map-reduce"
    assert len(sections) == done.data["sections"] >= 2
    assert all(re.fullmatch(r"\d+(-\d+)?", s.pages) for s in sections)
    assert events.index(sections[-1]) < len(events) - 1
    assert not any(isinstance(e, Progress) and e.stage == "done" for e in events[: len(sections)])
    assert done.text.index("## Sections") > 0  # the overview comes first


class _StrictEngine(ScriptedEngine):
    """Refuses a prompt the context cannot hold, as llama.cpp does; answers at full length."""

    def chat(self, messages: list[dict[str, str]], params: Any) -> Iterator[TaskEvent]:
        prompt_tokens = sum(self.count_tokens(m["content"]) for m in messages)
        self.prompts.append(messages[-1]["content"])
        if prompt_tokens > self.context:
            raise UserError(f"the prompt has {prompt_tokens} tokens, the context {self.context}")
        answer = " ".join(["budget"] * params.max_tokens)
        yield Token(answer)
        yield Done(answer, data={"prompt_tokens": prompt_tokens, "completion_tokens": 5})


def test_reducing_at_the_smallest_context_never_overflows_it() -> None:
    from assistant.llm.params import GenParams
    from assistant.tasks import prompts
    from assistant.tasks.summarize import MIN_SECTION_TOKENS, _reduce, prompt_overhead

    engine = _StrictEngine()
    gen = GenParams(max_tokens=256)  # two answers are more than one answer and 128 tokens
    frame = prompts.section_messages("", language="en", where="pages 100-200")
    # the smallest context map-reduce accepts: one section prompt, its answer and 128 tokens
    engine.context = prompt_overhead(engine, frame) + gen.max_tokens + MIN_SECTION_TOKENS
    sections = [" ".join(["budget"] * gen.max_tokens) for _ in range(9)]
    reduce = _reduce(engine, sections, "en", gen)  # type: ignore[arg-type]
    while True:
        try:
            next(reduce)
        except StopIteration as stop:
            text = stop.value
            break
    assert engine.prompts, "nine long summaries cannot fit one prompt without combining"
    overview_frame = prompts.combine_messages("", language="en", length="detailed")
    assert prompt_overhead(engine, overview_frame) + engine.count_tokens(text) < engine.context
