"""``deskmate calendar connect|calendars|choose|sync|delete|disconnect`` against the real
Radicale; the password goes to the (in-memory) keyring only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import CalendarAuthError, UserError
from tests.assistant.calsync.conftest import Remote, vevent
from tests.assistant.llm.helpers import MemoryKeyring
from tests.calserver import CalUser, Radicale
from tests.helpers import run_cli_stdin


def test_connect_choose_sync_disconnect(
    data_dir: Path,
    radicale: Radicale,
    cal_user: CalUser,
    remote: Remote,
    ring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    remote.put("review.ics", vevent("review", "Review", "20261209T100000Z", "20261209T110000Z"))
    connect = ("calendar", "connect", radicale.url, "--user", cal_user.name, "--name", "home")
    code, shown = run_cli_stdin(
        data_dir, *connect, "--password-stdin", stdin=cal_user.password + "\n",
        monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code == 0 and "Work" in shown and "Home" in shown
    assert ring.store == {("deskmate", "caldav_password_home"): cal_user.password}
    for path in data_dir.glob("deskmate.sqlite3*"):
        assert cal_user.password.encode() not in path.read_bytes()

    assert run_cli_stdin(data_dir, "calendar", "choose", "Work", monkeypatch=monkeypatch)[0] == 0
    capsys.readouterr()
    assert run_cli_stdin(data_dir, "--json", "calendar", "sync", monkeypatch=monkeypatch)[0] == 0
    [result] = json.loads(capsys.readouterr().out)
    assert (result["calendar"], result["mode"], result["added"]) == ("Work", "sync-token", 1)
    with pytest.raises(UserError, match="only deletes events it created"):
        run_cli_stdin(data_dir, "calendar", "delete", "review", monkeypatch=monkeypatch)
    assert (
        run_cli_stdin(data_dir, "calendar", "disconnect", "home", monkeypatch=monkeypatch)[0] == 0
    )
    assert ring.store == {}
    assert remote.hrefs() == [remote.path + "review.ics"]  # the server is unchanged


def test_connect_with_a_wrong_password_fails_and_keeps_nothing(
    data_dir: Path,
    radicale: Radicale,
    cal_user: CalUser,
    ring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(CalendarAuthError, match="refused the password"):
        run_cli_stdin(
            data_dir, "calendar", "connect", radicale.url, "--user", cal_user.name,
            "--password-stdin", stdin="wrong\n", monkeypatch=monkeypatch,
        )  # fmt: skip
    assert ring.store == {}
