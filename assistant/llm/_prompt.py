"""Chat messages to prompt token ids, where only the chat template can make control tokens.

Tokenizing the formatted prompt with special-token parsing (what llama.cpp does by default)
turns a document's ``<|im_end|>\\n<|im_start|>system`` into real turn markers. So each message's
content is wrapped in two Unicode noncharacters (reserved for a program's internal use, never
valid in interchanged text) before the template renders it; the rendered prompt is split on
them: the template's own text is tokenized with ``special=True``, the contents with
``special=False``. This holds for any model family and for every task, framed or not.
At the edge of a part the tokens can differ from those of the whole string (no merge across
the edge; SentencePiece vocabularies add a space in front of a part): the same text, read the
same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.errors import UserError
from assistant.llm.params import ChatMessage

START, END = "\ufdd0", "\ufdd1"
_MARKS = str.maketrans({START: None, END: None})
_CONTENT = re.compile(f"{START}(.*?){END}", re.DOTALL)
_CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


@dataclass(frozen=True, slots=True)
class PromptPart:
    text: str
    content: bool  # a message's content: tokenized without special-token parsing


class ChatPrompt:
    """The model's chat template and tokenizer (``llama_cpp._internals.LlamaModel``, which a
    vocabulary-only load provides too)."""

    def __init__(self, model: Any, metadata: dict[str, str]) -> None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        self.model = model
        self.bos_text = _token_text(model, model.token_bos())
        eos = model.token_eos()
        self.formatter: Any = Jinja2ChatFormatter(  # sandboxed Jinja
            template=metadata.get("tokenizer.chat_template") or _CHATML,
            eos_token=_token_text(model, eos),
            bos_token=self.bos_text,
            add_generation_prompt=True,
            stop_token_ids=[eos],
        )

    def parts(self, messages: list[ChatMessage]) -> list[PromptPart]:
        """The formatted prompt as template text and message contents, in order."""
        marked = [
            {**m, "content": START + m.get("content", "").translate(_MARKS) + END} for m in messages
        ]
        try:
            prompt = self.formatter(messages=marked).prompt
        except Exception as exc:  # the template's raise_exception(), bad roles...
            raise UserError(f"cannot format these chat messages: {exc}") from exc
        parts: list[PromptPart] = []
        at = 0
        for match in _CONTENT.finditer(prompt):
            parts.append(_template_part(prompt[at : match.start()]))
            parts.append(PromptPart(match.group(1), content=True))
            at = match.end()
        parts.append(_template_part(prompt[at:]))
        return [p for p in parts if p.text]

    def token_parts(self, messages: list[ChatMessage]) -> list[tuple[PromptPart, list[int]]]:
        """Each part with its token ids (the first one with BOS when the model wants it)."""
        import llama_cpp

        parts = self.parts(messages)
        add_bos = bool(llama_cpp.llama_vocab_get_add_bos(self.model.vocab))
        first = parts[0] if parts else None
        if first and not first.content and self.bos_text and first.text.startswith(self.bos_text):
            add_bos = False  # the template writes it
        out: list[tuple[PromptPart, list[int]]] = []
        for index, part in enumerate(parts):
            data = part.text.encode("utf-8")
            ids = self.model.tokenize(data, add_bos and index == 0, not part.content)
            out.append((part, list(ids)))
        return out

    def tokens(self, messages: list[ChatMessage]) -> list[int]:
        return [t for _, ids in self.token_parts(messages) for t in ids]


def _template_part(text: str) -> PromptPart:
    # A template that edits contents (cuts one at a "</think>", say) can leave a lone mark:
    # the text around it is then treated as content, so it can never become control tokens.
    if START in text or END in text:
        return PromptPart(text.translate(_MARKS), content=True)
    return PromptPart(text, content=False)


def _token_text(model: Any, token: int) -> str:
    return str(model.token_get_text(token)) if token != -1 else ""
