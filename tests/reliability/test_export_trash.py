"""Nothing lost: deleted runs go to a trash with undo, and all data exports to JSON + Markdown."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.documents import chunk_document, document_from_text
from assistant.errors import UserError
from assistant.export import JSON_NAME, export_all
from assistant.settings import Settings
from assistant.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(data_dir: Path) -> Path:
    with Store(data_dir) as store:
        kept = store.start_run("summarize", input_text="会议纪要：预算与招聘。", model="m")
        store.finish_run(kept, status="done", output="- 预算获批\n- 招聘两人")
        trashed = store.start_run("translate", input_text="Hello", params={"target": "zh"})
        store.finish_run(trashed, status="done", output="你好")
        store.delete_run(trashed)
        failed = store.start_run("reply", input_path="/mail/a.eml")
        store.finish_run(failed, status="failed", error="the mail is empty")
        doc = document_from_text("First paragraph.\n\nSecond paragraph with | a pipe.", "notes")
        store.add_document(
            doc, chunk_document(doc, max_tokens=8, count_tokens=lambda t: len(t.split()))
        )
        Settings(store).set("summary_length", "brief")
    return data_dir


def test_delete_goes_to_trash_and_undo_restores(data_dir: Path) -> None:
    with Store(data_dir) as store:
        run_id = store.start_run("ask", input_text="q")
        store.finish_run(run_id, status="done", output="a")
        store.delete_run(run_id)
        assert run_id not in [r["id"] for r in store.list_runs()]
        assert [r["id"] for r in store.list_trash()] == [run_id]
        store.restore_run(run_id)
        assert [r["id"] for r in store.list_runs()] == [run_id]
        assert store.get_run(run_id)["output"] == "a"  # type: ignore[index]


def test_export_has_everything_in_json_and_markdown(filled: Path, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    result = export_all(filled, dest)
    assert sorted(p.name for p in result.files) == sorted(
        [JSON_NAME, "runs.md", "documents.md", "calendar.md"]
    )
    payload = json.loads((dest / JSON_NAME).read_text(encoding="utf-8"))
    assert payload["format"] == "deskmate-export" and payload["format_version"] == 1
    runs = {r["task"]: r for r in payload["runs"]}
    assert set(runs) == {"summarize", "translate", "reply"}
    assert runs["translate"]["deleted_at"] and runs["translate"]["params"] == {"target": "zh"}
    assert runs["reply"]["error"] == "the mail is empty"
    assert payload["documents"][0]["text"].count("paragraph") == 2
    assert payload["settings"]["summary_length"] == "brief"
    assert result.counts["runs"] == 3 and result.counts["documents"] == 1
    runs_md = (dest / "runs.md").read_text(encoding="utf-8")
    assert "- 预算获批" in runs_md and "in the trash" in runs_md and "the mail is empty" in runs_md
    assert "Second paragraph" in (dest / "documents.md").read_text(encoding="utf-8")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in dest.iterdir()} == {0o600}
    again = export_all(filled, dest)  # exporting twice replaces the files atomically
    assert len(list(dest.iterdir())) == len(again.files)


def test_export_errors_are_typed(tmp_path: Path, filled: Path) -> None:
    with pytest.raises(UserError, match="no Deskmate data"):
        export_all(tmp_path / "empty", tmp_path / "out")
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(UserError, match="not a folder"):
        export_all(filled, a_file)


def test_export_command(filled: Path, tmp_path: Path) -> None:
    dest = tmp_path / "cli-out"
    command = [sys.executable, "-m", "assistant.cli.main", "--data-dir", str(filled), "--json"]
    proc = subprocess.run(
        [*command, "export", str(dest)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["counts"]["runs"] == 3 and Path(out["folder"]) == dest
    assert (dest / JSON_NAME).is_file()
    plain = subprocess.run(
        [*command[:-1], "export", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert plain.returncode == 0 and "exported 3 runs" in plain.stdout
