"""The ``deskmate`` command line, run as a real subprocess on a temp data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.models.catalog import DEFAULT_LLM, FAST_LLM
from assistant.settings import Settings
from assistant.store import Store
from tests.helpers import deskmate


def test_version(data_dir: Path) -> None:
    result = deskmate(data_dir, "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("deskmate ")


def test_missing_file_is_one_clear_line(data_dir: Path) -> None:
    result = deskmate(data_dir, "summarize", "/no/such/file.pdf")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "deskmate: error: no such file: /no/such/file.pdf"
    ]
    assert "Traceback" not in result.stderr


def test_corrupt_pdf_exits_4_without_traceback(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n")
    result = deskmate(data_dir, "summarize", str(bad))
    assert result.returncode == 4, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deskmate: error: "), result.stderr


def test_json_error_shape(data_dir: Path) -> None:
    result = deskmate(data_dir, "--json", "settings", "set", "n_ctx", "12")
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert payload["error"]["code"] == "setting_error"
    assert "at least" in payload["error"]["message"]


def test_settings_round_trip(data_dir: Path) -> None:
    assert deskmate(data_dir, "settings", "set", "summary_length", "brief").returncode == 0
    result = deskmate(data_dir, "settings", "get", "summary_length")
    assert json.loads(result.stdout) == "brief"


def _settings(data_dir: Path) -> tuple[Store, Settings]:
    store = Store(data_dir)
    return store, Settings(store)


@pytest.mark.model
def test_summarize_with_bundled_model_then_history(data_dir: Path, tmp_path: Path) -> None:
    doc = tmp_path / "meeting.md"
    doc.write_text(
        "# Project Apollo status\n\n"
        "The team finished the database migration on Monday. Two bugs remain in the export "
        "feature; Maria will fix them by Thursday. The launch moves from May 3 to May 10 "
        "because the security review needs one more week. Budget is still within the "
        "approved 40,000 euros.\n",
        encoding="utf-8",
    )
    store, settings = _settings(data_dir)
    settings.set("n_ctx", 2048)  # what `deskmate settings set n_ctx 2048` does
    store.close()
    result = deskmate(
        data_dir,
        "summarize",
        str(doc),
        "--json",  # after the command, as well as before it
        "--model",
        FAST_LLM,
        "--length",
        "brief",
        "--max-tokens",
        "64",
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["summary"].strip()
    assert payload["mode"] == "single"
    # The bundled model was assembled into the data dir, verified.
    assert (data_dir / "models" / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf").is_file()
    # --model is for this run only: the default model stays what it was.
    store, settings = _settings(data_dir)
    assert settings.get("model") == DEFAULT_LLM
    store.close()

    history = deskmate(data_dir, "--json", "history")
    runs = json.loads(history.stdout)
    assert runs[0]["id"] == payload["run_id"]
    assert runs[0]["status"] == "done"
    assert runs[0]["model"] == FAST_LLM
    assert runs[0]["params"]["length"] == "brief"

    cats = (
        "Cats sleep for about fifteen hours a day. They hunt at dawn and at dusk, when their "
        "prey is most active, and spend much of the rest of their waking time grooming."
    )
    streamed = deskmate(
        data_dir,
        "summarize",
        "-",
        "--model",
        FAST_LLM,
        "--lang",
        "zh",
        "--length",
        "brief",
        "--max-tokens",
        "48",
        stdin=cats,
    )
    assert streamed.returncode == 0, streamed.stderr
    answer = streamed.stdout.strip()
    assert sum(1 for ch in answer if "\u4e00" <= ch <= "\u9fff") >= 5, answer  # --lang zh


def test_unknown_model_is_one_clear_line(data_dir: Path, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Some text.", encoding="utf-8")
    result = deskmate(data_dir, "summarize", str(doc), "--model", "no-such-model")
    assert result.returncode == 5, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown model 'no-such-model'" in lines[0], lines
    assert FAST_LLM in lines[0]  # it names what is available


def test_doctor_json(data_dir: Path) -> None:
    result = deskmate(data_dir, "--json", "doctor")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["data_dir"] == str(data_dir.resolve())
    assert info["gpu"]["llama_gpu_build"] is False
    assert "no GPU support" in info["gpu"]["llama_reason"]
    ids = {m["id"] for m in info["models"]}
    assert FAST_LLM in ids
