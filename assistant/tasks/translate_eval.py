"""Measure translation quality: chrF (sacrebleu) of the pipeline against plain prompting of
the same model, on parallel sentences (e.g. ../shared/corpus/translation/)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import UserError
from assistant.events import Done
from assistant.lang import language_name
from assistant.llm.params import GenParams

if TYPE_CHECKING:
    from assistant.core import Core

DIRECTIONS = (("en", "zh"), ("zh", "en"))


@dataclass(frozen=True, slots=True)
class EvalResult:
    direction: str
    sentences: int
    pipeline_chrf: float
    plain_chrf: float

    def describe(self) -> str:
        delta = self.pipeline_chrf - self.plain_chrf
        return (
            f"{self.direction}: chrF pipeline {self.pipeline_chrf:.1f} vs plain "
            f"{self.plain_chrf:.1f} ({delta:+.1f}) on {self.sentences} sentences"
        )


def read_pairs(path: Path, limit: int) -> list[dict[str, str]]:
    """The first ``limit`` rows of a TSV with a header naming language columns (id, en, zh)."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
    except OSError as exc:
        raise UserError(f"cannot read the parallel corpus {path}: {exc}") from exc
    return rows[:limit]


def _token_budget(core: Core, text: str) -> int:
    return max(32, core.engine().count_tokens(text) * 3)


def plain_translation(core: Core, text: str, target: str) -> str:
    """The baseline: one plain prompt to the same model, no segmentation, no cleanup."""
    messages = [{"role": "user", "content": f"Translate to {language_name(target)}: {text}"}]
    params = GenParams(max_tokens=_token_budget(core, text), temperature=0.0)
    for event in core.engine().chat(messages, params):
        if isinstance(event, Done):
            return event.text.strip()
    return ""


def pipeline_translation(core: Core, text: str, source: str, target: str) -> str:
    for event in core.translate(text, target, source_language=source):
        if isinstance(event, Done):
            return event.text
    return ""


def evaluate(
    core: Core, rows: list[dict[str, str]], directions: tuple[tuple[str, str], ...] = DIRECTIONS
) -> list[EvalResult]:
    """corpus chrF of both systems against the reference, per direction."""
    import sacrebleu

    results = []
    for source, target in directions:
        pairs = [(r[source], r[target]) for r in rows if r.get(source) and r.get(target)]
        refs = [ref for _, ref in pairs]
        ours = [pipeline_translation(core, text, source, target) for text, _ in pairs]
        plain = [plain_translation(core, text, target) for text, _ in pairs]
        results.append(
            EvalResult(
                direction=f"{source}->{target}",
                sentences=len(pairs),
                pipeline_chrf=sacrebleu.corpus_chrf(ours, [refs]).score,
                plain_chrf=sacrebleu.corpus_chrf(plain, [refs]).score,
            )
        )
    return results
