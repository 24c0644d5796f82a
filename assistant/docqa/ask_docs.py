"""``ask_documents``: answer a question from the stored documents, with verified citations.

Retrieved chunks are untrusted third-party text: they reach the model framed by
``frame_untrusted`` as data, never as instructions. The model fills a JSON schema (found,
citations as source number + quote, answer); code keeps only citations whose quote is in the
cited chunk (``citations.verify_citations``). Without a relevant chunk, or without one verified
citation, the answer is that the documents do not say, in the question's language. Each turn is
a run (task ``ask_docs``) carrying its conversation id, so follow-ups see the earlier turns and
History finds them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.docqa.citations import Answer, Citation, Source, strip_markers, verify_citations
from assistant.docqa.retrieve import retrieve
from assistant.framing import frame_untrusted
from assistant.llm.params import GenParams
from assistant.task_events import Done, Progress, Status, TaskEvent, Token
from assistant.tasks.recording import recorded

if TYPE_CHECKING:
    from assistant.host import TaskHost
    from assistant.llm.engine import LLMEngine

TASK = "ask_docs"
NOT_SAID = {"zh": "文档中没有提到这一点。", "en": "The documents do not say."}
FOLLOW_UP_TURNS = 3
MAX_TOKENS = 256
SYSTEM = (
    "You answer questions using only the numbered sources the user gives you. Copy one or two "
    "short quotes (a phrase or one sentence, exactly as written in the source, same language) "
    "that contain the answer, with the number of their source. Then give a short answer in "
    "{language}. If the sources do not contain the answer, set found to false, give no quotes "
    "and an empty answer. Never use outside knowledge."
)
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "found": {"type": "boolean"},
        "citations": {
            "type": "array",
            "maxItems": 2,
            "items": {
                "type": "object",
                "properties": {"source": {"type": "integer"}, "quote": {"type": "string"}},
                "required": ["source", "quote"],
            },
        },
        "answer": {"type": "string"},
    },
    "required": ["found", "citations", "answer"],
}
_LANGUAGE_NAMES = {"zh": "Chinese (简体中文)", "en": "English"}


def not_said(language: str) -> str:
    return NOT_SAID.get(language, NOT_SAID["en"])


def _history(core: TaskHost, conversation: str) -> list[tuple[str, str]]:
    """Earlier (question, answer) turns of the conversation, oldest first."""
    turns = [
        (str(r.get("input_text") or ""), str(r.get("data", {}).get("text", "")))
        for r in core.store.list_runs(limit=200, task=TASK)
        if r.get("params", {}).get("conversation") == conversation and r["status"] == "done"
    ]
    return list(reversed(turns))[-FOLLOW_UP_TURNS:]


def _messages(
    question: str, language: str, sources: list[Source], history: list[tuple[str, str]]
) -> list[dict[str, str]]:
    name = _LANGUAGE_NAMES.get(language, language)
    messages = [{"role": "system", "content": SYSTEM.format(language=name)}]
    for asked, answered in history:
        messages += [
            {"role": "user", "content": asked},
            {"role": "assistant", "content": answered},
        ]
    listing = "\n\n".join(
        f"[{s.number}] {s.document}{', ' + s.where if s.where else ''}\n{s.text}" for s in sources
    )
    framed = frame_untrusted(listing, label="documents")
    messages.append({"role": "user", "content": f"{framed}\n\nQuestion: {question}"})
    return messages


def _parse(text: str) -> tuple[bool, str, list[tuple[int, str]]]:
    """(found, answer, proposed citations) from the model's JSON; nothing on malformed output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return False, "", []
    if not isinstance(data, dict):
        return False, "", []
    proposed = [
        (int(c["source"]), str(c["quote"]))
        for c in data.get("citations") or []
        if isinstance(c, dict) and isinstance(c.get("source"), int) and c.get("quote")
    ]
    return bool(data.get("found")), str(data.get("answer") or "").strip(), proposed


def render(answer: Answer) -> str:
    """The answer as text: sentence with markers, then one line per citation."""
    if not answer.citations:
        return answer.text
    return answer.text + "\n\n" + "\n".join(c.label() for c in answer.citations)


def compose(
    question: str, language: str, conversation: str, found: bool, text: str,
    citations: list[Citation],
) -> Answer:  # fmt: skip
    """The final answer: "do not say" unless the model found one and a citation verified."""
    if not (found and text and citations):
        return Answer(question, not_said(language), False, language, (), conversation)
    markers = "".join(f"[{c.number}]" for c in citations)
    return Answer(
        question, f"{strip_markers(text)} {markers}", True, language, tuple(citations),
        conversation,
    )  # fmt: skip


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
    params = GenParams(max_tokens=max_tokens, temperature=0.0, json_schema=SCHEMA)

    def body() -> Iterator[TaskEvent]:
        yield Status("searching your documents")
        query = " ".join([*(q for q, _a in history[-1:]), question])
        sources = retrieve(core, query)
        found, text = False, ""
        proposed: list[tuple[int, str]] = []
        if sources:
            yield Status(f"reading {len(sources)} passages")
            reply = ""
            for event in llm.chat(_messages(question, language, sources, history), params):
                if isinstance(event, Progress):
                    yield event
                elif isinstance(event, Done):
                    reply = event.text
            found, text, proposed = _parse(reply)
        citations = verify_citations(proposed, {s.number: s for s in sources})
        answer = compose(question, language, conv, found, text, citations)
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
