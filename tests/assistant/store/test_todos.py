"""To-dos in the store: add, order, done/undo, delete, one per source, typed errors."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import ImpossibleDate
from assistant.calendar.todo import TodoDraft, due_from_phrase
from assistant.errors import UserError
from assistant.store import Store

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=SH)  # a Monday


def test_add_list_done_undo_delete(store: Store) -> None:
    later = store.add_todo(TodoDraft("Quarterly report", due=NOW + timedelta(days=4)))
    soon = store.add_todo(TodoDraft("Call Anna", due=NOW + timedelta(hours=3), priority="high"))
    undated = store.add_todo(TodoDraft("Tidy the wiki", priority="low", estimate_min=30))
    assert [t.id for t in store.list_todos()] == [soon.id, later.id, undated.id]
    assert later.status == "open" and later.due == NOW + timedelta(days=4)
    done = store.set_todo_status(soon.id, "done")
    assert done.status == "done" and done.done_at is not None
    assert [t.id for t in store.list_todos()] == [later.id, undated.id]
    assert soon.id in [t.id for t in store.list_todos(include_done=True)]
    assert store.set_todo_status(soon.id, "open").done_at is None
    store.delete_todo(undated.id)
    assert store.get_todo(undated.id) is None
    with pytest.raises(UserError):
        store.delete_todo(undated.id)
    with pytest.raises(UserError):
        store.set_todo_status(999, "done")


def test_found_again_in_the_same_source_is_stored_once(store: Store) -> None:
    draft = TodoDraft("Send slides", source_kind="mail", source_ref="/m/a.eml")
    first, again = store.add_todo(draft), store.add_todo(draft)
    assert first.id == again.id and first.source_kind == "mail"
    other = store.add_todo(TodoDraft("Send slides", source_kind="mail", source_ref="/m/b.eml"))
    assert other.id != first.id


@pytest.mark.parametrize(
    "bad",
    [
        {"title": " "},
        {"title": "x", "estimate_min": 0},
        {"title": "x", "priority": "urgent"},
        {"title": "x", "due": datetime(2026, 1, 1)},
    ],
)
def test_bad_drafts_are_typed_errors(bad: dict[str, object]) -> None:
    with pytest.raises(UserError):
        TodoDraft(**bad)  # type: ignore[arg-type]


def test_due_phrases() -> None:
    assert due_from_phrase("friday 5pm", now=NOW, tz="Asia/Shanghai") == datetime(
        2026, 11, 27, 17, 0, tzinfo=SH
    )
    # a date alone: by the end of that day; a deadline: its own end
    assert due_from_phrase("friday", now=NOW, tz="Asia/Shanghai") == datetime(
        2026, 11, 28, tzinfo=SH
    )
    month_end = due_from_phrase("月底前", now=NOW, tz="Asia/Shanghai")
    assert month_end == datetime(2026, 12, 1, tzinfo=SH)
    with pytest.raises(ImpossibleDate):
        due_from_phrase("2月30日", now=NOW, tz="Asia/Shanghai")
    with pytest.raises(UserError):
        due_from_phrase("whenever", now=NOW, tz="Asia/Shanghai")
