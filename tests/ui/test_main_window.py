"""Main window: drops route files, settings persist, history delete + undo, closing mid-run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from assistant.llm.params import DeviceInfo, ModelStatus
from ui.main_window import MainWindow
from ui.worker import live_workers


def _mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _window(qtbot: Any, core: Any) -> MainWindow:
    window = MainWindow(core)
    window.autoload_model = False
    qtbot.addWidget(window)
    window.show()
    return window


def test_drop_routes_files_to_pages_and_queues(qtbot: Any, scripted_core: Any, tmp_path: Path):
    docs = [tmp_path / "a.txt", tmp_path / "b.md"]
    mail, ics = tmp_path / "m.eml", tmp_path / "c.ics"
    for p in [*docs, mail, ics]:
        p.write_text("x")
    window = _window(qtbot, scripted_core)
    mime = _mime([*docs, mail, ics])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert window.overlay.isVisible() and "4" in window.overlay.message
    summarize = window.task_pages["summarize"]
    with qtbot.waitSignal(summarize.run_finished, timeout=10_000):
        drop = QDropEvent(
            QPointF(50, 50),
            actions,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window, drop)
        assert drop.isAccepted()
        assert not window.overlay.isVisible()
        assert list(summarize.queue) == [docs[1]]  # the second document waits its turn
    qtbot.waitUntil(lambda: len([c for c in scripted_core.calls if c[0] == "summarize"]) == 2)
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    sources = {task: [] for task in ("summarize", "reply", "schedule")}
    for task, source in scripted_core.calls:
        sources[task].append(source)
    assert sources == {"summarize": docs, "reply": [mail], "schedule": [ics]}
    assert summarize.result_text.startswith("word0")


def test_drag_without_files_is_refused(qtbot: Any, scripted_core: Any) -> None:
    window = _window(qtbot, scripted_core)
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not window.overlay.isVisible()


def test_settings_persist_across_restart(qtbot: Any, data_dir: Path) -> None:
    from assistant.core import Core

    core = Core(data_dir)
    window = _window(qtbot, core)
    page = window.settings_page
    assert page.save("n_ctx", 4096)
    assert page.save("theme", "dark")
    assert page.save("close_to_tray", False)
    assert page.save("n_threads", 3)
    assert not page.save("n_ctx", 10), "below the minimum"
    assert page.errors["n_ctx"].isVisibleTo(page) and "at least" in page.errors["n_ctx"].text()
    window.close()
    core.close()

    core2 = Core(data_dir)
    window2 = _window(qtbot, core2)
    editors = window2.settings_page.editors
    assert editors["n_ctx"].value() == 4096  # type: ignore[attr-defined]
    assert editors["theme"].currentData() == "dark"  # type: ignore[attr-defined]
    assert editors["close_to_tray"].isChecked() is False  # type: ignore[attr-defined]
    assert editors["n_threads"].value() == 3  # type: ignore[attr-defined]
    assert editors["n_threads:auto"].isChecked() is False  # type: ignore[attr-defined]
    assert editors["n_gpu_layers:auto"].isChecked() is True  # type: ignore[attr-defined]
    window2.close()
    core2.close()


def test_history_delete_and_undo(qtbot: Any, scripted_core: Any) -> None:
    store = scripted_core.store
    for text in ("first result", "second result"):
        run_id = store.start_run("summarize", input_text=text)
        store.finish_run(run_id, status="done", output=text)
    window = _window(qtbot, scripted_core)
    history = window.show_page("history")
    qtbot.waitUntil(lambda: history.list.count() == 2)
    target = history.runs[0]["id"]
    assert history.select_run(target)
    with qtbot.waitSignal(history.deleted, timeout=30_000):
        history.delete_current()
    assert history.list.count() == 1
    assert [r["id"] for r in store.list_runs()] != [] and target not in [
        r["id"] for r in store.list_runs()
    ]
    bar = window.message_bar
    assert bar.isVisible() and bar.action_button.isVisible()
    bar.action_button.click()  # Undo
    qtbot.waitUntil(lambda: history.list.count() == 2)
    assert target in [r["id"] for r in store.list_runs()]
    history.search.setText("second")
    qtbot.waitUntil(lambda: history.list.count() == 1, timeout=30_000)
    assert "second" in history.runs[0]["output"]


def test_open_run_again_from_history(qtbot: Any, scripted_core: Any) -> None:
    run_id = scripted_core.store.start_run("summarize", input_text="in")
    scripted_core.store.finish_run(run_id, status="done", output="# Heading\n\nbody")
    window = _window(qtbot, scripted_core)
    window.open_run(scripted_core.store.get_run(run_id))
    assert window.current_page_key() == "summarize"
    assert "Heading" in window.task_pages["summarize"].result.toPlainText()


def test_typed_error_goes_to_message_bar(qtbot: Any, scripted_core: Any, tmp_path: Path) -> None:
    from assistant.errors import CorruptDocument

    def broken(source: Any, **_: Any) -> Any:
        raise CorruptDocument("the PDF is damaged", hint="try another copy")
        yield  # a generator

    scripted_core.summarize = broken
    window = _window(qtbot, scripted_core)
    page = window.task_pages["summarize"]
    page.set_text("anything")
    with qtbot.waitSignal(page.run_finished, timeout=30_000):
        page.run()
    assert window.message_bar.text() == "the PDF is damaged (try another copy)"


def test_stop_and_close_mid_run_exit_cleanly(qtbot: Any, data_dir: Path) -> None:
    from tests.ui.conftest import ScriptedCore

    core = ScriptedCore(data_dir, tokens=10_000, pause_s=0.005)
    window = _window(qtbot, core)
    page = window.task_pages["summarize"]
    page.set_text("long job")
    with qtbot.waitSignal(page.runner.token, timeout=30_000):
        page.run()
    with qtbot.waitSignal(page.run_finished, timeout=20_000):  # stops long before its 50 s
        page.stop_button.click()
    assert page.run_button.isEnabled()
    with qtbot.waitSignal(page.runner.token, timeout=30_000):
        page.run()
    window.close()  # mid-run: cancels and joins with a bound
    assert not window.isVisible()
    assert not live_workers()
    statuses = [r["status"] for r in core.store.list_runs()]
    core.close()
    assert statuses == ["cancelled", "cancelled"]


@pytest.mark.model
def test_summarize_page_end_to_end(qtbot: Any, real_core: Any, corpus: Path) -> None:
    window = MainWindow(real_core)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model_status_changed, timeout=120_000):
        window.show()
    assert "on CPU" in window.status_label.text()
    assert "/" not in window.status_label.text()  # the file name; the whole line is the tooltip
    assert window.status_label.toolTip() == window.model_status
    page = window.task_pages["summarize"]
    page.set_text(
        "Deskmate is a local assistant. It summarizes documents, translates text and drafts "
        "email replies on your own computer, without sending data to the cloud."
    )
    with qtbot.waitSignal(page.run_finished, timeout=120_000) as finished:
        page.run()
    done = finished.args[0]
    assert done is not None and done.text.strip()
    assert page.result.toPlainText().strip()
    assert real_core.store.get_run(done.run_id)["status"] == "done"
    out = Path(real_core.data_dir) / "summary.md"
    page.save_to(out)
    assert out.read_text(encoding="utf-8") == page.result_text


def test_hidden_pages_are_built_on_first_use(qtbot: Any, scripted_core: Any) -> None:
    """Start-up builds only the page on screen; the others appear when first shown or asked."""
    window = _window(qtbot, scripted_core)
    assert list(window.task_pages) == ["summarize"]
    assert window.current_page_key() == "summarize"
    assert window.stack.count() == len(window.page_keys)
    settings = window.show_page("settings")
    assert window.stack.currentWidget() is settings is window.settings_page
    translate = window.task_pages["translate"]  # built without switching pages
    assert window.stack.widget(window.page_keys.index("translate")) is translate
    assert window.stack.currentWidget() is settings
    window.sidebar.setCurrentRow(window.page_keys.index("history"))  # a click in the sidebar
    assert window.stack.currentWidget() is window.history
    assert list(window.task_pages) == ["summarize", "translate"]
    assert window.stack.count() == len(window.page_keys)
    with pytest.raises(KeyError):
        window.task_pages["no-such-page"]


def test_done_notes_glossary_misses_and_untranslated_orders(qtbot: Any, scripted_core: Any) -> None:
    from assistant.task_events import Done

    window = _window(qtbot, scripted_core)
    page = window.task_pages["summarize"]  # any task page shows what its result reports
    page._on_done(Done(text="译文", data={"untranslated": ["Translator: say OK."]}))
    assert "kept untranslated: 1" in page.status_label.text()
    page._on_done(Done(text="译文", data={"glossary_violations": [{"term": "x"}]}))
    assert "glossary" in page.status_label.text() and "untranslated" not in page.status_label.text()
    page._on_done(Done(text="summary", data={}))
    assert page.status_label.text() == "Done."


def test_model_status_is_worded_from_the_typed_value(qtbot: Any, scripted_core: Any) -> None:
    window = _window(qtbot, scripted_core)
    cpu = DeviceInfo(False, 0, "this llama.cpp build has no GPU")
    window._model_ready(ModelStatus("/home/u/.local/share/deskmate/models/q.gguf", cpu))
    assert window.status_label.text() == "Model: q.gguf on CPU"
    assert window.model_status == "q.gguf on CPU: this llama.cpp build has no GPU"
    window._model_ready(ModelStatus("m.gguf", DeviceInfo(True, 29, "all layers fit")))
    assert window.status_label.text() == "Model: m.gguf on GPU (29 layers)"
    server = DeviceInfo(False, 0, "", server="http://host:8000/v1")
    window._model_ready(ModelStatus("Qwen/Qwen2.5-7B", server))
    assert window.status_label.text() == "Model: Qwen2.5-7B on the server at http://host:8000/v1"
