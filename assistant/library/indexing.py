"""``index_library``: load what changed in the library folders, as a plain event generator.

For each folder: scan (``scan.py``), forget files that are gone (their documents go to the
trash unless another file holds the same content: a moved file keeps its document), then load
new and changed files one by one, smallest first. Each outcome is recorded at once, so a run
stopped by a close, a crash or a pause resumes where it stopped. A file that fails to load is
recorded with its typed error and the rest go on. Nothing is ever written into the folders.
Progress carries an ETA from the bytes loaded so far.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import DeskmateError
from assistant.library.scan import Changes, FileStat, scan
from assistant.task_events import Done, Progress, Status, TaskEvent

if TYPE_CHECKING:
    from assistant.host import TaskHost
    from assistant.store.library import KnownFile

STAGE = "library"


def _load_one(core: TaskHost, folder_id: int, stat: FileStat, before: KnownFile | None) -> bool:
    """Load and store one file; record the document or the error. True when it loaded."""
    from assistant.documents import load_document

    store = core.store
    max_bytes = core.settings.get_int("max_file_mb") * 1024 * 1024
    try:
        doc = load_document(Path(stat.path), max_bytes=max_bytes)
        doc_id = core.remember_document(doc)
    except DeskmateError as exc:
        store.record_library_file(
            folder_id, stat.path, stat.size, stat.mtime_ns, error_code=exc.code,
            error=exc.user_text(),
        )  # fmt: skip
        ok, doc_id = False, None
    else:
        store.record_library_file(
            folder_id, stat.path, stat.size, stat.mtime_ns, document_id=doc_id
        )
        ok = True
    if before is not None and before.document_id is not None and before.document_id != doc_id:
        store.trash_unheld_documents({before.document_id})  # the old content of a changed file
    return ok


def index_library(
    core: TaskHost, *, clock: Callable[[], float] = time.monotonic
) -> Iterator[TaskEvent]:
    """Bring the index up to date with every library folder."""
    store = core.store
    plans: list[tuple[int, Changes, dict[str, KnownFile]]] = []
    for folder in store.library_folders():
        root = Path(folder["path"])
        if not root.is_dir():  # an unplugged drive: keep its documents until it is back
            yield Status(f"{root} is not reachable; its documents are kept")
            continue
        known = store.library_files(int(folder["id"]))
        changes = scan(root, known)
        if changes.gone:
            store.forget_library_files(list(changes.gone))
        plans.append((int(folder["id"]), changes, known))
    total = sum(len(c.to_load) for _f, c, _k in plans)
    total_bytes = sum(c.total_bytes for _f, c, _k in plans)
    done = failed = done_bytes = 0
    start = clock()
    yield Progress(0, total, STAGE)
    for folder_id, changes, known in plans:
        for stat in changes.to_load:
            if core.settings.get_bool("library_paused"):
                yield Status("library indexing is paused")
                yield Done(f"paused after {done} of {total} files", data=_data(done, failed, total))
                return
            failed += not _load_one(core, folder_id, stat, known.get(stat.path))
            done += 1
            done_bytes += stat.size
            elapsed = clock() - start
            rate = done_bytes / elapsed if elapsed > 0 and done_bytes else None
            eta = (total_bytes - done_bytes) / rate if rate else None
            yield Progress(done, total, STAGE, eta)
    yield Done(f"{done - failed} files indexed, {failed} failed", data=_data(done, failed, total))


def _data(done: int, failed: int, total: int) -> dict[str, int]:
    return {"loaded": done - failed, "failed": failed, "total": total}
