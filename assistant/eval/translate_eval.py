"""Translation quality: chrF and BLEU (sacrebleu, the zh tokenizer into Chinese) of the pipeline
against plain prompting of the same model, on parallel sentences (tatoeba, both directions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from assistant.eval.data import data_file, limited, read_tsv
from assistant.eval.plain import ask_plain
from assistant.eval.spec import EvalContext, EvalTask
from assistant.lang import language_name
from assistant.task_events import Done

PAIRS = "translation/tatoeba_cmn-eng_sample.tsv"
SYSTEMS = ("plain", "pipeline")


@dataclass(frozen=True, slots=True)
class Pair:
    source: str  # language codes: en, zh
    target: str
    text: str
    reference: str


def load(source: str, target: str, root: Path, limit: int | None) -> list[Pair]:
    path = data_file(root, PAIRS)
    rows = read_tsv(path, (source, target))
    pairs = [
        Pair(source, target, row[source].strip(), row[target].strip())
        for row in rows
        if (row.get(source) or "").strip() and (row.get(target) or "").strip()
    ]
    return limited(pairs, limit, "sentence pairs", path)


def _token_budget(ctx: EvalContext, text: str) -> int:
    return max(32, ctx.core.engine().count_tokens(text) * 3)


def plain_translation(ctx: EvalContext, pair: Pair) -> str:
    """The baseline: one plain prompt to the same model, no segmentation, no cleanup."""
    prompt = f"Translate to {language_name(pair.target)}: {pair.text}"
    return ask_plain(ctx, prompt, _token_budget(ctx, pair.text))


def pipeline_translation(ctx: EvalContext, pair: Pair) -> str:
    text = ""
    for event in ctx.core.translate(pair.text, pair.target, source_language=pair.source):
        if isinstance(event, Done):
            text = event.text
    return text.strip()


def run(ctx: EvalContext, system: str, pair: Pair) -> str:
    if system == "plain":
        return plain_translation(ctx, pair)
    return pipeline_translation(ctx, pair)


def score(items: Sequence[Pair], outputs: Sequence[str]) -> dict[str, float]:
    """Corpus chrF and BLEU against the references (recomputed on any subset)."""
    import sacrebleu

    refs = [[pair.reference for pair in items]]
    hyps = list(outputs)
    tokenize = "zh" if items and items[0].target == "zh" else "13a"
    bleu = sacrebleu.corpus_bleu(hyps, refs, tokenize=tokenize)
    return {"chrf": sacrebleu.corpus_chrf(hyps, refs).score, "bleu": bleu.score}


TASKS = tuple(
    EvalTask(
        name=f"translate-{source}-{target}",
        description=f"{language_name(source)} to {language_name(target)}, tatoeba sentences",
        systems=SYSTEMS,
        load=partial(load, source, target),
        run=run,
        score=score,
        headline="chrf",
    )
    for source, target in (("en", "zh"), ("zh", "en"))
)
