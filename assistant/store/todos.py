"""To-dos (``assistant.calendar.todo``): add, list, mark done / open again, delete. Writes go
through the writer thread; a to-do found again in the same source is not stored twice."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, now_iso

if TYPE_CHECKING:
    from assistant.calendar.todo import Status, Todo, TodoDraft


def _todo(row: dict[str, Any]) -> Todo:
    from assistant.calendar.todo import Todo

    return Todo(
        id=int(row["id"]),
        title=row["title"],
        due=datetime.fromisoformat(row["due"]) if row["due"] else None,
        estimate_min=int(row["estimate_min"]),
        priority=row["priority"],
        status=row["status"],
        source_kind=row["source_kind"],
        source_ref=row["source_ref"],
        created_at=row["created_at"],
        done_at=row["done_at"],
    )


class TodosMixin(StoreBase):
    def add_todo(self, draft: TodoDraft) -> Todo:
        """Store a to-do; the same title from the same source is stored once (the stored one is
        returned)."""
        row = {
            "title": draft.title.strip(),
            "due": draft.due.isoformat() if draft.due else None,
            "due_utc": draft.due.astimezone(UTC).isoformat() if draft.due else None,
            "estimate_min": draft.estimate_min,
            "priority": draft.priority,
            "status": "open",
            "source_kind": draft.source_kind,
            "source_ref": draft.source_ref,
            "created_at": now_iso(),
        }

        def insert(db: sqlite_utils.Database) -> int:
            if draft.source_ref:
                found = db.execute(
                    "SELECT id FROM todos WHERE title = ? AND source_kind = ? AND source_ref = ?",
                    [row["title"], draft.source_kind, draft.source_ref],
                ).fetchone()
                if found:
                    return int(found[0])
            cur = db.execute(
                f"INSERT INTO todos ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            return int(cur.lastrowid or 0)

        todo_id = self._write(insert, "cannot save the task")
        stored = self.get_todo(todo_id)
        assert stored is not None  # just written by the one writer
        return stored

    def get_todo(self, todo_id: int) -> Todo | None:
        rows = self._read("SELECT * FROM todos WHERE id = ?", [int(todo_id)])
        return _todo(rows[0]) if rows else None

    def list_todos(self, *, include_done: bool = False, limit: int = 500) -> list[Todo]:
        """Open to-dos (and done ones with ``include_done``): earliest due first, undated last,
        then by priority."""
        where = "" if include_done else "WHERE status = 'open'"
        rows = self._read(
            f"SELECT * FROM todos {where} ORDER BY status = 'done', due_utc IS NULL, due_utc,"
            " CASE priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, id LIMIT ?",
            [int(limit)],
        )
        return [_todo(r) for r in rows]

    def set_todo_status(self, todo_id: int, status: Status) -> Todo:
        """Mark a to-do done, or open again (undo)."""
        done_at = now_iso() if status == "done" else None

        def update(db: sqlite_utils.Database) -> None:
            cur = db.execute(
                "UPDATE todos SET status = ?, done_at = ? WHERE id = ?",
                [status, done_at, int(todo_id)],
            )
            if cur.rowcount == 0:
                raise UserError(f"there is no task {todo_id}")

        self._write(update, "cannot update the task")
        stored = self.get_todo(todo_id)
        assert stored is not None
        return stored

    def delete_todo(self, todo_id: int) -> None:
        def delete(db: sqlite_utils.Database) -> None:
            cur = db.execute("DELETE FROM todos WHERE id = ?", [int(todo_id)])
            if cur.rowcount == 0:
                raise UserError(f"there is no task {todo_id}")

        self._write(delete, "cannot delete the task")
