"""Summary quality, the pipeline against plain prompting ("Summarize this text." after the
text, in the text's language):

* ``summarize-en``/``-zh``: ROUGE-L against human one-line references (words in English,
  characters in Chinese) and the copy ratio, brief length;
* ``summarize-sections-en``/``-zh``: documents of three papers, each under its title as a
  heading, standard length: how often the summary is only the document's own headings (a
  table of contents, issue 12) instead of a summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from assistant.eval.data import data_file, limited, read_jsonl
from assistant.eval.plain import ask_plain
from assistant.eval.rouge import rouge_l
from assistant.eval.spec import EvalContext, EvalTask
from assistant.task_events import Done
from assistant.tasks.quality import echo_ratio, headings_only

SYSTEMS = ("plain", "pipeline")
MAX_TOKENS = 160  # the brief preset's budget, for both systems
LENGTH = "brief"  # the references are one line (a TL;DR, a paper title)
PLAIN = {"en": "Summarize this text.", "zh": "请总结这段文字。"}
# language: (file, text field, references field, title field)
SETS = {
    "en": ("summarization/scitldr/scitldr_A_test_20.jsonl", "abstract", "tldrs", "title"),
    "zh": (
        "summarization/csl_zh_dev/csl_title_dev_100.jsonl",
        "abstract_zh",
        "reference_title_zh",
        "reference_title_zh",
    ),
}
PAPERS = 3  # papers in one document of a sections task


@dataclass(frozen=True, slots=True)
class Document:
    language: str
    text: str
    references: tuple[str, ...]  # empty in a sections task
    length: str = LENGTH


@dataclass(frozen=True, slots=True)
class Summary:
    text: str
    rouge_l: float
    copy_ratio: float
    headings_only: bool


def _rows(language: str, root: Path) -> tuple[Path, list[tuple[str, tuple[str, ...], str]]]:
    """(text, references, title) of each usable row."""
    relative, text_key, refs_key, title_key = SETS[language]
    path = data_file(root, relative)
    rows = []
    for row in read_jsonl(path, (text_key, refs_key, title_key)):
        refs = row[refs_key]
        refs = (refs,) if isinstance(refs, str) else tuple(str(r) for r in refs)
        text = str(row[text_key]).strip()
        if text and any(r.strip() for r in refs):
            rows.append((text, refs, str(row[title_key]).strip()))
    return path, rows


def load(language: str, root: Path, limit: int | None) -> list[Document]:
    path, rows = _rows(language, root)
    docs = [Document(language, text, refs) for text, refs, _ in rows]
    return limited(docs, limit, "documents with a reference summary", path)


def load_sections(language: str, root: Path, limit: int | None) -> list[Document]:
    """Documents of ``PAPERS`` consecutive papers, each under its title as a heading."""
    path, rows = _rows(language, root)
    docs = []
    for start in range(0, len(rows) - PAPERS + 1, PAPERS):
        parts = [f"## {title}\n\n{text}" for text, _, title in rows[start : start + PAPERS]]
        docs.append(Document(language, "\n\n".join(parts), (), "standard"))
    return limited(docs, limit, f"groups of {PAPERS} papers", path)


def plain_summary(ctx: EvalContext, doc: Document) -> str:
    return ask_plain(ctx, f"{doc.text}\n\n{PLAIN[doc.language]}", MAX_TOKENS)


def pipeline_summary(ctx: EvalContext, doc: Document) -> str:
    text = ""
    events = ctx.core.summarize(
        doc.text, language=doc.language, length=doc.length, max_tokens=MAX_TOKENS
    )
    for event in events:
        if isinstance(event, Done):
            text = event.text
    return text.strip()


def run(ctx: EvalContext, system: str, doc: Document) -> Summary:
    text = plain_summary(ctx, doc) if system == "plain" else pipeline_summary(ctx, doc)
    return judge(doc, text)


def judge(doc: Document, text: str) -> Summary:
    """A summary's per-document figures."""
    return Summary(
        text=text,
        rouge_l=rouge_l(text, doc.references) if doc.references else 0.0,
        copy_ratio=echo_ratio(doc.text, text),
        headings_only=headings_only(doc.text, text),
    )


def score(items: Sequence[Document], outputs: Sequence[Summary]) -> dict[str, float]:
    """Means over the documents (ROUGE-L in 0-100)."""
    n = len(outputs)
    return {
        "rouge_l": 100 * sum(s.rouge_l for s in outputs) / n,
        "copy_ratio": sum(s.copy_ratio for s in outputs) / n,
    }


def score_sections(items: Sequence[Document], outputs: Sequence[Summary]) -> dict[str, float]:
    """The share of real summaries (not empty, not only the headings) and the copy ratio."""
    n = len(outputs)
    return {
        "summary_rate": 100 * sum(bool(s.text) and not s.headings_only for s in outputs) / n,
        "headings_only_rate_bad": 100 * sum(s.headings_only for s in outputs) / n,
        "copy_ratio": sum(s.copy_ratio for s in outputs) / n,
    }


# (name, description, loader, scorer): the headline follows the scorer
_KINDS = (
    ("summarize-en", "English scientific abstracts against their TL;DRs (scitldr)", load, score),
    ("summarize-zh", "Chinese paper abstracts against their titles (CSL)", load, score),
    ("summarize-sections-en", "3 English abstracts under their titles: not only the headings?",
     load_sections, score_sections),
    ("summarize-sections-zh", "3 Chinese abstracts under their titles: not only the headings?",
     load_sections, score_sections),
)  # fmt: skip
TASKS = tuple(
    EvalTask(
        name=name,
        description=what,
        systems=SYSTEMS,
        load=partial(loader, name[-2:]),
        run=run,
        score=scorer,
        headline="rouge_l" if scorer is score else "summary_rate",
    )
    for name, what, loader, scorer in _KINDS
)
