"""``deskmate eval --task ask``: "ask your documents" on two reading-comprehension dev sets.

- ``qa/cmrc2018_trial_dev_80.jsonl`` (Chinese): the 80 paragraphs are stored, the 80 questions
  asked;
- ``qa/squad2_normans_dev_104.jsonl`` (English, one article; 54 questions have no answer in it).

Per item: does the answer contain a gold span, is a cited chunk the gold paragraph, and for an
unanswerable question, does it say the documents do not say. One system: ``ask`` (retrieval,
framed sources, verified citations). The documents of each set live in a private data folder
(``doc_sets``); the model is the evaluated core's. Headline: answer_contains_gold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.eval.doc_sets import DocSet, context_keys, core_for, read_jsonl
from assistant.eval.spec import EvalContext, EvalTask

SETS = (("cmrc-zh", Path("qa/cmrc2018_trial_dev_80.jsonl")),
        ("squad-en", Path("qa/squad2_normans_dev_104.jsonl")))  # fmt: skip
MAX_TOKENS = 160


@dataclass(frozen=True)
class AskItem:
    set_name: str
    question: str
    answers: tuple[str, ...]  # gold spans; empty when unanswerable
    gold: str  # key of the paragraph the question is about
    docs: DocSet


@dataclass(frozen=True)
class AskOutput:
    text: str
    found: bool
    cited: tuple[str, ...]  # document keys of the verified citations


def _spans(row: dict[str, object]) -> tuple[str, ...]:
    answers = row.get("answers")
    return tuple(str(a) for a in answers) if isinstance(answers, list) else ()


def load(root: Path, limit: int | None) -> list[AskItem]:
    """Both sets; ``limit`` keeps that many questions of each (all paragraphs are stored)."""
    items: list[AskItem] = []
    for name, rel in SETS:
        rows = [r for r in read_jsonl(root, rel) if r.get("context") and r.get("question")]
        docs, keys = context_keys(name, rows)
        picked = [
            AskItem(
                name,
                str(r["question"]),
                _spans(r) if r.get("answerable", True) else (),
                keys[str(r["context"])],
                docs,
            )
            for r in rows
        ]
        items += picked[:limit]
    return items


def run(ctx: EvalContext, system: str, item: AskItem) -> AskOutput:
    from assistant.docqa.ask_docs import ask_documents
    from assistant.docqa.citations import Answer
    from assistant.task_events import Done

    core = core_for(ctx, item.docs)
    done: Done | None = None
    for event in ask_documents(
        core, item.question, engine=ctx.core.engine(), max_tokens=MAX_TOKENS
    ):
        if isinstance(event, Done):
            done = event
    assert done is not None  # ask_documents always ends with Done or raises
    answer = Answer.from_data(done.data)
    chunk_ids = [c.chunk_id for c in answer.citations]
    titles = tuple(str(r["title"]) for r in core.store.get_chunks_by_id(chunk_ids))
    return AskOutput(answer.text, answer.found, titles)


def _has_span(text: str, spans: Sequence[str]) -> bool:
    flat = "".join(text.split()).lower()
    return any("".join(s.split()).lower() in flat for s in spans if s.strip())


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return 100 * sum(values) / len(values) if values else 0.0


def score(items: Sequence[AskItem], outputs: Sequence[AskOutput]) -> dict[str, float]:
    pairs = list(zip(items, outputs, strict=True))
    answerable = [(i, o) for i, o in pairs if i.answers]
    unanswerable = [(i, o) for i, o in pairs if not i.answers]
    metrics: dict[str, float] = {}  # shares in % (the 0-100 scale of every eval table)
    if answerable:
        metrics["answer_contains_gold"] = _share(
            _has_span(o.text, i.answers) for i, o in answerable
        )
        metrics["cited_gold_paragraph"] = _share(i.gold in o.cited for i, o in answerable)
        metrics["answered"] = _share(o.found for _i, o in answerable)
    if unanswerable:
        metrics["unanswerable_says_not_said"] = _share(not o.found for _i, o in unanswerable)
    return metrics


TASK = EvalTask(
    name="ask",
    description="ask your documents: answers with verified citations on CMRC 2018 and SQuAD 2.0",
    systems=("ask",),
    load=load,
    run=run,
    score=score,
    headline="answer_contains_gold",
    shipped=False,
)
