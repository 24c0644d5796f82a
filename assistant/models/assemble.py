"""Join a bundled model's chunk packages into one GGUF in the data dir, once, verified.

The file is written to a temp name beside the target, hashed while writing, checked against the
catalog's size and SHA-256, fsynced, then renamed atomically. An interrupted assembly leaves only
a ``*.partial`` file, which is never taken for a model. A verified file gets a ``.verified``
marker (size + mtime) so later starts skip re-hashing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path

from assistant.errors import BadModelFile, DiskFull, ModelNotFound
from assistant.models.catalog import CatalogEntry

ProgressFn = Callable[[int, int], None]
_BUF = 8 * 1024 * 1024


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
            hint="run `make install`, or `deskmate models add PATH` with a GGUF file",
        )
    return paths


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def is_verified(path: Path) -> bool:
    """True when ``path`` was verified before and has not changed since."""
    try:
        stat = path.stat()
        mark = json.loads(_marker(path).read_text())
    except (OSError, ValueError):
        return False
    return bool(mark.get("size") == stat.st_size and mark.get("mtime_ns") == stat.st_mtime_ns)


def mark_verified(path: Path, sha256: str) -> None:
    stat = path.stat()
    data = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha256}
    tmp = _marker(path).with_suffix(".tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, _marker(path))


def sha256_file(path: Path, progress: ProgressFn | None = None) -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as fh:
        while block := fh.read(_BUF):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def assemble(entry: CatalogEntry, dest_dir: Path, progress: ProgressFn | None = None) -> Path:
    """Return the verified GGUF of ``entry`` in ``dest_dir``, assembling it if needed."""
    target = dest_dir / entry.file_name
    if is_verified(target):
        return target
    dest_dir.mkdir(parents=True, exist_ok=True)
    parts = part_paths(entry)
    total = sum(p.stat().st_size for p in parts)
    if entry.size is not None and total != entry.size:
        raise BadModelFile(
            f"the installed chunks of {entry.id} add up to {total:,} bytes, "
            f"expected {entry.size:,}",
            hint="reinstall the model packages (`make install`)",
        )
    tmp = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    done = 0
    try:
        with tmp.open("wb") as out:
            os.chmod(tmp, 0o600)
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
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == 28:  # ENOSPC
            raise DiskFull(
                f"not enough disk space to assemble {entry.id} ({total / 1e9:.1f} GB) "
                f"in {dest_dir}",
                hint="free some space or choose another data folder",
            ) from exc
        raise
    actual = digest.hexdigest()
    if entry.sha256 and actual != entry.sha256:
        tmp.unlink(missing_ok=True)
        raise BadModelFile(
            f"model {entry.id} failed its checksum (got {actual[:12]}..., "
            f"expected {entry.sha256[:12]}...)",
            hint="reinstall the model packages (`make install`)",
        )
    os.replace(tmp, target)
    mark_verified(target, actual)
    return target
