"""Whole-document summarization: one pass when the text fits the context, else map-reduce.

Map-reduce works over section-aware, token-bounded chunks so nothing past the context is
silently dropped. Each section's summary is saved as a partial result under a job key (input
hash + model + options), so a cancelled or crashed run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import ContextTooSmall, UserError
from assistant.lang import detect_language, normalize_language
from assistant.llm.params import ChatMessage, GenParams
from assistant.task_events import Done, Progress, Status, TaskEvent
from assistant.tasks import prompts
from assistant.tasks.chat import chat_answer
from assistant.tasks.injection_guard import drop_injected, without_injections
from assistant.tasks.quality import copy_ratio, echo_ratio
from assistant.tasks.recording import recorded
from assistant.tasks.section_map import map_sections
from assistant.tasks.sections import chunk_where, section_markdown, summary_markdown

if TYPE_CHECKING:
    from assistant.documents import Chunk, Document
    from assistant.host import TaskHost
    from assistant.llm.engine import LLMEngine

MAX_CHUNK_TOKENS = 6000  # bigger chunks gain little and make each step long
# The first section is small: its summary is the first text the user reads (issue 18: within
# 30 s on a 2-core CPU; the 1.5B model reads ~105 prompt tokens/s there, 73 in a 6,000-token
# prompt). The later sections are as large as the context allows: fewer prompt frames and
# fewer answers to generate.
FIRST_SECTION_TOKENS = 1024
ECHO_LIMIT = 0.6  # share of copied 6-grams above which an answer counts as a copy
MIN_SECTION_TOKENS = 128  # a smaller section's summary would be about as long as the section


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    language: str = "auto"
    length: str = "standard"
    max_tokens: int | None = None  # cap on output tokens per generation (tests keep it small)
    # Running heads are dropped unless this is set: the bench reads a PDF both ways to measure
    # what dropping them saves (issue 18's lever).
    keep_page_furniture: bool = False

    def __post_init__(self) -> None:
        if self.length not in prompts.LENGTHS:
            raise UserError(f"unknown length {self.length!r}: choose {', '.join(prompts.LENGTHS)}")


def summarize(core: TaskHost, source: Path | str, options: SummaryOptions) -> Iterator[TaskEvent]:
    from assistant.documents import load_source
    from assistant.documents.page_furniture import without_page_furniture

    yield Status("reading the document")
    doc = load_source(source, max_bytes=core.settings.max_file_bytes())
    core.remember_document(doc)
    if not options.keep_page_furniture:
        doc = without_page_furniture(doc)  # running heads would be read on every page
    engine = core.engine()
    language = detect_language(doc.text) if options.language == "auto" else options.language
    language = normalize_language(language)
    params = {"language": language, "length": options.length, "max_tokens": options.max_tokens}

    def body() -> Iterator[TaskEvent]:
        for event in _summarize_document(core, engine, doc, language, options):
            if isinstance(event, Done):  # drop lines an injected instruction asked for
                text, dropped = drop_injected(event.text, doc.text)
                if dropped and not text:  # it obeyed entirely: again, without the instruction
                    yield Status("the document contains instructions; summarizing without them")
                    from assistant.documents import document_from_text

                    clean = document_from_text(without_injections(doc.text), doc.title)
                    for again in _summarize_document(core, engine, clean, language, options):
                        if isinstance(again, Done):
                            text = drop_injected(again.text, doc.text)[0]
                            event = again
                        else:
                            yield again
                if dropped:
                    event = replace(event, text=text, data={**event.data, "injected": dropped})
            yield event

    yield from recorded(
        core.store,
        "summarize",
        body,
        input_text=None if doc.path else doc.text,
        input_path=str(doc.path) if doc.path else None,
        input_sha256=doc.sha256,
        model=engine.model_name(),
        params=params,
    )


def prompt_overhead(engine: LLMEngine, messages: list[ChatMessage]) -> int:
    """Tokens of a prompt around an empty document (chat template and margin included)."""
    text = "\n".join(m["content"] for m in messages)
    return engine.count_tokens(text) + 8 * len(messages) + 32


def _out_budget(options: SummaryOptions, preset_budget: int) -> int:
    return min(preset_budget, options.max_tokens) if options.max_tokens else preset_budget


def _summarize_document(
    core: TaskHost, engine: LLMEngine, doc: Document, language: str, options: SummaryOptions
) -> Iterator[TaskEvent]:
    out_tokens = _out_budget(options, prompts.LENGTHS[options.length][1])
    gen = GenParams(max_tokens=out_tokens, temperature=core.settings.get_float("temperature"))
    single = prompts.summary_messages("", language=language, length=options.length)
    fits = engine.context_size() - prompt_overhead(engine, single) - out_tokens
    yield Status("counting tokens")
    if engine.count_tokens(doc.text) <= fits:
        messages = prompts.summary_messages(doc.text, language=language, length=options.length)
        text = (yield from chat_answer(engine, messages, gen)).strip()
        if copy_ratio(doc.text, text) > ECHO_LIMIT:  # a copy, or only the headings
            yield Status("the draft copied the document; rewriting it")
            progress = Progress(0, 1, "rewriting")
            text = yield from _rewrite(engine, messages, gen, doc.text, text, progress)
        data = {"mode": "single", "language": language, "sections": 1}
        yield Done(text=text, data={**data, "echo_ratio": round(echo_ratio(doc.text, text), 3)})
        return
    yield from _map_reduce(core, engine, doc, language, options, gen)


def _rewrite(
    engine: LLMEngine,
    messages: list[ChatMessage],
    gen: GenParams,
    source: str,
    first: str,
    progress: Progress,
) -> Generator[TaskEvent, None, str]:
    """Sample again (a copy at temperature 0 is stable); keep the less copied answer."""
    retry = GenParams(max_tokens=gen.max_tokens, temperature=0.3, seed=1)
    second = (yield from chat_answer(engine, messages, retry, progress=progress)).strip()
    if second and copy_ratio(source, second) < copy_ratio(source, first):
        return second
    return first


def job_key(doc: Document, engine: LLMEngine, language: str, options: SummaryOptions) -> str:
    raw = f"summarize|{doc.sha256}|{engine.model_name()}|{engine.context_size()}|{language}|"
    raw += f"{options.length}|{options.max_tokens}"
    if options.keep_page_furniture:  # other sections: their partial results are not these
        raw += "|furniture"
    return hashlib.sha256(raw.encode()).hexdigest()


def _map_reduce(
    core: TaskHost,
    engine: LLMEngine,
    doc: Document,
    language: str,
    options: SummaryOptions,
    gen: GenParams,
) -> Iterator[TaskEvent]:
    from assistant.documents import chunk_document

    section_out = _out_budget(options, prompts.SECTION_BUDGET)
    frame = prompts.section_messages("", language=language, where="pages 100-200")
    overhead = prompt_overhead(engine, frame)
    chunk_tokens = min(MAX_CHUNK_TOKENS, engine.context_size() - overhead - section_out)
    if chunk_tokens < MIN_SECTION_TOKENS:
        raise _context_too_small(engine.context_size(), overhead + section_out)
    chunks = chunk_document(
        doc,
        max_tokens=chunk_tokens,
        count_tokens=engine.count_tokens,
        first_max_tokens=FIRST_SECTION_TOKENS,
    )
    total = len(chunks)
    key = job_key(doc, engine, language, options)
    if saved := len(core.store.load_partials(key)):
        yield Status(f"resuming: {saved} of {total} sections already summarized")
    section_gen = GenParams(max_tokens=section_out, temperature=gen.temperature)

    def one(eng: LLMEngine, chunk: Chunk, progress: Progress) -> Generator[TaskEvent, None, str]:
        return _summarize_section(eng, chunk, total, language, section_gen, progress)

    finished, fresh = yield from map_sections(
        core, engine, chunks, key=key, language=language, one=one
    )
    yield Progress(total, total + 1, "writing the summary", None)
    sections = [section_markdown(s) for s in finished]
    overview_input = yield from _reduce(engine, sections, language, section_gen)
    messages = prompts.combine_messages(overview_input, language=language, length=options.length)
    overview = (yield from chat_answer(engine, messages, gen)).strip()
    yield Progress(total + 1, total + 1, "done", 0.0)
    core.store.clear_partials(key)
    yield Done(
        text=summary_markdown(overview, finished),
        data={
            "mode": "map-reduce",
            "language": language,
            "sections": total,
            "resumed": total - fresh,
        },
    )


def _context_too_small(context: int, prompt_tokens: int) -> ContextTooSmall:
    """The error for a context that the section prompt and its answer (nearly) fill."""
    needed = prompt_tokens + MIN_SECTION_TOKENS
    suggested = max(2048, 1 << (needed - 1).bit_length())  # a power of two that fits
    return ContextTooSmall(
        f"the context size ({context} tokens) is too small to summarize this document in "
        f"sections: the instructions and the answer alone take {prompt_tokens} tokens",
        hint=f"raise n_ctx: deskmate settings set n_ctx {suggested}",
    )


def _summarize_section(
    engine: LLMEngine,
    chunk: Chunk,
    total: int,
    language: str,
    gen: GenParams,
    progress: Progress,
) -> Generator[TaskEvent, None, str]:
    where = chunk_where(chunk, total)
    messages = prompts.section_messages(chunk.text, language=language, where=where)
    summary = (yield from chat_answer(engine, messages, gen, progress=progress)).strip()
    if copy_ratio(chunk.text, summary) > ECHO_LIMIT:
        summary = yield from _rewrite(engine, messages, gen, chunk.text, summary, progress)
    return summary


def _reduce(
    engine: LLMEngine, sections: list[str], language: str, gen: GenParams
) -> Generator[TaskEvent, None, str]:
    """Shrink section summaries until they fit one context (hierarchical reduce).

    Near the smallest context that sections allow, two summaries may not fit one prompt: then a
    pair is cut to fit, as is a last summary still too long for the overview's prompt, so no
    prompt ever exceeds the context (the engine would refuse it).
    """
    frame = prompts.combine_messages("", language=language, length="detailed")
    room = engine.context_size() - prompt_overhead(engine, frame)
    budget = max(room - gen.max_tokens * 2, room // 2)  # the rest is the overview's answer
    section_frame = prompts.section_messages("", language=language, where="part 100 of 200")
    group_limit = engine.context_size() - prompt_overhead(engine, section_frame) - gen.max_tokens
    level = sections
    while engine.count_tokens("\n\n".join(level)) > budget and len(level) > 1:
        groups: list[list[str]] = [[]]
        for item in level:
            if groups[-1] and engine.count_tokens("\n\n".join([*groups[-1], item])) > budget:
                groups.append([])
            groups[-1].append(item)
        if len(groups) == len(level):  # each item alone is too big: pairs, cut to fit
            groups = [level[i : i + 2] for i in range(0, len(level), 2)]
        merged: list[str] = []
        for index, group in enumerate(groups):
            progress = Progress(index, len(groups), "combining sections", None)
            text = _clip(engine, "\n\n".join(group), group_limit)
            messages = prompts.section_messages(
                text, language=language, where=f"part {index + 1} of {len(groups)}"
            )
            answer = yield from chat_answer(engine, messages, gen, progress=progress)
            merged.append(answer.strip())
        level = merged
    return _clip(engine, "\n\n".join(level), budget)


def _clip(engine: LLMEngine, text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` tokens, ending at a line if one is near."""
    if engine.count_tokens(text) <= limit:
        return text
    low, high = 0, len(text)
    while low < high:  # the token count grows with the length: a binary search
        middle = (low + high + 1) // 2
        if engine.count_tokens(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    line = cut.rfind("\n")
    return cut[:line].rstrip() if line > low // 2 else cut
