"""End to end on the real 0.5B model: every citation shown verifies, and a question the
documents cannot answer gets "the documents do not say" in its own language."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.docqa.ask_docs import NOT_SAID, TASK, ask_documents
from assistant.docqa.citations import Answer, quote_in
from assistant.documents import document_from_text
from assistant.task_events import Done, Token

NORMANS = (
    "The Normans were the people who in the 10th and 11th centuries gave their name to "
    "Normandy, a region in France. They were descended from Norse raiders and pirates from "
    "Denmark, Iceland and Norway."
)
TEA = "公司规定：员工每天下午三点可以在休息室喝茶，休息时间为十五分钟。"


def _ask(core: Any, question: str, conversation: str | None = None) -> Answer:
    events = list(ask_documents(core, question, conversation=conversation, max_tokens=64))
    assert isinstance(events[-1], Done) and any(isinstance(e, Token) for e in events)
    return Answer.from_data(events[-1].data)


@pytest.mark.model
def test_every_citation_shown_is_verified(core: Any) -> None:
    core.remember_document(document_from_text(NORMANS, title="normans.txt"))
    core.remember_document(document_from_text(TEA, title="规定.md"))
    answer = _ask(core, "Where did the Normans come from?")
    assert answer.found == bool(answer.citations) and answer.language == "en"
    for citation in answer.citations:  # whatever the model wrote, only checked quotes show
        assert quote_in(citation.quote, citation.text)
        assert f"[{citation.number}]" in answer.text and citation.document == "normans.txt"
    if not answer.found:
        assert answer.text == NOT_SAID["en"]


@pytest.mark.model
def test_without_documents_they_do_not_say_and_follow_ups_are_kept(core: Any) -> None:
    first = _ask(core, "量子计算机的工作原理是什么？")
    assert (first.found, first.text, first.language) == (False, NOT_SAID["zh"], "zh")
    follow = _ask(core, "Who invented it?", first.conversation)
    assert (follow.conversation, follow.text) == (first.conversation, NOT_SAID["en"])
    runs = core.store.list_runs(task=TASK)
    assert [r["params"]["conversation"] for r in runs] == [first.conversation] * 2
    assert any(h.kind == "run" for h in core.search("量子计算机", limit=20))  # in History search
