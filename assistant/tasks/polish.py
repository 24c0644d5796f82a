"""Polish: fix, improve or rewrite a text paragraph by paragraph, keeping what must be kept.

Each line keeps its Markdown marker (heading, list item, quote) and fenced code stays as it is
(``segment``); a long line is cut at sentence ends. A rewrite must keep the protected tokens
(links, numbers, dates, code, names: ``assistant.writing.protect``), the language, and must be a
rewrite of the text, not an answer to it; else it is tried once more with the tokens named, and
then the paragraph stays as it was (reported in ``Done.data["kept"]``).

``fix`` is minimal. The model is asked twice (the instruction alone, then with one worked
example) and only the edits both answers make are applied: a correct sentence that one prompt
leaves alone comes back unchanged, and a rewrite one prompt invents is not applied. In English,
a misspelling either answer fixes is applied too, and a sentence's lowercase start is
capitalised (``assistant.writing.spelling``: checks a word list can make without the model).
Edits that touch a protected token are dropped, and if the applied edits still change more
than half of the words, the paragraph is kept (a rewrite is not a fix).
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import EmptyDocument, UserError
from assistant.lang import detect_language, normalize_language
from assistant.llm.params import GenParams
from assistant.task_events import Done, Progress, Status, TaskEvent, Token
from assistant.tasks.chat import chat_answer
from assistant.tasks.polish_prompts import fix_example_messages, polish_messages
from assistant.tasks.recording import recorded
from assistant.tasks.segment import segment
from assistant.tasks.translate_clean import clean_translation, one_line
from assistant.writing.actions import MODES
from assistant.writing.diff import Hunk, apply_hunks, common_hunks, diff_texts, tokenize
from assistant.writing.protect import missing_tokens, protected_spans, protected_tokens, touches
from assistant.writing.spelling import is_spelling_fix, sentence_case

if TYPE_CHECKING:
    from assistant.host import TaskHost
    from assistant.llm.engine import LLMEngine

__all__ = ["MODES", "PolishOptions", "polish", "polish_text"]
PIECE_CHARS = 800  # longer lines are polished in pieces cut at sentence ends
FIX_MAX_SHARE = 0.5  # a "fix" that changes more of the words than this is a rewrite: kept
MIN_OVERLAP = 0.25  # a rewrite shares at least this much of the words of its source
_SENTENCE_END = re.compile(r"(?<=[.!?。！？；])\s*")
_LABEL = re.compile(
    r"^\s*(?:corrected|polished|rewritten|revised|improved|edited)?\s*(?:text|version|sentence)?"
    r"\s*[:：]\s*(?=\S)|^\s*(?:改正后|修改后|润色后|改写后)(?:的文本)?\s*[:：]\s*",
    re.IGNORECASE,
)
_ANSWER = re.compile(
    r"^\s*(?:sure|certainly|of course|absolutely|here(?: is|'s)|i (?:can|will|would)|"
    r"好的|当然|没问题|以下是)\b",
    re.IGNORECASE,
)
_FRAME_LINE = re.compile(r"^.*⟦(?:BEGIN|END) [^⟧]*⟧.*$\n?|^The text between ⟦.*$\n?", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class PolishOptions:
    mode: str = "fix"
    max_tokens: int | None = None  # cap on output tokens per piece (tests keep it small)
    extra: str = ""  # a custom action's instruction, added to the mode's

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise UserError(f"unknown mode {self.mode!r}", hint="choose " + ", ".join(MODES))


def polish(
    core: TaskHost, source: Path | str, options: PolishOptions, task: str = "polish"
) -> Iterator[TaskEvent]:
    from assistant.documents import load_source
    from assistant.tasks.translate import _layout_text

    doc = load_source(source, max_bytes=core.settings.max_file_bytes())
    text = _layout_text(doc)
    if not text.strip():
        raise EmptyDocument("there is nothing to polish")
    engine = core.engine()
    language = normalize_language(detect_language(text))

    def body() -> Iterator[TaskEvent]:
        yield from polish_text(engine, text, language, options)

    yield from recorded(
        core.store,
        task,
        body,
        input_text=None if doc.path else text,
        input_path=str(doc.path) if doc.path else None,
        input_sha256=doc.sha256,
        model=engine.model_name(),
        params={"mode": options.mode, "language": language, "extra": options.extra},
    )


def polish_text(
    engine: LLMEngine, text: str, language: str, options: PolishOptions
) -> Iterator[TaskEvent]:
    """The polish of ``text``: a Token per finished line, Progress per piece, then Done."""
    lines = segment(text, max_chars=len(text) + 1)
    pieces = [_pieces("".join(line.parts)) if line.translatable else [] for line in lines]
    total = sum(1 for p in pieces for piece in p if piece.strip())
    yield Status(f"polishing ({options.mode})")
    out_lines: list[str] = []
    kept: list[dict[str, str]] = []
    done = 0
    for index, line in enumerate(lines):
        newline = "\n" if index < len(lines) - 1 else ""
        out = []
        for piece in pieces[index] or ["".join(line.parts)]:
            core_text = piece.strip()
            if not core_text or not pieces[index]:
                out.append(piece)
                continue
            progress = Progress(done, total, "polishing")
            yield progress
            result, why = yield from _polish_piece(engine, core_text, language, options, progress)
            if why:
                kept.append({"text": core_text, "reason": why})
            lead = piece[: len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()) :]
            out.append(lead + result + trail)
            done += 1
        polished = line.prefix + "".join(out) + line.suffix
        out_lines.append(polished)
        yield Token(polished + newline)
    yield Progress(total, total, "done")
    result_text = "\n".join(out_lines)
    changes = len(diff_texts(text, result_text).hunks)
    yield Done(
        text=result_text,
        data={
            "mode": options.mode,
            "language": language,
            "original": text,
            "paragraphs": total,
            "changes": changes,
            "kept": kept,
        },
    )


def _pieces(body: str) -> list[str]:
    """``body`` cut at sentence ends into pieces of at most ``PIECE_CHARS`` (joined, the pieces
    are ``body`` exactly)."""
    if len(body) <= PIECE_CHARS:
        return [body]
    pieces, current, pos = [], "", 0
    for match in _SENTENCE_END.finditer(body):
        if match.end() == pos or match.start() == 0:
            continue
        sentence = body[pos : match.end()]
        pos = match.end()
        if current and len(current) + len(sentence) > PIECE_CHARS:
            pieces.append(current)
            current = ""
        current += sentence
    current += body[pos:]
    pieces.append(current)
    return [p for p in pieces if p]


def clean_output(raw: str, source: str, language: str) -> str:
    """The bare rewrite in a model's answer (labels, echoed frame lines, quotes removed)."""
    text = _FRAME_LINE.sub("", raw).strip()
    match = _LABEL.match(text)
    if match:
        text = text[match.end() :]
    text = clean_translation(text, source)
    return one_line(text, language) if "\n" not in source else text


def _budget(engine: LLMEngine, text: str, options: PolishOptions) -> int:
    factor = 3 if options.mode == "longer" else 2
    budget = engine.count_tokens(text) * factor + 16
    return min(budget, options.max_tokens) if options.max_tokens else budget


def _polish_piece(
    engine: LLMEngine, text: str, language: str, options: PolishOptions, progress: Progress
) -> Generator[TaskEvent, None, tuple[str, str]]:
    """(the polished piece, why it was kept as it was or "")."""
    if options.mode == "fix":
        return (yield from _fix_piece(engine, text, language, options, progress))
    problem = ""
    for attempt in range(2):
        keep = tuple(dict.fromkeys(protected_tokens(text))) if attempt else ()
        messages = polish_messages(
            text, mode=options.mode, language=language, keep=keep, extra=options.extra
        )
        params = GenParams(
            max_tokens=_budget(engine, text, options), temperature=0.3 * attempt, seed=attempt
        )
        raw = (yield from chat_answer(engine, messages, params, progress=progress)).strip()
        result = clean_output(raw, text, language)
        problem = rewrite_problem(text, result, language)
        if not problem:
            return result, ""
    return text, problem


def _fix_piece(
    engine: LLMEngine, text: str, language: str, options: PolishOptions, progress: Progress
) -> Generator[TaskEvent, None, tuple[str, str]]:
    params = GenParams(max_tokens=_budget(engine, text, options), temperature=0.0)
    plain = polish_messages(text, mode="fix", language=language)
    first = clean_output(
        ((yield from chat_answer(engine, plain, params, progress=progress)).strip()), text, language
    )
    if first == text or not first:
        return _cased(text, language), ""
    example = fix_example_messages(text, language=language)
    second = clean_output(
        ((yield from chat_answer(engine, example, params, progress=progress)).strip()),
        text,
        language,
    )
    return minimal_fix(text, first, second, language)


def minimal_fix(text: str, first: str, second: str, language: str) -> tuple[str, str]:
    """The edits both corrections make, and in English the misspellings either one fixes,
    without those touching a protected token; the text as it was when that is still a rewrite.
    Returns (result, why it was kept or "")."""
    spans = protected_spans(text)
    agreed = [h for h in common_hunks(text, first, second) if not touches(spans, h.start, h.end)]
    if language == "en":
        agreed += _spelling_fixes(text, agreed, (first, second), spans)
    result = apply_hunks(text, agreed)
    if diff_texts(text, result).changed_share() > FIX_MAX_SHARE:
        return text, "the correction rewrote the text"
    return _cased(result, language), ""


def _spelling_fixes(
    text: str, chosen: list[Hunk], revisions: tuple[str, ...], spans: list[tuple[int, int]]
) -> list[Hunk]:
    """Misspellings one revision fixes (``spelling.is_spelling_fix``) that no chosen edit
    overlaps, at most one per word."""
    taken = [(h.start, h.end) for h in chosen]
    extra: list[Hunk] = []
    for revision in revisions:
        for hunk in diff_texts(text, revision, join=False).hunks:
            free = all(hunk.end <= start or hunk.start >= end for start, end in taken)
            if free and not touches(spans, hunk.start, hunk.end) and is_spelling_fix(hunk):
                extra.append(hunk)
                taken.append((hunk.start, hunk.end))
    return extra


def _cased(text: str, language: str) -> str:
    return sentence_case(text) if language == "en" else text


def rewrite_problem(source: str, result: str, language: str) -> str:
    """Why ``result`` is not an acceptable rewrite of ``source`` ("" when it is)."""
    if not result.strip():
        return "the rewrite was empty"
    lost = missing_tokens(source, result)
    if lost:
        return "the rewrite lost " + ", ".join(lost)
    letters = sum(1 for ch in result if ch.isalpha())
    if letters >= 12 and detect_language(result, default=language) != language:
        return "the rewrite changed the language"
    if _ANSWER.match(result) and not _ANSWER.match(source):
        return "the answer was not a rewrite of the text"
    if source.rstrip().endswith(("?", "？")) and not re.search(r"[?？]", result):
        return "the rewrite answered the question instead"
    words = {t.lower() for t in tokenize(source) if t.strip() and t[0].isalnum()}
    kept = {t.lower() for t in tokenize(result) if t.strip() and t[0].isalnum()}
    if len(words) >= 6 and len(words & kept) < MIN_OVERLAP * len(words):
        return "the answer was not a rewrite of the text"
    return ""
