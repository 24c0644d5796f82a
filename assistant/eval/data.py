"""Where eval data sets are and how they are read: the shipped samples (``resources/eval``) or
a development corpus laid out the same way (``../shared/corpus``). A missing or malformed file
is an ``EvalDataError`` naming the file and what is wrong with it."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from assistant.errors import EvalDataError

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "eval"


def default_data_dir() -> Path:
    """The samples shipped with Deskmate (a few dozen items per task)."""
    if not SHIPPED.is_dir():
        raise EvalDataError(
            f"the shipped eval samples are missing ({SHIPPED})",
            hint="point --data at a folder laid out like resources/eval",
        )
    return SHIPPED


def data_file(root: Path, relative: str) -> Path:
    """``root / relative``, which must be a file."""
    if not root.is_dir():
        raise EvalDataError(f"no eval data folder at {root}", hint="check --data")
    path = root / relative
    if not path.is_file():
        raise EvalDataError(
            f"{root} has no {relative}",
            hint="--data must be laid out like resources/eval (or ../shared/corpus)",
        )
    return path


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    """The objects of a JSON-lines file; each must have the ``required`` keys."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalDataError(f"{path}, line {number}: not JSON ({exc.msg})") from exc
        missing = [key for key in required if not isinstance(row, dict) or key not in row]
        if missing:
            raise EvalDataError(f"{path}, line {number}: missing {', '.join(missing)}")
        rows.append(row)
    return rows


def read_tsv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a tab-separated file whose header names the ``required`` columns."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            missing = [key for key in required if key not in (reader.fieldnames or ())]
            if missing:
                raise EvalDataError(f"{path}: no column {', '.join(missing)} in the header")
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc


def limited(items: list[Any], limit: int | None, what: str, path: Path) -> list[Any]:
    """The first ``limit`` items (all when None); an empty set is an error."""
    if limit is not None and limit < 1:
        raise EvalDataError("--limit must be at least 1")
    if not items:
        raise EvalDataError(f"{path} holds no {what}")
    return items[:limit] if limit is not None else items
