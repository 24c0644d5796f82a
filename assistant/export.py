"""Export all of the user's data: one JSON file (complete, machine-readable) and Markdown files
(readable). Secrets are never exported: they live in the OS keyring, not in the database.

Exported: runs, documents with their text and calendar events (trash included, marked:
``deleted_at`` in the JSON, "in the trash" in the Markdown), glossary,
translation memory and settings. Left out: derived data (embeddings, full-text indexes) and
partial results of unfinished jobs. Every file written is private (0600), the folder 0700.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant import __version__
from assistant.errors import StoreError, UserError
from assistant.paths import db_path, ensure_private_dir

FORMAT = "deskmate-export"
FORMAT_VERSION = 1
JSON_NAME = "deskmate-export.json"
# table: (query, columns that hold JSON text)
_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "runs": ("SELECT * FROM runs ORDER BY id", ("params", "data")),
    "documents": ("SELECT * FROM documents ORDER BY id", ()),
    "events": ("SELECT * FROM events ORDER BY start_utc, uid", ("participants",)),
    "glossary": ("SELECT * FROM glossary ORDER BY source_lang, target_lang, term", ()),
    "translation_memory": (
        "SELECT source_lang, target_lang, source_text, translation, created_at "
        "FROM translation_memory ORDER BY created_at",
        (),
    ),
    "settings": ("SELECT key, value FROM settings ORDER BY key", ("value",)),
}


@dataclass
class ExportResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _decode(row: dict[str, Any], json_columns: Iterable[str]) -> dict[str, Any]:
    for column in json_columns:
        if isinstance(row.get(column), str):
            with contextlib.suppress(ValueError):
                row[column] = json.loads(row[column])
    return row


def read_all(data_dir: Path) -> dict[str, Any]:
    """Everything worth keeping, as plain JSON-able data (read-only; safe while Deskmate runs)."""
    path = db_path(data_dir)
    if not path.is_file():
        raise UserError(f"there is no Deskmate data in {data_dir}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        data: dict[str, Any] = {}
        for name, (query, json_columns) in _TABLES.items():
            rows = [dict(r) for r in conn.execute(query)] if name in tables else []
            data[name] = [_decode(r, json_columns) for r in rows]
        for doc in data["documents"]:
            chunks = conn.execute(
                "SELECT text FROM chunks WHERE document_id = ? ORDER BY idx", [doc["id"]]
            )
            doc["text"] = "\n".join(r[0] for r in chunks)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the database {path}: {exc}") from exc
    finally:
        conn.close()
    data["settings"] = {r["key"]: r["value"] for r in data["settings"]}
    return data


def _private_write(path: Path, text: str) -> Path:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)  # never a half-written export under the real name
    return path


def _quote(text: str, limit: int | None = None) -> str:
    if limit is not None and len(text) > limit:
        text = text[:limit] + " …"
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines()) or "> "


def _runs_md(runs: list[dict[str, Any]]) -> str:
    lines = [f"# Deskmate runs ({len(runs)})", ""]
    for run in runs:
        trash = " — in the trash" if run.get("deleted_at") else ""
        lines.append(f"## #{run['id']} {run['task']} — {run['status']}{trash}")
        lines.append("")
        lines.append(f"- created: {run['created_at']}")
        if run.get("model"):
            lines.append(f"- model: {run['model']}")
        if run.get("input_path"):
            lines.append(f"- input file: `{run['input_path']}`")
        if run.get("error"):
            lines.append(f"- error: {run['error']}")
        if run.get("input_text"):
            lines += ["", "Input:", "", _quote(str(run["input_text"]), 2000)]
        lines += ["", "Output:", "", str(run.get("output") or "(none)"), ""]
    return "\n".join(lines)


def _documents_md(documents: list[dict[str, Any]]) -> str:
    lines = [f"# Deskmate documents ({len(documents)})", ""]
    for doc in documents:
        trash = " — in the trash" if doc.get("deleted_at") else ""
        lines += [f"## {doc['title'] or doc['sha256'][:12]}{trash}", ""]
        lines.append(f"- format: {doc['format']}, added: {doc['added_at']}")
        if doc.get("path"):
            lines.append(f"- file: `{doc['path']}`")
        lines += ["", doc["text"], ""]
    return "\n".join(lines)


def _calendar_md(data: dict[str, Any]) -> str:
    lines = [f"# Deskmate calendar ({len(data['events'])} events)", ""]
    for event in data["events"]:
        where = f" @ {event['location']}" if event.get("location") else ""
        trash = " — in the trash" if event.get("deleted_at") else ""
        lines.append(f"- {event['start']} – {event['end']}: **{event['title']}**{where}{trash}")
    if data["glossary"]:
        lines += ["", "# Glossary", "", "| from | to | term | translation |", "|---|---|---|---|"]
        for g in data["glossary"]:
            row = (g["source_lang"], g["target_lang"], g["term"], g["translation"])
            lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
    return "\n".join(lines) + "\n"


def export_all(data_dir: Path, dest: Path) -> ExportResult:
    """Write ``dest/deskmate-export.json`` and ``runs.md``, ``documents.md``, ``calendar.md``."""
    data = read_all(data_dir)
    if dest.exists() and not dest.is_dir():
        raise UserError(f"{dest} exists and is not a folder")
    try:
        ensure_private_dir(dest)
    except OSError as exc:
        raise UserError(f"cannot create the export folder {dest}: {exc.strerror}") from exc
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "deskmate_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **data,
    }
    result = ExportResult(dest, counts={k: len(v) for k, v in data.items()})
    try:
        result.files = [
            _private_write(dest / JSON_NAME, json.dumps(payload, ensure_ascii=False, indent=1)),
            _private_write(dest / "runs.md", _runs_md(data["runs"])),
            _private_write(dest / "documents.md", _documents_md(data["documents"])),
            _private_write(dest / "calendar.md", _calendar_md(data)),
        ]
    except OSError as exc:
        from assistant.store.db import to_store_error

        raise to_store_error(exc, f"cannot write the export to {dest}") from exc
    return result
