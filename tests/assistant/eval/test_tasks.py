"""Each eval task at toy size without a model: its loader on the shipped samples and on broken
folders (typed errors), its scoring on made-up outputs, and the code-only systems."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import EvalDataError
from assistant.eval import dates_eval, registry, reply_eval, summarize_eval
from assistant.eval.data import default_data_dir
from assistant.eval.rouge import lcs_length, rouge_l


def test_every_task_loads_a_few_shipped_items() -> None:
    root = default_data_dir()
    for task in registry.all_tasks():
        if not task.shipped:  # its sets are in the dev corpus only: a typed error says so
            with pytest.raises(EvalDataError, match="missing eval data"):
                task.load(root, 3)
            continue
        items = task.load(root, 3)
        assert len(items) == 3, task.name
        # a few dozen items are shipped (grouped by 3 papers in the sections tasks)
        assert len(task.load(root, None)) >= (6 if "sections" in task.name else 20), task.name
    for folder in ("translation", "summarization", "calendar", "email"):
        notes = (root / folder / "SOURCES.md").read_text(encoding="utf-8")
        assert "Licen" in notes or "licence" in notes, folder


def test_missing_or_malformed_data_is_a_typed_error(tmp_path: Path) -> None:
    for task in registry.all_tasks():
        with pytest.raises(EvalDataError):
            task.load(tmp_path / "nowhere", 2)
        with pytest.raises(EvalDataError):
            task.load(tmp_path, 2)  # a folder without the task's files
    bad = tmp_path / "calendar"
    bad.mkdir()
    (bad / "recognizers_datetime_english_dev.jsonl").write_text('{"Input": "x"\n')
    with pytest.raises(EvalDataError, match="line 1: not JSON"):
        dates_eval.TASKS[0].load(tmp_path, None)
    (bad / "recognizers_datetime_english_dev.jsonl").write_text('{"Input": "x"}\n')
    with pytest.raises(EvalDataError, match="missing Context, Results"):
        dates_eval.TASKS[0].load(tmp_path, None)
    tsv = tmp_path / "translation" / "tatoeba_cmn-eng_sample.tsv"
    tsv.parent.mkdir()
    tsv.write_text("id\ten\tfr\n1\tHello.\tBonjour.\n", encoding="utf-8")
    translate = registry.select("translate-en-zh")[0]
    with pytest.raises(EvalDataError, match="no column zh"):
        translate.load(tmp_path, None)
    tsv.write_text("id\ten\tzh\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="holds no sentence pairs"):
        translate.load(tmp_path, None)
    (tmp_path / "email" / "enron_dev").mkdir(parents=True)
    with pytest.raises(EvalDataError, match=r"no mails \(\.eml\) under"):
        reply_eval.TASK.load(tmp_path, None)
    with pytest.raises(EvalDataError, match="--limit"):
        registry.select("dates-zh")[0].load(default_data_dir(), 0)


def test_rouge_l_on_words_and_on_chinese_characters() -> None:
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4
    assert rouge_l("the cat sat on the mat", ["the cat sat on the mat"]) == 1.0
    assert rouge_l("completely different words", ["the cat sat"]) == 0.0
    assert rouge_l("", ["the cat"]) == 0.0
    # characters in Chinese: the LCS is 电源控制 (4), P = 4/7, R = 4/6
    assert rouge_l("电源控制器设计", ["电源控制研究"]) == pytest.approx(
        2 * (4 / 7 * 4 / 6) / (4 / 7 + 4 / 6)
    )
    # several references: the closest counts
    assert rouge_l("a b c", ["x y z", "a b c"]) == 1.0


def test_summary_scores_and_headings_only_rate() -> None:
    docs = summarize_eval.TASKS[1].load(default_data_dir(), 2)
    assert all(d.language == "zh" and d.references and d.length == "brief" for d in docs)
    outputs = [
        summarize_eval.Summary("- 标题", 0.5, 0.1, True),
        summarize_eval.Summary("- 要点", 0.25, 0.3, False),
    ]
    assert summarize_eval.score(docs, outputs) == pytest.approx(
        {"rouge_l": 37.5, "copy_ratio": 0.2}
    )
    (doc,) = summarize_eval.TASKS[3].load(default_data_dir(), 1)  # sections, Chinese
    assert doc.text.count("## ") == 3 and doc.references == () and doc.length == "standard"
    titles = [line[3:] for line in doc.text.splitlines() if line.startswith("## ")]
    toc = "\n".join(f"- {title}" for title in titles)
    judged = [summarize_eval.judge(doc, toc), summarize_eval.judge(doc, "")]
    assert judged[0].headings_only and not judged[1].headings_only
    scores = summarize_eval.score_sections([doc, doc], judged)
    assert scores["headings_only_rate_bad"] == 50.0 and scores["summary_rate"] == 0.0


def test_dates_gold_starts_matching_and_the_resolver_system() -> None:
    cases = dates_eval.TASKS[0].load(default_data_dir(), None)
    assert all(case.gold for case in cases)
    assert dates_eval.parse_start("It starts 2016-11-08 3:00 pm") == ("2016-11-08", "03:00:00")
    assert dates_eval.parse_start("20:20") == (None, "20:20:00")
    assert dates_eval.parse_start("no idea") == (None, None)
    gold = (("datetime", "2016-11-08 15:00:00"), ("datetime", "2016-11-08 03:00:00"))
    assert dates_eval.matches("2016-11-08", "03:00:00", gold)  # either reading counts
    assert not dates_eval.matches("2016-11-08", None, gold)
    assert dates_eval.matches("2017-01-02", "09:00:00", (("date", "2017-01-02"),))
    assert dates_eval.matches(None, "20:20:00", (("time", "20:20:00"),))
    answers = [dates_eval.run(None, "pipeline", case) for case in cases]  # type: ignore[arg-type]
    scores = dates_eval.score(cases, answers)
    assert set(scores) == {"accuracy", "answered"}
    assert 0 <= scores["accuracy"] <= scores["answered"] <= 100
    assert any(a.correct for a in answers)  # the resolver resolves phrases of its own specs
