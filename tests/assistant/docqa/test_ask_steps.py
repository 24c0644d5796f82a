"""The two steps of Ask with a scripted model: code, not the model, decides what is cited and
whether the documents answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.docqa.ask_docs import NOT_SAID, answer_from_sources
from assistant.docqa.citations import Answer, Source
from assistant.task_events import Done, TaskEvent, Token

EN = "The Normans settled mostly in an area in the east of Ireland,\nlater known as the Pale."
ZH = "诺曼人在1066年征服了英格兰。随后，他们在爱尔兰建造了许多城堡。"
SOURCES = [Source(1, 11, "history.md", "p. 2", ZH), Source(2, 12, "ireland.pdf", "", EN)]
_END = re.compile(r"⟦END [A-Z]+ [0-9a-f]{16}⟧")


class ScriptedEngine:
    """Gives the scripted replies in turn; records the prompts."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.prompts: list[list[dict[str, str]]] = []

    def chat(self, messages: list[dict[str, str]], params: Any) -> Iterator[TaskEvent]:
        self.prompts.append(messages)
        text = self.replies.pop(0)
        yield Token(text)
        yield Done(text)

    def model_name(self) -> str:
        return "scripted"


def _answer(engine: ScriptedEngine, question: str, language: str = "en") -> Answer:
    steps = answer_from_sources(engine, question, language, SOURCES, [], "c1")  # type: ignore[arg-type]
    shown: list[TaskEvent] = []
    try:
        while True:
            shown.append(next(steps))
    except StopIteration as stop:
        assert not any(isinstance(e, Token) for e in shown)  # nothing shows before the check
        answer: Answer = stop.value
        return answer


def test_a_verified_quote_is_cited_to_its_passage_whatever_its_number() -> None:
    engine = ScriptedEngine('{"quote": "later known as the Pale", "source": 0}', "The Pale [3]")
    answer = _answer(engine, "Where did the Normans settle?")
    assert answer.found and answer.text == "The Pale [1]"
    assert [(c.chunk_id, c.document) for c in answer.citations] == [(12, "ireland.pdf")]
    pick, reply = (p[-1]["content"] for p in engine.prompts)
    for prompt, data in ((pick, EN.split("\n")[0]), (reply, "later known as the Pale")):
        end = list(_END.finditer(prompt))[-1]  # framed as data, the instruction after it
        assert data in prompt[: end.start()] and "Question:" in prompt[end.end() :]
    assert ZH not in reply  # step 2 sees the verified quote only


@pytest.mark.parametrize(
    "replies",
    [
        ('{"quote": "The Normans were Vikings", "source": 2}',),  # not in any passage
        ("not json",),
        ('{"source": 1}',),
        ('{"quote": "later known as the Pale", "source": 2}', "NONE"),  # the quote does not answer
        ('{"quote": "建造了许多城堡", "source": 1}', "  "),
    ],
)
def test_without_a_verified_quote_and_an_answer_the_documents_do_not_say(
    replies: tuple[str, ...],
) -> None:
    engine = ScriptedEngine(*replies)
    answer = _answer(engine, "他们在哪里建城堡？", "zh")
    assert (answer.found, answer.text, answer.citations) == (False, NOT_SAID["zh"], ())
    assert len(engine.prompts) == len(replies)  # no answer step without a verified quote


def test_without_sources_the_model_is_not_asked() -> None:
    engine = ScriptedEngine()
    steps = answer_from_sources(engine, "Why?", "en", [], [], "c1")  # type: ignore[arg-type]
    with pytest.raises(StopIteration) as stop:
        next(steps)
    assert stop.value.value.text == NOT_SAID["en"] and engine.prompts == []
