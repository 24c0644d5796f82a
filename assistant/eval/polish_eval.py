"""``deskmate eval --task polish``: ``fix`` scored with GLEU on JFLEG (English, words) and
MuCGEC (Chinese, characters), against leaving the text unchanged and plain prompting.

GLEU and the shares below are on a 0-100 scale (GLEU x 100, shares in %).
Also the share of already-correct sentences that come back changed (target: at most 5 %):
``correct_changed_rate_bad`` on MuCGEC items whose references include the source (few: 6 of the
300), ``correct_changed_en_rate_bad`` on JFLEG items that at least 2 of the 4 annotators left
unchanged. The first N items of a set hold few of them, so the ``polish-correct`` task runs
``fix`` on the correct sentences only (the first N of each set with ``--limit N``), plain
prompting as its reference: ``kept`` is the share that comes back unchanged.
``--limit N`` takes the first N items of each set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import EvalDataError, UserError
from assistant.eval.gleu import gleu_from_stats, item_stats
from assistant.eval.spec import EvalContext, EvalTask

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

SETS = (("en", "writing/jfleg_dev_sample.jsonl"), ("zh", "writing/mucgec_dev_sample.jsonl"))
PLAIN = {"en": "Correct the grammar of this text:", "zh": "改正这段文字的语法错误："}
_WORD = re.compile(r"\w+|[^\w\s]")
_DETOK = ((re.compile(r" ([.,!?;:%)\]}'])"), r"\1"), (re.compile(r"([(\[{$]) "), r"\1"),
          (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    language: str
    source: str  # as the model sees it (JFLEG's tokenised text joined back)
    refs: tuple[str, ...]


def detokenize(text: str) -> str:
    """JFLEG's "pressure ." as a person writes it: "pressure."."""
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def tokens(text: str, language: str) -> list[str]:
    """Words and marks for English (the references' tokenisation is redone the same way),
    characters for Chinese."""
    if language == "zh":
        return [ch for ch in text if not ch.isspace()]
    return _WORD.findall(text.lower())


_VOTES = {"en": 2, "zh": 1}  # references equal to the source that make a sentence "correct"


def is_correct(item: Item) -> bool:
    return item.refs.count(item.source) >= _VOTES[item.language]


def load_correct(data_root: Path, limit: int | None) -> list[Item]:
    """The already-correct sentences of both sets (the first ``limit`` of each)."""
    correct = [i for i in load(data_root, None) if is_correct(i)]
    return [
        item
        for language, _ in SETS
        for item in [i for i in correct if i.language == language][:limit]
    ]


def load(data_root: Path, limit: int | None) -> list[Item]:
    items: list[Item] = []
    for language, name in SETS:
        path = data_root / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise EvalDataError(
                f"missing eval data: {path} ({exc.strerror})", hint="pass --data ../shared/corpus"
            ) from exc
        rows = [line for line in lines if line.strip()][:limit]
        for number, line in enumerate(rows, 1):
            try:
                row = json.loads(line)
                source, refs = str(row["src"]), tuple(str(r) for r in row["refs"])
            except (ValueError, KeyError, TypeError) as exc:
                raise UserError(f"{path}: line {number} is not an item: {exc}") from exc
            if language == "en":
                source, refs = detokenize(source), tuple(detokenize(r) for r in refs)
            items.append(Item(str(row.get("id", number)), language, source, refs))
    return items


def run(ctx: EvalContext, system: str, item: Item) -> str:
    if system == "unchanged":
        return item.source
    engine = ctx.core.engine()
    from assistant.llm.params import GenParams
    from assistant.task_events import Done

    budget = engine.count_tokens(item.source) * 2 + 16
    if system == "plain":
        messages = [{"role": "user", "content": f"{PLAIN[item.language]}\n\n{item.source}"}]
        answer = ""
        for event in engine.chat(messages, GenParams(max_tokens=budget, temperature=0.0)):
            if isinstance(event, Done):
                answer = event.text
        return answer.strip()
    from assistant.tasks.polish import PolishOptions, polish_text

    result = item.source
    for event in polish_text(engine, item.source, item.language, PolishOptions("fix", budget)):
        if isinstance(event, Done):
            result = event.text
    return result


def score(items: Sequence[Item], outputs: Sequence[str]) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for language in ("en", "zh"):
        chosen = [(i, o) for i, o in zip(items, outputs, strict=True) if i.language == language]
        if not chosen:
            continue
        metrics[f"gleu_{language}"] = 100 * gleu_from_stats([_gleu_stats(*c) for c in chosen])
    gleus = [v for k, v in metrics.items() if k.startswith("gleu_")]
    metrics["gleu"] = sum(gleus) / len(gleus) if gleus else 0.0
    for name, language in (("correct_changed", "zh"), ("correct_changed_en", "en")):
        correct = [
            (i, o)
            for i, o in zip(items, outputs, strict=True)
            if i.language == language and is_correct(i)
        ]
        if correct:
            metrics[f"{name}_rate_bad"] = _changed(correct)
    return metrics


@lru_cache(maxsize=8192)
def _gleu_stats(item: Item, output: str) -> NDArray[np.int64]:
    """The n-gram counts of one output against each reference, once per (item, output): the
    bootstrap scores the same pairs again on every resample."""
    source = tokens(item.source, item.language)
    refs = [tokens(r, item.language) for r in item.refs]
    stats = item_stats(source, refs, tokens(output, item.language))
    stats.flags.writeable = False  # shared by every caller of the cache
    return stats


def _changed(pairs: Sequence[tuple[Item, str]]) -> float:
    """The share changed, in % (like GLEU, on a 0-100 scale for the table)."""
    return 100 * sum(1 for i, o in pairs if o.strip() != i.source.strip()) / len(pairs)


def score_correct(items: Sequence[Item], outputs: Sequence[str]) -> dict[str, float]:
    """On correct sentences only: the share kept as it was, overall and per language."""
    pairs = list(zip(items, outputs, strict=True))
    metrics = {"kept": 100 - _changed(pairs)} if pairs else {}
    for language, _ in SETS:
        chosen = [(i, o) for i, o in pairs if i.language == language]
        if chosen:
            metrics[f"kept_{language}"] = 100 - _changed(chosen)
    return metrics


TASK = EvalTask(
    name="polish",
    description="fix: GLEU on JFLEG (en) and MuCGEC (zh); correct sentences left unchanged",
    systems=("unchanged", "plain", "pipeline"),
    load=load,
    run=run,
    score=score,
    headline="gleu",
    shipped=False,  # JFLEG and MuCGEC are in the shared corpus only
)
CORRECT = EvalTask(
    name="polish-correct",
    description="fix on already-correct sentences (JFLEG, MuCGEC): the share kept unchanged",
    systems=("plain", "pipeline"),
    load=load_correct,
    run=run,
    score=score_correct,
    headline="kept",
    shipped=False,
)
TASKS = (TASK, CORRECT)
