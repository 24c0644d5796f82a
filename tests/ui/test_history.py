"""History: searched with the core's search, filtered by task, results and events reopen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ui.main_window import MainWindow
from ui.pages.history import HistoryPage


def _runs(store: Any) -> dict[str, int]:
    ids = {}
    for task, text in [
        ("summarize", "The budget grew by twelve percent this quarter."),
        ("translate", "预算本季度增长了百分之十二。budget"),
        ("reply", "Thanks, Thursday works for me."),
    ]:
        run_id = store.start_run(task, input_text=f"input of {task}")
        store.finish_run(run_id, status="done", output=text)
        ids[task] = run_id
    return ids


def _history(qtbot: Any, core: Any) -> tuple[MainWindow, HistoryPage]:
    window = MainWindow(core)
    window.autoload_model = False
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.history.loaded, timeout=30_000):
        window.show_page("history")
    return window, window.history


def _search(qtbot: Any, history: HistoryPage, text: str) -> list[str]:
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        history.search.setText(text)  # debounced, then searched on a worker thread
    return [history.list.item(i).text() for i in range(history.list.count())]


def test_search_filter_and_reopen(qtbot: Any, scripted_core: Any) -> None:
    ids = _runs(scripted_core.store)
    window, history = _history(qtbot, scripted_core)
    assert history.list.count() == 3
    assert len(_search(qtbot, history, "budget")) == 2
    assert {r["id"] for r in history.runs} == {ids["summarize"], ids["translate"]}
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        history.task_filter.setCurrentIndex(history.task_filter.findData("translate"))
    assert [r["id"] for r in history.runs] == [ids["translate"]]
    assert "预算" in history.preview.toPlainText()
    history.open_button.click()  # open again: the result is back in its page
    assert window.current_page_key() == "translate"
    assert "预算" in window.task_pages["translate"].result.toPlainText()
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        window.show_page("history")
    assert _search(qtbot, history, "no such words anywhere") == []
    assert "Nothing found" in history.preview.toPlainText()
    window.close()


def test_event_hit_opens_its_week(qtbot: Any, scripted_core: Any) -> None:
    from assistant.calendar import CalEvent

    scripted_core.settings.set("time_zone", "UTC")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=21)
    scripted_core.store.add_event(
        CalEvent(uid="h@test", title="Dentist appointment", start=start, end=start + timedelta(1))
    )
    window, history = _history(qtbot, scripted_core)
    rows = _search(qtbot, history, "Dentist")
    assert len(rows) == 1 and "Dentist appointment" in rows[0]
    page = window.schedule_page
    with qtbot.waitSignal(page.events_loaded, timeout=30_000):
        history.open_button.click()
    assert window.current_page_key() == "schedule"
    assert page.week.monday <= start.date() < page.week.monday + timedelta(days=7)
    assert [s.title for s in page.week.shown()] == ["Dentist appointment"]
    window.close()


def _documents(store: Any) -> dict[str, int]:
    from tests.assistant.store.conftest import make_chunks, make_doc

    ids = {}
    for title, texts in [
        ("minutes.md", ["The Helios launch slips a week.", "Budget review on Thursday."]),
        ("lunch.txt", ["Noodles on Friday."]),
    ]:
        ids[title] = store.add_document(make_doc(title, texts), make_chunks(texts))
    return ids


def _view(qtbot: Any, history: HistoryPage, key: str) -> list[str]:
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        history.task_filter.setCurrentIndex(history.task_filter.findData(key))
    return [history.list.item(i).text() for i in range(history.list.count())]


def test_documents_delete_with_undo_and_restore_from_trash(qtbot: Any, scripted_core: Any) -> None:
    from ui.pages.history import DOCUMENTS, TRASH

    store = scripted_core.store
    ids = _documents(store)
    run_id = _runs(store)["reply"]
    window, history = _history(qtbot, scripted_core)
    rows = _view(qtbot, history, DOCUMENTS)
    assert len(rows) == 2 and "lunch.txt" in rows[0] and "minutes.md" in rows[1]
    assert not history.open_button.isVisible() and not history.restore_button.isVisible()

    history.list.setCurrentRow(1)
    with qtbot.waitSignal(history.document_deleted, timeout=30_000) as deleted:
        history.delete_button.click()
    assert deleted.args == [ids["minutes.md"]]
    assert [d["id"] for d in store.list_documents()] == [ids["lunch.txt"]]
    assert history.list.count() == 1  # gone from the list at once
    assert "minutes.md" in history.undo_bar.text()
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        history.undo_bar.action_button.click()  # Undo
    assert history.list.count() == 2
    assert {d["id"] for d in store.list_documents()} == set(ids.values())

    store.delete_document(ids["minutes.md"])
    store.delete_run(run_id)
    rows = _view(qtbot, history, TRASH)
    assert len(rows) == 2 and "minutes.md" in rows[1]
    assert history.restore_button.isVisible() and not history.delete_button.isVisible()
    history.list.setCurrentRow(1)
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        history.restore_button.click()
    assert history.list.count() == 1 and history.runs[0]["id"] == run_id
    assert {d["id"] for d in store.list_documents()} == set(ids.values())
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        history.restore_button.click()  # the run too
    assert history.list.count() == 0 and store.list_trash() == []
    window.close()


def test_deleting_a_document_hit_trashes_its_document(qtbot: Any, scripted_core: Any) -> None:
    ids = _documents(scripted_core.store)
    window, history = _history(qtbot, scripted_core)
    rows = _search(qtbot, history, "Helios")
    assert len(rows) == 1 and "minutes.md" in rows[0]
    with qtbot.waitSignal(history.document_deleted, timeout=30_000) as deleted:
        history.delete_button.click()
    assert deleted.args == [ids["minutes.md"]]
    assert scripted_core.store.search_text("Helios") == []
    assert _search(qtbot, history, "Budget review") == []  # other parts of it are gone too
    with qtbot.waitSignal(history.loaded, timeout=30_000):
        history.undo_bar.action_button.click()
    assert len(history.hits) == 1 and history.hits[0].title == "minutes.md"
    window.close()
