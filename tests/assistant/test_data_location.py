"""The data folder chosen in Settings: a private pointer outside the data folder, consulted after
--data-dir and $DESKMATE_DATA_DIR; a move applied at the next start (copied, checked, switched,
old folder kept); unusable targets get typed errors. No test touches the real home."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import data_location as loc
from assistant import data_move
from assistant.data_location import resolve_data_dir
from assistant.paths import ENV_DATA_DIR
from assistant.store import Store


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder nobody may write in (root ignores modes: then a read-only system folder)."""
    if os.geteuid() == 0:
        return Path("/sys/deskmate-test-target")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    return locked / "data"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Config and default data dir inside tmp_path; no $DESKMATE_DATA_DIR."""
    monkeypatch.setenv(loc.ENV_CONFIG_DIR, str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    yield tmp_path
    if os.geteuid() != 0 and (tmp_path / "locked").exists():
        os.chmod(tmp_path / "locked", 0o700)


def _fill(folder: Path) -> int:
    """A used data folder: a run, an event, a log, an assembled model and the model list."""
    with Store(folder) as store:
        run_id = store.start_run("summarize", input_text="会议纪要")
        store.finish_run(run_id, status="done", output="- 预算获批")
    (folder / "logs").mkdir(mode=0o700)
    (folder / "logs" / "deskmate.log").write_text("started\n")
    models = folder / "models"
    models.mkdir(mode=0o700)
    (models / "big.gguf").write_bytes(b"GGUF" + bytes(4096))
    (models / "big.gguf.verified").write_text("{}")
    (models / "models.json").write_text('{"version": 1, "models": []}')
    return run_id


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_pointer_is_private_outside_the_data_folder_and_ranks_third(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = loc.default_data_dir()
    assert default.is_relative_to(home) and loc.pointer_path().is_relative_to(home / "config")
    assert resolve_data_dir() == default  # no pointer yet
    chosen = home / "chosen"
    _fill(chosen)
    target = loc.request_change(chosen, default, use_existing=True)  # holds data: used as is
    assert target.kind == "deskmate"
    assert _mode(loc.pointer_path()) == 0o600 and _mode(loc.pointer_path().parent) == 0o700
    assert resolve_data_dir() == chosen
    monkeypatch.setenv(ENV_DATA_DIR, str(home / "env"))
    assert resolve_data_dir() == home / "env"  # the environment wins over the pointer
    assert resolve_data_dir(home / "flag") == home / "flag"  # and --data-dir over both
    monkeypatch.delenv(ENV_DATA_DIR)
    loc.pointer_path().write_text("{not json")  # a damaged pointer: the default, no crash
    assert resolve_data_dir() == default


def test_move_at_next_start_copies_checks_switches_and_keeps_old(home: Path) -> None:
    old = loc.default_data_dir()
    run_id = _fill(old)
    new = home / "elsewhere" / "deskmate"
    assert loc.request_change(new, old).kind == "new"
    assert loc.read_pointer()["pending"]["to"] == str(new)
    with Store(old):  # still running on the old folder: the move waits
        assert data_move.data_dir_at_start() == old
        assert not new.exists() and loc.read_pointer()["pending"]
    assert resolve_data_dir() == old  # resolving a path moves nothing: start-up does

    assert data_move.data_dir_at_start() == new  # the next start
    with Store(new) as store:
        assert store.get_run(run_id)["output"] == "- 预算获批"  # type: ignore[index]
    assert (new / "logs" / "deskmate.log").read_text() == "started\n"
    assert (new / "models" / "big.gguf").stat().st_size == 4100  # same disk: moved
    assert not (old / "models").exists()
    assert (old / "deskmate.sqlite3").is_file()  # the old folder is kept...
    assert str(new) in (old / loc.MOVED_NOTE).read_text()  # ...with a note where data went
    assert _mode(new) == 0o700 and _mode(new / "deskmate.sqlite3") == 0o600
    facts = loc.describe(new)
    assert facts["source"] == "setting" and facts["moved_from"] == str(old)
    assert facts["pending"] is None and facts["last_error"] is None


def test_other_disk_copies_the_model_list_and_rebuilds_models(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = loc.default_data_dir()
    _fill(old)
    new = home / "usb" / "deskmate"
    loc.request_change(new, old)
    monkeypatch.setattr(data_move, "_same_filesystem", lambda a, b: False)
    assert data_move.data_dir_at_start() == new
    assert (new / "models" / "models.json").is_file()
    assert not (new / "models" / "big.gguf").exists()  # rebuilt from the packages on first use
    assert (old / "models" / "big.gguf").is_file()


def test_failed_copy_is_removed_recorded_and_old_folder_kept(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = loc.default_data_dir()
    _fill(old)
    new = home / "new"
    new.mkdir()  # an empty folder the user made: it stays, emptied again
    loc.request_change(new, old)

    def broken(*_: object) -> None:
        raise loc.DataFolderError("the copied database differs from the original")

    monkeypatch.setattr(data_move, "_verify", broken)
    assert data_move.data_dir_at_start() == old
    assert new.is_dir() and list(new.iterdir()) == []
    assert (old / "models" / "big.gguf").is_file()
    pointer = loc.read_pointer()
    assert pointer["pending"] is None and "differs" in pointer["last_error"]


def test_unusable_targets_get_typed_errors(home: Path) -> None:
    current = home / "current"
    _fill(current)
    busy = home / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"x")
    a_file = home / "file.txt"
    a_file.write_text("x")
    cases = {
        busy: "not empty",
        current / "sub": "inside the current",
        home: "contains the current",
        a_file: "not a folder",
        unwritable_folder(home): "cannot write",
    }
    for target, words in cases.items():
        with pytest.raises(loc.DataFolderError) as caught:
            loc.request_change(target, current)
        assert words in caught.value.message, target
    assert not loc.pointer_path().exists()  # nothing recorded

    other = home / "other"
    _fill(other)
    with pytest.raises(loc.FolderHoldsData):
        loc.request_change(other, current)
    assert loc.request_change(current, current).kind == "same"


def test_reset_moves_back_to_the_default(home: Path) -> None:
    custom = home / "custom"
    _fill(custom)
    target = loc.request_reset(custom)
    assert target.path == loc.default_data_dir() and target.kind == "new"
    pending = loc.read_pointer()["pending"]
    assert pending["from"] == str(custom) and pending["to"] == str(loc.default_data_dir())
    assert data_move.data_dir_at_start() == loc.default_data_dir()
    assert (loc.default_data_dir() / "deskmate.sqlite3").is_file()
    assert loc.read_pointer()["data_dir"] is None


def test_cli_settings_data_dir(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli.main import main

    old = loc.default_data_dir()
    _fill(old)
    assert main(["--json", "settings", "data-dir"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["data_dir"] == str(old) and facts["source"] == "default"

    new = home / "new"
    assert main(["settings", "data-dir", str(new)]) == 0
    assert str(new) in capsys.readouterr().out
    assert main(["settings", "data-dir"]) == 0  # this start applies the move
    shown = capsys.readouterr().out
    assert f"data folder: {new}" in shown and f"moved from:  {old}" in shown

    assert main(["settings", "data-dir", str(unwritable_folder(home))]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert main(["settings", "data-dir", "--reset"]) == 2  # the default still holds the old copy
    assert "--use-existing" in capsys.readouterr().err
    assert main(["--json", "settings", "data-dir", "--reset", "--use-existing"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "deskmate"
    assert loc.read_pointer()["data_dir"] is None
