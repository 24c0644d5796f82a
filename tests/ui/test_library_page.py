"""The Library page: empty state, a folder added and indexed in the background, the file that
failed with its typed error, pause and resume, and removal (the folder itself untouched)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.core import Core
from ui.pages.library_page import LibraryPage


def _cell(table: Any, row: int, col: int) -> str:
    item = table.item(row, col)
    assert item is not None
    return str(item.text())


def test_library_page_adds_indexes_pauses_and_removes(
    qtbot: Any, data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "文档"
    folder.mkdir()
    (folder / "隐私.md").write_text("# 数据隐私\n\n我们不会共享客户的数据。\n", "utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    before = sorted(p.name for p in folder.iterdir())
    core = Core(data_dir)
    try:
        page = LibraryPage(core)
        qtbot.addWidget(page)
        assert not page.empty_label.isHidden() and "Add folder" in page.empty_label.text()
        assert page.folders.isHidden() and not page.remove_button.isEnabled()

        page.add_folder(folder)
        assert core.library.wait_idle(60.0)
        page.refresh()
        assert page.empty_label.isHidden() and page.folders.rowCount() == 1
        cells = [_cell(page.folders, 0, c) for c in range(3)]
        assert cells == [str(folder.resolve()), "1", "1"]
        assert page.failures.rowCount() == 1 and not page.failures.isHidden()
        assert _cell(page.failures, 0, 0).endswith("broken.pdf")
        assert "(" in _cell(page.failures, 0, 1)  # the typed error's code is shown
        assert "Up to date" in page.status_label.text()

        page.toggle_pause()
        assert core.settings.get_bool("library_paused") and page.pause_button.text() == "Resume"
        assert "paused" in page.status_label.text()
        page.toggle_pause()
        assert not core.settings.get_bool("library_paused")

        page.folders.selectRow(0)
        assert page.remove_button.isEnabled()
        with qtbot.waitSignal(page.runner.finished, timeout=30_000):
            page.remove_selected()
        assert page.folders.rowCount() == 0 and not page.empty_label.isHidden()
        assert sorted(p.name for p in folder.iterdir()) == before  # never written into
    finally:
        core.close()
