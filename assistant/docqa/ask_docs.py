"""``ask_documents``: answer a question from the stored documents, with verified citations.

Retrieved chunks are untrusted third-party text: they reach the model framed by
``frame_untrusted`` as data, never as instructions. Two steps (``ask_prompts``): the model
copies the sentence that answers the question from the numbered passages, and code verifies it
verbatim in a passage (``citations.verify_citations``, which also decides which passage is
cited); then the model answers from the verified quote alone. Whether the documents answer is
decided in code: without a relevant chunk, a verified quote, or an answer from it, the reply is
that the documents do not say, in the question's language. Each turn is a run (task
``ask_docs``) carrying its conversation id, so follow-ups see the earlier turns and History
finds them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

from assistant.docqa.ask_prompts import (
    NO_ANSWER,
    NOT_SAID,
    PICK_SCHEMA,
    answer_messages,
    not_said,
    pick_messages,
)
from assistant.docqa.citations import Answer, Citation, Source, strip_markers, verify_citations
from assistant.docqa.retrieve import retrieve
from assistant.llm.params import GenParams
from assistant.task_events import Done, Progress, Status, TaskEvent, Token
from assistant.tasks.chat import chat_answer
from assistant.tasks.recording import recorded

if TYPE_CHECKING:
    from assistant.host import TaskHost
    from assistant.llm.engine import LLMEngine

__all__ = ["NOT_SAID", "TASK", "answer_from_sources", "ask_documents", "compose", "render"]
TASK = "ask_docs"
FOLLOW_UP_TURNS = 3
MAX_TOKENS = 256
ANSWER_TOKENS = 64  # step 2 answers in a few words


def _history(core: TaskHost, conversation: str) -> list[tuple[str, str]]:
    """Earlier (question, answer) turns of the conversation, oldest first."""
    turns = [
        (str(r.get("input_text") or ""), str(r.get("data", {}).get("text", "")))
        for r in core.store.list_runs(limit=200, task=TASK)
        if r.get("params", {}).get("conversation") == conversation and r["status"] == "done"
    ]
    return list(reversed(turns))[-FOLLOW_UP_TURNS:]


def _parse_pick(text: str) -> list[tuple[int, str]]:
    """The proposed (source number, quote) from step 1's JSON; nothing on malformed output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("quote"), str):
        return []
    number = data.get("source")
    return [(number if isinstance(number, int) else 0, data["quote"])]


def _answered(text: str) -> str:
    """Step 2's answer, or "" when it says the quote does not answer the question."""
    text = strip_markers(text.strip().strip('"'))
    return "" if not text or NO_ANSWER in text.upper() else text


def render(answer: Answer) -> str:
    """The answer as text: sentence with markers, then one line per citation."""
    if not answer.citations:
        return answer.text
    return answer.text + "\n\n" + "\n".join(c.label() for c in answer.citations)


def compose(
    question: str, language: str, conversation: str, text: str, citations: list[Citation]
) -> Answer:
    """The final answer: "do not say" unless there is an answer and a verified citation."""
    if not (text and citations):
        return Answer(question, not_said(language), False, language, (), conversation)
    markers = "".join(f"[{c.number}]" for c in citations)
    return Answer(
        question, f"{strip_markers(text)} {markers}", True, language, tuple(citations),
        conversation,
    )  # fmt: skip


def answer_from_sources(
    llm: LLMEngine,
    question: str,
    language: str,
    sources: list[Source],
    history: list[tuple[str, str]],
    conversation: str,
    max_tokens: int = MAX_TOKENS,
) -> Generator[TaskEvent, None, Answer]:
    """Pick a quote, verify it, answer from it; the answer shows only once checked."""
    citations: list[Citation] = []
    text = ""
    if sources:
        pick = GenParams(max_tokens=max_tokens, temperature=0.0, json_schema=PICK_SCHEMA)
        reading = Progress(0, 2, "reading")
        reply = yield from chat_answer(
            llm, pick_messages(question, sources, history), pick, progress=reading
        )
        citations = verify_citations(_parse_pick(reply), {s.number: s for s in sources})
    if citations:
        params = GenParams(max_tokens=min(max_tokens, ANSWER_TOKENS), temperature=0.0)
        quotes = [c.quote for c in citations]
        reply = yield from chat_answer(
            llm,
            answer_messages(question, language, quotes, history),
            params,
            progress=Progress(1, 2, "answering"),
        )
        text = _answered(reply)
    return compose(question, language, conversation, text, citations)


def ask_documents(
    core: TaskHost,
    question: str,
    *,
    conversation: str | None = None,
    engine: LLMEngine | None = None,
    max_tokens: int = MAX_TOKENS,
) -> Iterator[TaskEvent]:
    """Answer ``question`` from the stored documents; ``conversation`` continues one."""
    from assistant.errors import UserError
    from assistant.lang import detect_language

    question = question.strip()
    if not question:
        raise UserError("the question is empty", hint="type what you want to know")
    conv = conversation or uuid.uuid4().hex[:12]
    history = _history(core, conv) if conversation else []
    language = detect_language(question)
    llm = engine or core.engine()

    def body() -> Iterator[TaskEvent]:
        yield Status("searching your documents")
        query = " ".join([*(q for q, _a in history[-1:]), question])
        sources = retrieve(core, query)
        if sources:
            yield Status(f"reading {len(sources)} passages")
        answer = yield from answer_from_sources(
            llm, question, language, sources, history, conv, max_tokens
        )
        shown = render(answer)
        yield Token(shown)
        yield Done(shown, data=answer.to_data())

    yield from recorded(
        core.store,
        TASK,
        body,
        input_text=question,
        model=llm.model_name(),
        params={"conversation": conv, "max_tokens": max_tokens},
    )
