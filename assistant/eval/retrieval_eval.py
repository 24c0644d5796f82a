"""``deskmate eval --task retrieval``: does a query bring back its own document?

Four kinds of items, each against its own set of stored documents:
- ``en->zh`` / ``zh->en``: a Tatoeba sentence finds its translation among the other language's
  sentences (``translation/tatoeba_cmn-eng_sample.tsv``);
- ``qa-zh`` / ``qa-en``: a question finds the paragraph that answers it (CMRC 2018 trial, the
  answerable SQuAD 2.0 "Normans" questions).

Systems: ``vector`` (the query embedding against the stored vectors), ``fts`` (the word index
with BM25) and ``hybrid`` (what ``deskmate search`` does: cosine plus weighted BM25 strength).
Each document set is stored once per run in a private data folder with the evaluated core's
embedding model.
Headline: recall@1 over all items.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import EvalDataError, UserError
from assistant.eval.doc_sets import DocSet, context_keys, core_for, read_jsonl
from assistant.eval.spec import EvalContext, EvalTask

if TYPE_CHECKING:
    from assistant.core import Core

TATOEBA = Path("translation/tatoeba_cmn-eng_sample.tsv")
CMRC = Path("qa/cmrc2018_trial_dev_80.jsonl")
SQUAD = Path("qa/squad2_normans_dev_104.jsonl")
KINDS = ("en->zh", "zh->en", "qa-zh", "qa-en")
TOP_K = 5


@dataclass(frozen=True)
class RetrievalItem:
    kind: str
    query: str
    gold: str  # key of the document that should come first
    docs: DocSet


def _read_tatoeba(root: Path) -> list[tuple[str, str, str]]:
    path = root / TATOEBA
    if not path.is_file():
        raise EvalDataError(f"missing eval data: {path}", hint="pass --data ../shared/corpus")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    if not rows or not {"id", "en", "zh"} <= set(rows[0]):
        raise EvalDataError(f"{path} needs the columns id, en, zh")
    return [(r["id"], r["en"].strip(), r["zh"].strip()) for r in rows if r["en"] and r["zh"]]


def _qa_items(kind: str, rows: list[dict[str, object]]) -> list[RetrievalItem]:
    rows = [r for r in rows if r.get("answerable", True) and r.get("context") and r.get("question")]
    docs, keys = context_keys(kind, rows)
    return [RetrievalItem(kind, str(r["question"]), keys[str(r["context"])], docs) for r in rows]


def load(root: Path, limit: int | None) -> list[RetrievalItem]:
    """All four kinds; ``limit`` keeps that many items of each kind (documents stay whole)."""
    pairs = _read_tatoeba(root)
    zh_docs = DocSet("zh", tuple((f"zh-{i}", zh) for i, _en, zh in pairs))
    en_docs = DocSet("en", tuple((f"en-{i}", en) for i, en, _zh in pairs))
    groups = [
        [RetrievalItem("en->zh", en, f"zh-{i}", zh_docs) for i, en, _zh in pairs],
        [RetrievalItem("zh->en", zh, f"en-{i}", en_docs) for i, _en, zh in pairs],
        _qa_items("qa-zh", read_jsonl(root, CMRC)),
        _qa_items("qa-en", read_jsonl(root, SQUAD)),
    ]
    return [item for group in groups for item in group[:limit]]


def _ranked_keys(core: Core, system: str, query: str) -> list[str]:
    from assistant.search import search

    store = core.store
    if system == "fts":
        chunk_ids = [int(h["chunk_id"]) for h in store.rank_text(query) if h["kind"] == "chunk"]
    elif system == "vector":
        embedder = core.embedder()
        vec = embedder.encode_queries([query])[0]
        chunk_ids = [c for c, _d in store.nearest_chunks(vec, 50, embedder.model)]
    elif system == "hybrid":
        chunk_ids = [int(h.ref) for h in search(core, query, limit=50) if h.kind == "chunk"]
    else:
        raise UserError(f"unknown system {system!r}")
    keys: list[str] = []
    for row in store.get_chunks_by_id(chunk_ids):
        if row["title"] not in keys:  # a long paragraph has several chunks: rank documents
            keys.append(str(row["title"]))
    return keys


def run(ctx: EvalContext, system: str, item: RetrievalItem) -> tuple[str, ...]:
    """The keys of the first ``TOP_K`` documents found for the item's query."""
    return tuple(_ranked_keys(core_for(ctx, item.docs), system, item.query)[:TOP_K])


def score(items: Sequence[RetrievalItem], outputs: Sequence[tuple[str, ...]]) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for kind in (None, *KINDS):
        pairs = [(i, o) for i, o in zip(items, outputs, strict=True) if kind in (None, i.kind)]
        if not pairs:
            continue
        suffix = "" if kind is None else "_" + kind.replace("->", "_to_").replace("-", "_")
        metrics["recall_at_1" + suffix] = sum(o[:1] == (i.gold,) for i, o in pairs) / len(pairs)
        metrics["recall_at_5" + suffix] = sum(i.gold in o for i, o in pairs) / len(pairs)
    return metrics


TASK = EvalTask(
    name="retrieval",
    description="query -> its own document: en<->zh translations, zh/en questions -> paragraph",
    systems=("vector", "fts", "hybrid"),
    load=load,
    run=run,
    score=score,
    headline="recall_at_1",
    shipped=False,
)
