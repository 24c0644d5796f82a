"""Assembly of the bundled chunk packages: interrupted, corrupt, missing, disk full, the 1.5B."""

from __future__ import annotations

import dataclasses
import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import BadModelFile, DiskFull, ModelNotFound
from assistant.models import assemble as assemble_mod
from assistant.models.assemble import assemble, is_verified, sha256_file
from assistant.models.catalog import DEFAULT_LLM, FAST_LLM, CatalogEntry, get_entry
from assistant.models.gguf import inspect_gguf

MB = 1024 * 1024


def entry_of(model_id: str) -> CatalogEntry:
    entry = get_entry(model_id)
    assert entry is not None
    return entry


@pytest.fixture
def dest(tmp_path: Path) -> Iterator[Path]:
    """A models folder whose big files are deleted after the test (tmp dirs are kept)."""
    path = tmp_path / "models"
    yield path
    shutil.rmtree(path, ignore_errors=True)


def leftovers(dest: Path) -> list[str]:
    return sorted(p.name for p in dest.iterdir()) if dest.exists() else []


def test_cancelled_assembly_leaves_nothing_then_succeeds(dest: Path) -> None:
    entry = entry_of(FAST_LLM)
    seen: list[int] = []

    def cancel_after_100mb(done: int, total: int) -> None:
        seen.append(done)
        if done >= 100 * MB:
            raise KeyboardInterrupt  # what Ctrl+C / quitting the app does mid-copy

    with pytest.raises(KeyboardInterrupt):
        assemble(entry, dest, cancel_after_100mb)
    assert seen[-1] >= 100 * MB
    assert leftovers(dest) == []  # no partial, no target, no marker

    path = assemble(entry, dest)
    assert path == dest / entry.file_name
    assert is_verified(path, entry.sha256)
    assert leftovers(dest) == sorted([entry.file_name, entry.file_name + ".verified"])
    for name in (entry.file_name, entry.file_name + ".verified"):
        assert oct((dest / name).stat().st_mode & 0o777) == oct(0o600)


CHILD = """
import sys
from pathlib import Path
from assistant.models.assemble import assemble
from assistant.models.catalog import FAST_LLM, get_entry

def progress(done, total):
    if done >= 64 * 1024 * 1024:
        print("copying", flush=True)
        sys.stdin.read()  # block here until the parent kills us

assemble(get_entry(FAST_LLM), Path(sys.argv[1]), progress)
"""


def test_killed_assembly_leaves_no_valid_file_and_next_succeeds(dest: Path) -> None:
    entry = entry_of(FAST_LLM)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(dest)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == b"copying\n"  # waits until it is mid-copy
    child.kill()  # SIGKILL: no cleanup code runs
    child.wait(timeout=30)
    child.stdout.close()
    child.stdin.close()

    names = leftovers(dest)
    assert names == [f"{entry.file_name}.{child.pid}.partial"]
    assert not (dest / entry.file_name).exists()
    with pytest.raises(BadModelFile, match="truncated"):
        inspect_gguf(dest / names[0])  # the leftover does not pass for a model

    path = assemble(entry, dest)
    assert is_verified(path, entry.sha256)
    assert leftovers(dest) == sorted([entry.file_name, entry.file_name + ".verified"])


def test_checksum_mismatch_leaves_no_target(dest: Path) -> None:
    wrong = dataclasses.replace(entry_of(FAST_LLM), sha256="0" * 64)
    with pytest.raises(BadModelFile, match="checksum"):
        assemble(wrong, dest)
    assert leftovers(dest) == []


def test_size_mismatch_is_caught_before_writing(dest: Path) -> None:
    wrong = dataclasses.replace(entry_of(FAST_LLM), size=123)
    with pytest.raises(BadModelFile, match="add up to"):
        assemble(wrong, dest)
    assert leftovers(dest) == []


def test_missing_packages_are_named(dest: Path) -> None:
    entry = entry_of(FAST_LLM)
    absent = dataclasses.replace(
        entry, packages=(*entry.packages[:2], "deskmate_no_such_part3", "deskmate_no_such_part4")
    )
    with pytest.raises(ModelNotFound) as exc:
        assemble(absent, dest)
    assert "deskmate-no-such-part3" in exc.value.message
    assert "deskmate-no-such-part4" in exc.value.message
    assert "make install" in exc.value.hint
    assert leftovers(dest) == []


class _FillingDisk(io.RawIOBase):
    """A writable file that fails with ENOSPC after ``room`` bytes, like a full disk."""

    def __init__(self, fd: int, room: int) -> None:
        self._file = open(fd, "wb", buffering=0)  # noqa: SIM115 - closed in close()
        self._room = room

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(data) > self._room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return int(self._file.write(data) or 0)

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()
        super().close()


def test_disk_full_while_writing(dest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        assemble_mod, "open", lambda fd, mode: _FillingDisk(fd, 50 * MB), raising=False
    )
    with pytest.raises(DiskFull, match="not enough disk space"):
        assemble(entry_of(FAST_LLM), dest)
    assert leftovers(dest) == []


def test_disk_full_detected_before_writing(dest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usage = shutil.disk_usage("/")
    monkeypatch.setattr(assemble_mod.shutil, "disk_usage", lambda _p: usage._replace(free=10 * MB))
    with pytest.raises(DiskFull) as exc:
        assemble(entry_of(FAST_LLM), dest)
    assert "0.5 GB" in exc.value.message
    assert leftovers(dest) == []


def test_verified_file_is_reused_and_lost_marker_rehashed(dest: Path) -> None:
    entry = entry_of(FAST_LLM)
    path = assemble(entry, dest)
    mtime = path.stat().st_mtime_ns
    assert assemble(entry, dest) == path  # marker: no work
    (dest / (entry.file_name + ".verified")).unlink()
    assert not is_verified(path)
    assert assemble(entry, dest) == path  # re-hashed, not rewritten
    assert path.stat().st_mtime_ns == mtime
    assert is_verified(path, entry.sha256)
    assert not is_verified(path, "f" * 64)  # a marker for another hash does not count


def test_changed_file_is_not_verified(tmp_path: Path) -> None:
    path = tmp_path / "m.gguf"
    path.write_bytes(b"abc")
    assemble_mod.mark_verified(path, "x")
    assert is_verified(path)
    path.write_bytes(b"abcd")
    assert not is_verified(path)


@pytest.mark.slow
def test_default_model_assembles_and_verifies(dest: Path) -> None:
    entry = entry_of(DEFAULT_LLM)
    assert entry.size == 1_117_320_768
    path = assemble(entry, dest)
    assert path.stat().st_size == entry.size
    assert sha256_file(path) == entry.sha256  # independent re-hash of what was written
    assert is_verified(path, entry.sha256)
    info = inspect_gguf(path)
    assert info.architecture == "qwen2"
    assert info.block_count == 28
    assert info.data_offset + info.data_size == info.file_size
