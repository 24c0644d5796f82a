"""Library folders: every supported file indexed, typed errors per file, changes, moves and
deletions noticed by a rescan, pause and resume, and nothing ever written into the folders."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core import Core
from assistant.library.indexing import index_library
from assistant.task_events import Done, Progress


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``root`` with its size and mtime: the folder as the user sees it."""
    out = {}
    for path in sorted(root.rglob("*")):
        st = path.stat()
        out[str(path.relative_to(root))] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "我的文档"
    (root / "sub").mkdir(parents=True)
    (root / "privacy.md").write_text("# 数据隐私\n\n我们不会共享客户的数据隐私信息。\n", "utf-8")
    (root / "sub" / "budget.txt").write_text("The bridge repair budget was approved.\n", "utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a document: not listed
    (root / ".hidden.md").write_text("secret", "utf-8")
    return root


@pytest.fixture
def core(data_dir: Path) -> Iterator[Core]:
    instance = Core(data_dir)
    yield instance
    instance.close()


def _run(core: Core) -> tuple[list[Progress], Done]:
    ticks = itertools.count()
    events = list(index_library(core, clock=lambda: float(next(ticks))))
    done = events[-1]
    assert isinstance(done, Done)
    return [e for e in events if isinstance(e, Progress)], done


def test_a_folder_is_indexed_with_typed_errors_and_left_untouched(core: Core, folder: Path) -> None:
    before = _tree(folder)
    core.store.add_library_folder(folder)
    progress, done = _run(core)
    assert done.data == {"loaded": 2, "failed": 1, "total": 3}
    assert [p.done for p in progress] == [0, 1, 2, 3] and progress[-1].total == 3
    assert progress[-1].eta_s == 0.0 and all(p.eta_s is None or p.eta_s >= 0 for p in progress)
    (failure,) = core.store.library_failures()
    assert failure["path"].endswith("broken.pdf") and failure["error_code"] == "corrupt_document"
    assert core.store.search_text("隐私")[0]["title"] == "privacy"
    assert core.store.library_folders()[0]["indexed"] == 2
    assert _tree(folder) == before  # read only
    assert _run(core)[1].data["total"] == 0  # nothing changed: nothing loaded again


def test_changes_moves_and_deletions_are_followed(core: Core, folder: Path) -> None:
    core.store.add_library_folder(folder)
    _run(core)
    docs = {d["title"]: d["id"] for d in core.store.list_documents()}
    os.replace(folder / "sub" / "budget.txt", folder / "budget-moved.txt")
    (folder / "privacy.md").write_text("# 数据隐私\n\n新的隐私政策从下个月开始。\n", "utf-8")
    _progress, done = _run(core)
    assert done.data["loaded"] == 2
    titles = {d["title"]: d["id"] for d in core.store.list_documents()}
    assert titles["budget"] == docs["budget"]  # moved: same content, same document
    assert [d["id"] for d in core.store.list_document_trash()] == [docs["privacy"]]
    (hit,) = core.store.search_text("政策")
    assert "新的隐私政策" in hit["text"] and hit["document_id"] != docs["privacy"]
    (folder / "budget-moved.txt").unlink()
    _run(core)
    assert core.store.search_text("bridge") == []
    assert core.store.remove_library_folder(folder) == 2  # privacy.md, broken.pdf
    assert core.store.list_documents() == [] and folder.is_dir()


def test_pause_stops_between_files_and_resume_goes_on(core: Core, folder: Path) -> None:
    core.store.add_library_folder(folder)
    core.settings.set("library_paused", True)
    _progress, paused = _run(core)
    assert paused.data["loaded"] == 0 and paused.text.startswith("paused")
    core.settings.set("library_paused", False)
    assert _run(core)[1].data == {"loaded": 2, "failed": 1, "total": 3}


def test_the_watcher_notices_a_new_file(core: Core, folder: Path) -> None:
    core.store.add_library_folder(folder)
    watcher = core.library
    watcher.start()
    assert watcher.wait_idle(60)
    (folder / "new.md").write_text("# 自动回复\n\n不在办公室时自动回复邮件。\n", "utf-8")
    watcher.poke()
    assert watcher.wait_idle(60)
    assert core.store.search_text("自动回复")[0]["title"] == "new"
