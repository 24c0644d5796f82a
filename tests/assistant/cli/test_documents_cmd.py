"""``deskmate documents`` and the trash view of ``deskmate history`` (in-process ``main``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.cli.main import main
from assistant.store import Store
from tests.assistant.store.conftest import make_chunks, make_doc

MINUTES = ["Budget review moved to Thursday.", "The Helios launch slips a week."]
LUNCH = ["Lunch menu: noodles on Friday."]


@pytest.fixture
def stored(data_dir: Path) -> dict[str, int]:
    with Store(data_dir) as store:
        ids = {
            "minutes": store.add_document(make_doc("minutes.md", MINUTES), make_chunks(MINUTES)),
            "lunch": store.add_document(make_doc("lunch.txt", LUNCH), make_chunks(LUNCH)),
        }
        run = store.start_run("summarize", input_text="x")
        store.finish_run(run, status="done", output="A summary.")
        ids["run"] = run
    return ids


def _json(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> Any:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def _found(data_dir: Path, query: str) -> set[str]:
    with Store(data_dir) as store:  # the full-text half (both halves: tests/assistant/test_search)
        return {str(h["title"]) for h in store.search_text(query)}


def test_list_delete_restore_trash_purge(
    data_dir: Path, stored: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    listed = _json(capsys, data_dir, "documents", "list")
    assert [(d["title"], d["chunks"]) for d in listed] == [("lunch.txt", 1), ("minutes.md", 2)]
    assert [d["id"] for d in _json(capsys, data_dir, "documents")] == [d["id"] for d in listed]

    doc = str(stored["minutes"])
    assert main(["--data-dir", str(data_dir), "documents", "delete", doc]) == 0
    out = capsys.readouterr().out
    assert "moved to the trash" in out and f"documents restore {doc}" in out
    assert [d["title"] for d in _json(capsys, data_dir, "documents", "list")] == ["lunch.txt"]
    trash = _json(capsys, data_dir, "documents", "trash", "--json")  # --json after, too
    assert [(d["id"], bool(d["deleted_at"])) for d in trash] == [(stored["minutes"], True)]
    assert _found(data_dir, "Helios") == set()  # not found while in the trash

    assert _json(capsys, data_dir, "documents", "restore", doc) == {"restored": [int(doc)]}
    assert _found(data_dir, "Helios") == {"minutes.md"}

    assert _json(capsys, data_dir, "documents", "delete", doc) == {"deleted": [int(doc)]}
    purged = _json(capsys, data_dir, "documents", "purge", "--older-than", "1")
    assert purged == {"purged": 0}  # trashed just now
    assert _json(capsys, data_dir, "documents", "purge") == {"purged": 1}
    assert _json(capsys, data_dir, "documents", "trash") == []
    with Store(data_dir) as store:
        assert store.get_document(stored["minutes"]) is None


def test_bad_input_is_one_typed_line(
    data_dir: Path, stored: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "documents", "restore", str(stored["lunch"])]) == 2  # not in the trash
    assert main([*args, "documents", "delete", "999"]) == 2
    assert main([*args, "documents", "purge", "--older-than", "-3"]) == 2
    assert main([*args, "history", "--older-than", "3"]) == 2  # needs --purge
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 4 and all(line.startswith("deskmate: error: ") for line in err), err
    assert "no document 999" in err[1]
    assert "Traceback" not in "".join(err)


def test_history_trash_shows_runs_and_documents(
    data_dir: Path, stored: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    run = stored["run"]
    assert _json(capsys, data_dir, "history", "--delete", str(run)) == {"deleted": run}
    assert _json(capsys, data_dir, "documents", "delete", str(stored["lunch"]))
    trash = _json(capsys, data_dir, "history", "--trash")
    assert [r["id"] for r in trash["runs"]] == [run]
    assert [d["id"] for d in trash["documents"]] == [stored["lunch"]]
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "history", "--trash"]) == 0
    text = capsys.readouterr().out
    assert "lunch.txt" in text and "summarize" in text and "history --restore ID" in text
    assert _json(capsys, data_dir, "history", "--restore", str(run)) == {"restored": run}
    assert [r["id"] for r in _json(capsys, data_dir, "history")] == [run]
    purged = _json(capsys, data_dir, "history", "--purge")
    assert purged == {"purged": {"runs": 0, "documents": 1}}
    assert _json(capsys, data_dir, "history", "--trash") == {"runs": [], "documents": []}


@pytest.mark.model
def test_a_summarized_file_is_listed_trashed_and_purged_with_its_summary_kept(
    core: Any, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.task_events import Done
    from assistant.tasks.quality import echo_ratio

    text = (
        "Apollo status: the database migration is done. Maria fixes the two export bugs by "
        "Thursday; the launch moves from May 3 to May 10."
    )
    core.settings.set("n_threads", 1)  # on a busy 2-core machine one thread is faster
    source = tmp_path / "apollo.md"
    source.write_text(text, encoding="utf-8")
    done = [e for e in core.summarize(source, length="brief", max_tokens=16) if isinstance(e, Done)]
    summary = done[0].text
    assert summary.strip() and echo_ratio(text, summary) < 0.8, summary  # an answer, not a copy
    listed = _json(capsys, data_dir, "documents", "list")
    assert [Path(d["path"]).name for d in listed] == ["apollo.md"]
    doc = str(listed[0]["id"])

    def chunks(query: str) -> list[dict[str, Any]]:
        return [h for h in core.store.search_text(query) if h["kind"] == "chunk"]

    assert chunks("Maria")  # the document's text is searchable...
    _json(capsys, data_dir, "documents", "delete", doc)
    assert chunks("Maria") == []  # ...and not while in the trash
    assert [d["id"] for d in _json(capsys, data_dir, "documents", "trash")] == [int(doc)]
    assert _json(capsys, data_dir, "documents", "purge") == {"purged": 1}
    assert core.store.get_run(done[0].run_id)["output"] == summary  # type: ignore[index]
    assert _json(capsys, data_dir, "documents", "list") == []
