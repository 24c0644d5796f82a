"""End to end on the real 0.5B model: every citation shown verifies, and a question the
documents cannot answer gets "the documents do not say" in its own language."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.docqa.ask_docs import NOT_SAID, TASK, ask_documents
from assistant.docqa.citations import Answer, quote_in
from assistant.documents import document_from_text
from assistant.events import Done, Token

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
def test_answers_cite_only_verified_quotes_and_follow_ups_are_kept(core: Any) -> None:
    core.remember_document(document_from_text(NORMANS, title="normans.txt"))
    core.remember_document(document_from_text(TEA, title="规定.md"))
    first = _ask(core, "Where did the Normans come from?")
    for answer in (first, _ask(core, "员工几点可以喝茶？")):
        assert answer.found == bool(answer.citations)
        for citation in answer.citations:  # whatever the model wrote, only checked quotes show
            assert quote_in(citation.quote, citation.text)
            assert f"[{citation.number}]" in answer.text
        if not answer.found:
            assert answer.text == NOT_SAID[answer.language]
    follow = _ask(core, "And what region is named after them?", first.conversation)
    assert follow.conversation == first.conversation
    runs = core.store.list_runs(task=TASK)
    assert sum(r["params"]["conversation"] == first.conversation for r in runs) == 2
    assert core.search("Normans region", limit=20)  # the conversation is searchable


@pytest.mark.model
def test_without_documents_the_answer_is_that_they_do_not_say(core: Any) -> None:
    answer = _ask(core, "量子计算机的工作原理是什么？")
    assert (answer.found, answer.text, answer.language) == (False, NOT_SAID["zh"], "zh")
    assert answer.citations == ()
