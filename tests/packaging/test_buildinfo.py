"""Build info (doctor, Settings), the bundle's entry point and the missing-model hint."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from assistant import __version__, buildinfo
from assistant.errors import ModelNotFound
from assistant.models.assemble import missing_model_hint, part_paths
from assistant.models.catalog import DEFAULT_LLM, CatalogEntry, get_entry

ROOT = Path(__file__).resolve().parents[2]


def _entry_module() -> ModuleType:
    path = ROOT / "packaging" / "pyinstaller" / "deskmate_main.py"
    spec = importlib.util.spec_from_file_location("deskmate_main", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    assert buildinfo.build_kind(env={}, frozen=True) == "bundle"
    assert buildinfo.build_kind(env={"APPIMAGE": "/x.AppImage"}, frozen=True) == "appimage"
    assert buildinfo.build_kind(env={"FLATPAK_ID": "io.github.deskmate.Deskmate"}) == "flatpak"
    # this checkout is installed with `pip install -e` (make install)
    assert buildinfo.build_kind(env={}, frozen=False) == "editable"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/deskmate/deskmate")
    assert buildinfo.install_dir() == Path("/opt/deskmate")


def test_build_info_says_where_data_lives(data_dir: Path) -> None:
    info = buildinfo.build_info(data_dir)
    assert info.version == __version__
    assert info.kind == "editable" and not info.frozen
    assert info.models_dir == str(data_dir / "models")
    rows = dict(info.rows())
    assert rows["data folder"] == str(data_dir)
    assert rows["build"].startswith("pip, editable")
    assert Path(rows["installed in"], "buildinfo.py").is_file()


def test_doctor_reports_the_build(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.cli import doctor_cmd
    from assistant.cli.main import main

    # the GPU probe imports torch and llama.cpp (slow); it is tested with doctor itself
    monkeypatch.setattr(
        doctor_cmd, "gpu_report", lambda: {"llama_reason": "-", "torch_device": "-"}
    )

    assert main(["--data-dir", str(data_dir), "--json", "doctor"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["build"]["kind"] == "editable"
    assert report["build"]["version"] == __version__
    assert report["build"]["data_dir"] == str(data_dir)
    assert report["build"]["start_on_login"] in (True, False)


def test_missing_model_hint_names_what_to_do_for_each_build() -> None:
    entry = get_entry(DEFAULT_LLM)
    assert entry is not None
    bundle = missing_model_hint(entry, "bundle")
    assert "deskmate models add PATH" in bundle and "huggingface.co/Qwen" in bundle
    assert entry.file_name in bundle and "make install" not in bundle
    assert "make install" in missing_model_hint(entry, "editable")


def test_uninstalled_chunk_packages_raise_the_hint() -> None:
    entry = CatalogEntry(
        id="absent-model",
        name="absent",
        kind="llm",
        file_name="absent.gguf",
        size=1,
        sha256=None,
        license="MIT",
        upstream="https://example.org/absent (absent.gguf)",
        packages=("deskmate_no_such_chunk_part1",),
    )
    with pytest.raises(ModelNotFound) as info:
        part_paths(entry)
    assert "deskmate models add PATH" in info.value.hint
    assert "https://example.org/absent" in info.value.hint


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["gui"]),
        (["--data-dir", "/d"], ["--data-dir", "/d", "gui"]),
        (["--json", "--data-dir=/d"], ["--json", "--data-dir=/d", "gui"]),
        (["doctor"], ["doctor"]),
        (["--data-dir", "/d", "models", "list"], ["--data-dir", "/d", "models", "list"]),
        (["--version"], ["--version"]),
        (["-h"], ["-h"]),
    ],
)
def test_bundle_opens_the_window_without_a_command(argv: list[str], expected: list[str]) -> None:
    assert _entry_module().bundle_argv(argv) == expected
