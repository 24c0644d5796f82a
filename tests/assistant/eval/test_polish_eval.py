"""The polish eval task's structure (its scores are measured with `deskmate eval`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import EvalDataError, UserError
from assistant.eval.gleu import corpus_gleu, gleu_from_stats, item_stats, sentence_stats
from assistant.eval.polish_eval import TASK, detokenize, tokens


def test_loads_both_sets(corpus: Path) -> None:
    items = TASK.load(corpus, 3)
    assert [i.language for i in items] == ["en"] * 3 + ["zh"] * 3
    assert all(i.refs and i.source for i in items)
    assert " ." not in items[0].source  # JFLEG's tokenised text joined back


def test_scores_on_any_subset(corpus: Path) -> None:
    items = TASK.load(corpus, 20)
    unchanged = [i.source for i in items]
    best = [i.refs[0] for i in items]
    base, ref = TASK.score(items, unchanged), TASK.score(items, best)
    assert set(base) >= {"gleu_en", "gleu_zh", "gleu"} and TASK.headline == "gleu"
    assert ref["gleu_en"] > base["gleu_en"] and ref["gleu_zh"] > base["gleu_zh"]
    only_en = TASK.score(items[:20], unchanged[:20])
    assert "gleu_zh" not in only_en and only_en["gleu"] == only_en["gleu_en"]
    assert TASK.systems == ("unchanged", "plain", "pipeline")


def test_gleu_properties() -> None:
    src, ref = ["he", "go", "home"], ["he", "goes", "home"]
    assert corpus_gleu([src], [[ref]], [ref]) == pytest.approx(1.0)
    assert corpus_gleu([src], [[ref]], [src]) < 1.0
    # keeping a source n-gram the reference changed is penalised
    assert sentence_stats(src, ref, src)[2] == 2 - 1
    assert corpus_gleu([src], [[ref]], [[]]) == 0.0


# Toy sentences with 2, 3 and 1 references; the expected values were computed with the plain
# implementation (sentence_stats recomputed and summed draw by draw) that the precomputed
# counts replaced: the scores must be the same numbers (another reference drawn anywhere
# moves them by far more than the 1e-12 left for a libm's last bit).
TOY_SOURCES = [["he", "go", "home", "now"], ["a", "b", "c", "d", "e"], ["x", "y"]]
TOY_REFS = [
    [["he", "goes", "home", "now"], ["he", "went", "home", "now"]],
    [["a", "b", "c", "d", "e"], ["a", "c", "d", "e"], ["a", "b", "d", "e", "f"]],
    [["x", "y"]],
]
TOY_HYPS = [["he", "goes", "home"], ["a", "b", "d", "e"], ["x", "z"]]


def same(value: object) -> object:
    return pytest.approx(value, rel=1e-12, abs=0)


def test_gleu_from_precomputed_counts_is_the_plain_computation() -> None:
    toys = (TOY_SOURCES, TOY_REFS, TOY_HYPS)
    assert corpus_gleu(*toys) == same(0.2322791456922277)
    assert corpus_gleu(*toys, iterations=7, seed=3) == same(0.506116594830688)
    one = corpus_gleu(TOY_SOURCES[:1], [TOY_REFS[0][:1]], TOY_HYPS[:1])
    assert one == same(0.7165313105737893)
    stats = [item_stats(*toy) for toy in zip(*toys, strict=True)]
    assert [len(rows) for rows in stats] == [2, 3, 1]
    assert stats[1][2].tolist() == sentence_stats(TOY_SOURCES[1], TOY_REFS[1][2], TOY_HYPS[1])
    assert gleu_from_stats(stats) == same(0.2322791456922277)
    assert gleu_from_stats([]) == 0.0
    assert corpus_gleu([["x", "y"]], [[["x", "y"]]], [["x", "z"]]) == 0.0  # no bigram matches


def test_scores_of_a_resample_are_the_plain_computation(corpus: Path) -> None:
    items = TASK.load(corpus, 6)  # JFLEG items have 4 references, MuCGEC ones 1 or 3
    outputs = [i.refs[-1] if n % 2 else i.source for n, i in enumerate(items)]
    assert TASK.score(items, outputs) == same(
        {"gleu_en": 57.98157119285031, "gleu_zh": 71.16537867631259, "gleu": 64.57347493458144}
    )
    draw = (7, 1, 7, 10, 3, 11, 8)  # with repeats, as the bootstrap draws
    resample = TASK.score([items[k] for k in draw], [outputs[k] for k in draw])
    assert resample == same(
        {"gleu_en": 61.787355254963025, "gleu_zh": 61.79200462780198, "gleu": 61.7896799413825}
    )


def test_tokenisation_and_detokenisation() -> None:
    assert detokenize("It is n't here , he said .") == "It isn't here, he said."
    assert tokens("Don't go!", "en") == ["don", "'", "t", "go", "!"]
    assert tokens("我 去了。", "zh") == ["我", "去", "了", "。"]


def test_missing_set_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="missing eval data"):
        TASK.load(tmp_path, 3)
    (tmp_path / "writing").mkdir()
    (tmp_path / "writing" / "jfleg_dev_sample.jsonl").write_text('{"src": 1}\n')
    with pytest.raises(UserError, match="line 1"):
        TASK.load(tmp_path, 3)


def test_correct_sentences_task(corpus: Path) -> None:
    from assistant.eval.polish_eval import CORRECT, is_correct
    from assistant.eval.registry import select

    assert {t.name for t in select("polish")} == {"polish", "polish-correct"}
    items = CORRECT.load(corpus, 20)
    assert items and all(is_correct(i) for i in items)
    assert {i.language for i in items} == {"en", "zh"}
    assert sum(i.language == "en" for i in items) <= 20
    kept = CORRECT.score(items, [i.source for i in items])
    assert kept["kept"] == 100 and kept["kept_en"] == 100 and CORRECT.headline == "kept"
    half = [i.source if n % 2 else i.source + " extra" for n, i in enumerate(items)]
    assert 0 < CORRECT.score(items, half)["kept"] < 100
    assert TASK.score(items, half)["correct_changed_rate_bad"] > 0
