"""Which build of Deskmate is running, its version and where its data lives.

Shared by ``deskmate doctor`` and the Settings page ("About this installation"). The build is
one of: ``bundle`` (the PyInstaller app, ``sys.frozen``), ``flatpak``, ``appimage``, ``editable``
(``pip install -e``, a development checkout), ``pip`` (a regular install) or ``source`` (run from
a checkout that is not installed). No Qt here.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from assistant import __version__

BuildKind = Literal["bundle", "flatpak", "appimage", "editable", "pip", "source"]
DIST_NAME = "deskmate"

_LABELS: dict[str, str] = {
    "bundle": "app bundle (PyInstaller)",
    "flatpak": "Flatpak",
    "appimage": "AppImage",
    "editable": "pip, editable (development checkout)",
    "pip": "pip install",
    "source": "source checkout (not installed)",
}


@dataclass(frozen=True, slots=True)
class BuildInfo:
    version: str
    kind: BuildKind
    label: str
    frozen: bool
    executable: str
    install_dir: str  # the bundle folder, or where the ``assistant`` package is
    python: str
    platform: str
    data_dir: str
    models_dir: str
    logs_dir: str
    database: str
    start_on_login: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for a table or a form."""
        return [
            ("version", self.version),
            ("build", self.label),
            ("installed in", self.install_dir),
            ("data folder", self.data_dir),
            ("models", self.models_dir),
            ("logs", self.logs_dir),
            ("start on login", "on" if self.start_on_login else "off"),
        ]


def _editable() -> bool | None:
    """``True``/``False`` for an installed distribution, ``None`` when not installed."""
    import importlib.metadata

    dists = list(importlib.metadata.distributions(name=DIST_NAME))
    if not dists:
        return None
    for dist in dists:  # a checkout's deskmate.egg-info may shadow the venv's dist-info
        try:
            direct = json.loads(dist.read_text("direct_url.json") or "{}")
        except ValueError:
            continue
        if direct.get("dir_info", {}).get("editable", False):
            return True
    here = Path(__file__).resolve().parts
    return "site-packages" not in here and "dist-packages" not in here


def build_kind(env: Mapping[str, str] | None = None, frozen: bool | None = None) -> BuildKind:
    env = os.environ if env is None else env
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if env.get("FLATPAK_ID"):
        return "flatpak"
    if frozen:
        return "appimage" if env.get("APPIMAGE") else "bundle"
    editable = _editable()
    if editable is None:
        return "source"
    return "editable" if editable else "pip"


def install_dir(frozen: bool | None = None) -> Path:
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent


def build_info(data_dir: Path) -> BuildInfo:
    """Everything about this installation, for ``data_dir`` (nothing is created)."""
    from assistant.autostart import is_enabled

    kind = build_kind()
    try:
        autostart = is_enabled()
    except OSError:
        autostart = False
    return BuildInfo(
        version=__version__,
        kind=kind,
        label=_LABELS[kind],
        frozen=bool(getattr(sys, "frozen", False)),
        executable=sys.executable,
        install_dir=str(install_dir()),
        python=sys.version.split()[0],
        platform=platform.platform(),
        data_dir=str(data_dir),
        models_dir=str(data_dir / "models"),
        logs_dir=str(data_dir / "logs"),
        database=str(data_dir / "deskmate.sqlite3"),
        start_on_login=autostart,
    )
