"""Documents an eval stores once per run, each set in its own private data folder.

Retrieval and "ask your documents" evals search a known set of documents; storing them in the
evaluated core's own store would mix sets (and write into the user's data). Each set gets a
core over a temporary folder, with the evaluated core's embedding model; the folders are
removed at exit.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import EvalDataError

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.eval.spec import EvalContext


@dataclass(frozen=True)
class DocSet:
    name: str
    docs: tuple[tuple[str, str], ...]  # (key, text); the key is the stored document's title


_cores: dict[tuple[int, str], Core] = {}
_lock = threading.Lock()
_folders: list[Path] = []


def _remove_folders() -> None:
    # The cores stay open to the end (their writer threads are already stopped at exit).
    for folder in _folders:
        shutil.rmtree(folder, ignore_errors=True)


atexit.register(_remove_folders)


def core_for(ctx: EvalContext, docs: DocSet) -> Core:
    """A core over a private data folder holding ``docs``, indexed with the evaluated core's
    embedding model (created on first use, then reused)."""
    from assistant.core import Core
    from assistant.documents import document_from_text

    key = (id(ctx.core), docs.name)
    with _lock:
        found = _cores.get(key)
        if found is not None:
            return found
        folder = Path(tempfile.mkdtemp(prefix=f"deskmate-eval-{docs.name.replace('>', '')}-"))
        _folders.append(folder)
        core = Core(folder)
        core.settings.set("embedding_model", ctx.core.settings.get_str("embedding_model"))
        for doc_key, text in docs.docs:
            core.remember_document(document_from_text(text, title=doc_key))
        core.indexer.drain()
        _cores[key] = core
        return core


def read_jsonl(root: Path, rel: Path) -> list[dict[str, object]]:
    """The rows of a JSON-lines eval file; a missing or malformed file is a typed error."""
    path = root / rel
    if not path.is_file():
        raise EvalDataError(f"missing eval data: {path}", hint="pass --data ../shared/corpus")
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    except json.JSONDecodeError as exc:
        raise EvalDataError(f"{path} is not JSON lines: {exc}") from exc


def context_keys(kind: str, rows: list[dict[str, object]]) -> tuple[DocSet, dict[str, str]]:
    """One document per distinct ``context`` of ``rows``: the set, and context -> key."""
    keys: dict[str, str] = {}
    for row in rows:
        keys.setdefault(str(row["context"]), f"{kind}-{len(keys)}")
    return DocSet(kind, tuple((key, text) for text, key in keys.items())), keys
