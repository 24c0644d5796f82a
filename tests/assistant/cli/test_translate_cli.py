"""``deskmate translate`` and ``deskmate glossary``, run as real subprocesses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import deskmate

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_glossary_add_list_remove(data_dir: Path) -> None:
    assert deskmate(data_dir, "glossary", "add", "en-zh", "invoice", "发票").returncode == 0
    assert deskmate(data_dir, "glossary", "add", "en-zh", "Alice", "爱丽丝").returncode == 0
    listed = deskmate(data_dir, "--json", "glossary", "list", "en-zh")
    assert json.loads(listed.stdout) == [
        {"term": "Alice", "translation": "爱丽丝"},
        {"term": "invoice", "translation": "发票"},
    ]
    table = deskmate(data_dir, "glossary", "remove", "en-zh", "Alice")
    assert table.returncode == 0 and "invoice" in table.stdout and "Alice" not in table.stdout
    assert json.loads(deskmate(data_dir, "--json", "glossary", "list", "zh-en").stdout) == []
    bad = deskmate(data_dir, "glossary", "add", "english", "x", "y")
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "deskmate: error: a language pair looks like en-zh, not 'english'"
    ]


def test_bad_languages_are_one_clear_line(data_dir: Path) -> None:
    unsupported = deskmate(data_dir, "translate", "--to", "xx", "Good morning, everyone.")
    assert unsupported.returncode == 2
    lines = unsupported.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deskmate: error: unsupported target"), lines
    same = deskmate(data_dir, "--json", "translate", "--to", "en", "Good morning, everyone.")
    assert same.returncode == 2 and "Traceback" not in same.stderr
    assert "already in English" in json.loads(same.stdout)["error"]["message"]
    missing = deskmate(data_dir, "translate", "--to", "zh", "missing-notes.md")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "deskmate: error: no such file: missing-notes.md"


@pytest.mark.model
def test_translate_file_reports_glossary_misses(
    data_dir: Path, tmp_path: Path, fast_model_path: Path
) -> None:
    assert deskmate(data_dir, "glossary", "add", "en-zh", "Alice", "爱丽丝").returncode == 0
    doc = tmp_path / "note.txt"
    doc.write_text(
        "Please check the numbers in the attached invoice and send them to Alice.\n",
        encoding="utf-8",
    )
    model = str(fast_model_path)
    # Six tokens cannot reach the end of the sentence: the glossary term is missed.
    result = deskmate(
        data_dir, "translate", str(doc), "--to", "zh", "--model", model, "--max-tokens", "6"
    )
    assert result.returncode == 0, result.stderr
    assert _HAN.search(result.stdout), result.stdout
    assert "glossary: 'Alice' should be translated as '爱丽丝'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr

    piped = deskmate(
        data_dir,
        "--json",
        "translate",
        "-",
        "--to",
        "en",
        "--model",
        model,
        stdin="今天下午三点开会。",
    )
    assert piped.returncode == 0, piped.stderr
    payload = json.loads(piped.stdout)
    assert payload["source"] == "zh" and payload["target"] == "en"
    assert payload["translation"].strip() and not _HAN.search(payload["translation"])
    assert payload["glossary_violations"] == []
    history = json.loads(deskmate(data_dir, "--json", "history").stdout)
    assert history[0]["id"] == payload["run_id"] and history[0]["task"] == "translate"
