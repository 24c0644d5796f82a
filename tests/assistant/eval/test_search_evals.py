"""The retrieval and ask eval tasks: their items and scores (not the models' figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.eval import ask_eval, retrieval_eval


def test_retrieval_items_and_recall(corpus: Path) -> None:
    items = retrieval_eval.TASK.load(corpus, 2)
    assert [i.kind for i in items] == [k for k in retrieval_eval.KINDS for _ in range(2)]
    assert all(i.gold in {key for key, _t in i.docs.docs} for i in items)
    outputs = [(i.gold,) if n % 2 else ("x", i.gold) for n, i in enumerate(items)]
    scores = retrieval_eval.TASK.score(items, outputs)
    assert scores["recall_at_1"] == 0.5 and scores["recall_at_5"] == 1.0
    assert scores["recall_at_1_en_to_zh"] == 0.5 and "recall_at_1_qa_en" in scores


def test_ask_items_and_scores(corpus: Path) -> None:
    items = ask_eval.TASK.load(corpus, 60)
    squad = [i for i in items if i.set_name == "squad-en"]
    assert any(not i.answers for i in squad) and all(i.answers for i in items[:60])
    said = ask_eval.AskOutput("The documents do not say.", False, ())
    right = [ask_eval.AskOutput(f"{i.answers[0]} [1]", True, (i.gold,)) for i in items[:60]]
    scores = ask_eval.TASK.score(items, right + [said] * (len(items) - 60))
    assert scores["unanswerable_says_not_said"] == 100.0  # shares in %
    assert 0 < scores["answer_contains_gold"] < 100 and scores["cited_gold_paragraph"] < 100


def test_missing_data_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="missing eval data"):
        retrieval_eval.TASK.load(tmp_path, None)
    with pytest.raises(UserError, match="missing eval data"):
        ask_eval.TASK.load(tmp_path, None)
