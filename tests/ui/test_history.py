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
    with qtbot.waitSignal(window.history.loaded, timeout=5000):
        window.show_page("history")
    return window, window.history


def _search(qtbot: Any, history: HistoryPage, text: str) -> list[str]:
    with qtbot.waitSignal(history.loaded, timeout=5000):
        history.search.setText(text)  # debounced, then searched on a worker thread
    return [history.list.item(i).text() for i in range(history.list.count())]


def test_search_filter_and_reopen(qtbot: Any, scripted_core: Any) -> None:
    ids = _runs(scripted_core.store)
    window, history = _history(qtbot, scripted_core)
    assert history.list.count() == 3
    assert len(_search(qtbot, history, "budget")) == 2
    assert {r["id"] for r in history.runs} == {ids["summarize"], ids["translate"]}
    with qtbot.waitSignal(history.loaded, timeout=5000):
        history.task_filter.setCurrentIndex(history.task_filter.findData("translate"))
    assert [r["id"] for r in history.runs] == [ids["translate"]]
    assert "预算" in history.preview.toPlainText()
    history.open_button.click()  # open again: the result is back in its page
    assert window.current_page_key() == "translate"
    assert "预算" in window.task_pages["translate"].result.toPlainText()
    with qtbot.waitSignal(history.loaded, timeout=5000):
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
    with qtbot.waitSignal(page.events_loaded, timeout=5000):
        history.open_button.click()
    assert window.current_page_key() == "schedule"
    assert page.week.monday <= start.date() < page.week.monday + timedelta(days=7)
    assert [s.title for s in page.week.shown()] == ["Dentist appointment"]
    window.close()
