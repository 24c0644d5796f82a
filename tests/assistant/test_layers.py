"""The picture of the layers in docs/ARCHITECTURE.md is the import-linter contract, exactly."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _contract_layers() -> list[set[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c for c in contracts if c["type"] == "layers" and c["containers"] == ["assistant"]]
    return [{name.strip() for name in line.split("|")} for line in layers["layers"]]


def _pictured_layers() -> list[set[str]]:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    block = re.search(r"^```layers\n(.*?)^```", text, re.S | re.M)
    assert block is not None, "docs/ARCHITECTURE.md has no ```layers picture"
    layers = []
    for line in block.group(1).splitlines():
        drawn = line.split("#", 1)[0].strip()
        if drawn and drawn != "↓":
            layers.append({name.strip() for name in drawn.split("|")})
    return layers


def test_the_picture_is_the_contract() -> None:
    assert _pictured_layers() == _contract_layers()


def test_every_package_of_the_core_has_a_layer() -> None:
    placed = set().union(*_contract_layers())
    packages = {
        p.stem if p.is_file() else p.name
        for p in (ROOT / "assistant").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    assert packages == placed
