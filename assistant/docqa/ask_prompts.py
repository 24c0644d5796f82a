"""The two prompts of "ask your documents": pick a supporting quote, then answer from it.

Small models (the bundled 0.5B and 1.5B) fail a single prompt that asks them to decide whether
the sources answer, cite and answer at once: they decide "not found" first and then copy the
source sentence anyway. Copying the sentence that answers a question is what they do well, so
step 1 asks only for that (a quote and the number of its passage), and code verifies it; step 2
answers from the verified quote alone. Retrieved text is framed as untrusted data and the
instruction comes after it (small models echo text that follows the instruction).
"""

from __future__ import annotations

from typing import Any

from assistant.docqa.citations import Source
from assistant.framing import frame_untrusted

NOT_SAID = {"zh": "文档中没有提到这一点。", "en": "The documents do not say."}
# What step 2 writes when the quote does not answer the question (checked in code).
NO_ANSWER = "NONE"
QUOTE_CHARS = 160  # one sentence; keeps a small model from copying a whole passage
_LANGUAGE_NAMES = {"zh": "Chinese (简体中文)", "en": "English"}

PICK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "quote": {"type": "string", "maxLength": QUOTE_CHARS},
        "source": {"type": "integer"},
    },
    "required": ["quote", "source"],
}
PICK_INSTRUCTION = (
    "Question: {question}\n\n"
    "Copy, exactly as written in the passages above, the one sentence that answers the "
    "question, and give the number of its passage. Do not answer the question yet."
)
ANSWER_INSTRUCTION = (
    "Question: {question}\n\n"
    "Answer the question in one short sentence in {language}, using only the quote above and "
    "keeping its own words. If the quote does not answer the question, write only {none}."
)


def not_said(language: str) -> str:
    return NOT_SAID.get(language, NOT_SAID["en"])


def language_name(language: str) -> str:
    return _LANGUAGE_NAMES.get(language, language)


def listing(sources: list[Source]) -> str:
    """The passages, numbered from 1, each headed by its document and page or section."""
    return "\n\n".join(
        f"[{s.number}] {s.document}{', ' + s.where if s.where else ''}\n{s.text}" for s in sources
    )


def _with_earlier(question: str, history: list[tuple[str, str]]) -> str:
    if not history:
        return question
    earlier = "\n".join(f"- {asked} -> {answered}" for asked, answered in history)
    return f"{question}\n(Earlier questions and answers in this conversation:\n{earlier})"


def pick_messages(
    question: str, sources: list[Source], history: list[tuple[str, str]]
) -> list[dict[str, str]]:
    """Step 1: the passages framed as data, then the request for one verbatim quote."""
    framed = frame_untrusted(listing(sources), label="documents")
    ask = PICK_INSTRUCTION.format(question=_with_earlier(question, history))
    return [{"role": "user", "content": f"{framed}\n\n{ask}"}]


def answer_messages(
    question: str, language: str, quotes: list[str], history: list[tuple[str, str]]
) -> list[dict[str, str]]:
    """Step 2: the verified quotes framed as data, then the question to answer from them."""
    framed = frame_untrusted("\n".join(quotes), label="quote")
    ask = ANSWER_INSTRUCTION.format(
        question=_with_earlier(question, history), language=language_name(language), none=NO_ANSWER
    )
    return [{"role": "user", "content": f"{framed}\n\n{ask}"}]
