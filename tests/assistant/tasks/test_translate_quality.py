"""Translation quality is measured by `deskmate eval` (pipeline vs plain prompting, with a
bootstrap interval), never decided by a test: these check the eval's structure at toy size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.eval import translate_eval
from assistant.eval.runner import differences

EN_ZH, ZH_EN = translate_eval.TASKS


def _pairs(tmp_path: Path) -> Path:
    tsv = tmp_path / "translation" / "tatoeba_cmn-eng_sample.tsv"
    tsv.parent.mkdir()
    tsv.write_text(
        "id\ten\tzh\n1\tHello.\t你好。\n2\tThanks a lot.\t多谢。\n3\t\t空的。\n"
        "4\tIt rains.\t下雨了。\n",
        encoding="utf-8",
    )
    return tmp_path


def test_both_directions_read_the_pairs(tmp_path: Path) -> None:
    root = _pairs(tmp_path)
    assert [t.name for t in translate_eval.TASKS] == ["translate-en-zh", "translate-zh-en"]
    pairs = EN_ZH.load(root, 2)
    assert [(p.source, p.target, p.text, p.reference) for p in pairs] == [
        ("en", "zh", "Hello.", "你好。"),
        ("en", "zh", "Thanks a lot.", "多谢。"),
    ]
    assert [p.text for p in ZH_EN.load(root, None)] == ["你好。", "多谢。", "下雨了。"]  # no gap
    assert EN_ZH.systems == ("plain", "pipeline") and EN_ZH.headline == "chrf"


def test_chrf_and_bleu_with_the_chinese_tokenizer(tmp_path: Path) -> None:
    pairs = EN_ZH.load(_pairs(tmp_path), None)
    perfect = EN_ZH.score(pairs, [p.reference for p in pairs])
    assert set(perfect) == {"chrf", "bleu"}
    assert perfect["chrf"] == pytest.approx(100.0) and perfect["bleu"] == pytest.approx(100.0)
    # unsegmented Chinese: without the zh tokenizer a one-character slip would zero the BLEU
    slip = EN_ZH.score(pairs, ["你好！", "多谢。", "下雨啦。"])
    assert 0 < slip["bleu"] < 100 and 0 < slip["chrf"] < 100
    assert EN_ZH.score(pairs, ["", "", ""]) == {"chrf": 0.0, "bleu": 0.0}


def test_identical_outputs_give_no_difference(tmp_path: Path) -> None:
    pairs = ZH_EN.load(_pairs(tmp_path), None)
    outputs = ["Hello.", "Thank you.", "It is raining."]
    outputs_by_system = {"plain": outputs, "pipeline": list(outputs)}
    (diff,) = differences(ZH_EN, pairs, outputs_by_system, resamples=100)
    assert diff.difference == 0.0 and diff.low <= 0 <= diff.high and not diff.better


@pytest.mark.model
def test_eval_command_on_the_real_model(
    data_dir: Path, fast_model_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`deskmate eval` end to end on 2 shipped sentence pairs: the JSON's shape, not scores."""
    from assistant.cli.main import main

    code = main(
        ["--json", "eval", "--model", str(fast_model_path), "--task", "translate-en-zh",
         "--limit", "2"]
    )  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    (task,) = data["tasks"]
    assert task["task"] == "translate-en-zh" and task["items"] == 2
    assert task["model"] == fast_model_path.stem
    for system in ("plain", "pipeline"):
        assert 0 <= task["systems"][system]["chrf"] <= 100
    (diff,) = task["differences"]
    assert diff["system"] == "pipeline" and diff["reference"] == "plain"
    assert diff["interval95"][0] <= diff["difference"] <= diff["interval95"][1]
    from assistant.store import Store

    store = Store(data_dir)  # the eval ran on a scratch data dir: the history stays clean
    try:
        assert store.list_runs(task="translate") == []
    finally:
        store.close()
