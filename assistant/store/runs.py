"""Run history (with a trash) and partial results for resuming long jobs."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, Literal

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, _pk, now_iso

RunStatus = Literal["running", "done", "cancelled", "failed"]
FINAL_STATUSES = ("done", "cancelled", "failed")


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("params", "data"):
        row[key] = json.loads(row[key]) if row.get(key) else {}
    return row


class RunsMixin(StoreBase):
    # --- runs --------------------------------------------------------------------------------
    def start_run(
        self,
        task: str,
        *,
        input_text: str | None = None,
        input_path: str | None = None,
        input_sha256: str | None = None,
        model: str = "",
        params: dict[str, Any] | None = None,
    ) -> int:
        """Record a new run as ``running``; return its id once committed."""
        now = now_iso()
        row = {
            "task": task,
            "status": "running",
            "input_text": input_text,
            "input_path": None if input_path is None else str(input_path),
            "input_sha256": input_sha256,
            "model": model,
            "params": json.dumps(params or {}, ensure_ascii=False, default=str),
            "created_at": now,
            "started_at": now,
        }

        def insert(db: sqlite_utils.Database) -> int:
            return _pk(db.table("runs").insert(row).last_pk)

        return self._write(insert, "cannot save the run")

    def finish_run(
        self,
        run_id: int,
        *,
        status: RunStatus,
        output: str = "",
        error: str = "",
        data: dict[str, Any] | None = None,
    ) -> None:
        """Mark a run done / cancelled / failed, with its output and timings."""
        if status not in FINAL_STATUSES:
            raise ValueError(f"finish_run status must be one of {FINAL_STATUSES}, not {status!r}")
        finished = now_iso()

        def update(db: sqlite_utils.Database) -> None:
            row = db.execute("SELECT started_at FROM runs WHERE id = ?", [run_id]).fetchone()
            if row is None:
                raise UserError(f"there is no run {run_id}")
            seconds = None
            if row[0]:
                delta = datetime.fromisoformat(finished) - datetime.fromisoformat(row[0])
                seconds = round(delta.total_seconds(), 6)
            db.execute(
                "UPDATE runs SET status = ?, output = ?, error = ?, data = ?, finished_at = ?,"
                " seconds = ? WHERE id = ?",
                [
                    status,
                    output,
                    error,
                    json.dumps(data or {}, ensure_ascii=False, default=str),
                    finished,
                    seconds,
                    run_id,
                ],
            )

        self._write(update, "cannot save the run")

    def update_run_output(self, run_id: int, output: str) -> None:
        """Save the output so far of a running job."""

        def update(db: sqlite_utils.Database) -> None:
            db.execute("UPDATE runs SET output = ? WHERE id = ?", [output, run_id])

        self._write(update, "cannot save the run")

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """The run as a dict (params and data decoded), trashed or not; None if unknown."""
        rows = self._read("SELECT * FROM runs WHERE id = ?", [run_id])
        return _decode(rows[0]) if rows else None

    def list_runs(self, limit: int = 50, task: str | None = None) -> list[dict[str, Any]]:
        """Newest first, trashed runs left out."""
        where = "deleted_at IS NULL" + (" AND task = ?" if task is not None else "")
        params: list[Any] = [task] if task is not None else []
        rows = self._read(
            f"SELECT * FROM runs WHERE {where} ORDER BY created_at DESC, id DESC LIMIT ?",
            [*params, int(limit)],
        )
        return [_decode(r) for r in rows]

    def list_trash(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self._read(
            "SELECT * FROM runs WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC LIMIT ?",
            [int(limit)],
        )
        return [_decode(r) for r in rows]

    def _set_deleted(self, run_id: int, value: str | None) -> None:
        def update(db: sqlite_utils.Database) -> None:
            cur = db.execute("UPDATE runs SET deleted_at = ? WHERE id = ?", [value, run_id])
            if cur.rowcount == 0:
                raise UserError(f"there is no run {run_id}")

        self._write(update, "cannot update the run")

    def delete_run(self, run_id: int) -> None:
        """Move a run to the trash (undo with ``restore_run``)."""
        self._set_deleted(run_id, now_iso())

    def restore_run(self, run_id: int) -> None:
        """Take a run out of the trash."""
        self._set_deleted(run_id, None)

    def purge(self, older_than_days: float | None = None) -> int:
        """Delete trashed runs for good (all, or those trashed longer ago); return the count."""
        if older_than_days is None:
            cutoff = "9999"
        else:
            cutoff = (
                datetime.fromisoformat(now_iso()) - timedelta(days=older_than_days)
            ).isoformat(timespec="microseconds")

        def delete(db: sqlite_utils.Database) -> int:
            cur = db.execute(
                "DELETE FROM runs WHERE deleted_at IS NOT NULL AND deleted_at <= ?", [cutoff]
            )
            return int(cur.rowcount)

        return self._write(delete, "cannot empty the trash")

    # --- partial results ---------------------------------------------------------------------
    def save_partial(self, job_key: str, index: int, text: str) -> None:
        """Keep the result of one piece of a job (e.g. one chunk's summary)."""

        def upsert(db: sqlite_utils.Database) -> None:
            db.execute(
                "INSERT INTO partials (job_key, idx, text, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (job_key, idx) DO UPDATE SET text = excluded.text,"
                " created_at = excluded.created_at",
                [job_key, int(index), text, now_iso()],
            )

        self._write(upsert, "cannot save a partial result")

    def load_partials(self, job_key: str) -> dict[int, str]:
        rows = self._read(
            "SELECT idx, text FROM partials WHERE job_key = ? ORDER BY idx", [job_key]
        )
        return {int(r["idx"]): str(r["text"]) for r in rows}

    def clear_partials(self, job_key: str) -> None:
        def delete(db: sqlite_utils.Database) -> None:
            db.execute("DELETE FROM partials WHERE job_key = ?", [job_key])

        self._write(delete, "cannot clear partial results")
