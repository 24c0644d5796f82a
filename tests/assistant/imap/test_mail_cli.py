"""``deskmate mail account add|list|test|remove`` and ``deskmate mail list`` against the real
Dovecot; the password goes to the (in-memory) keyring only, never into SQLite or the output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.errors import MailAuthError, UserError
from tests.assistant.llm.helpers import MemoryKeyring
from tests.helpers import run_cli
from tests.mailserver import DRAFTS, Dovecot, MailUser

ENRON = sorted(
    (Path(__file__).resolve().parents[3].parent / "shared/corpus/email/enron_dev").glob("*.eml")
)


def _run(
    data_dir: Path, *argv: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run_cli(data_dir, *argv)


def test_account_add_list_test_remove(
    data_dir: Path,
    dovecot: Dovecot,
    mail_user: MailUser,
    ring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dovecot.append(mail_user, ENRON[0].read_bytes())
    add = (
        *("mail", "account", "add", "work", "--host", dovecot.host),
        *("--port", str(dovecot.starttls_port), "--tls", "starttls", "--user", mail_user.name),
        *("--ca-file", str(dovecot.ca_file), "--address", mail_user.address),
        *("--display-name", "Li Hua", "--password-stdin"),
    )
    code, shown = _run(data_dir, *add, stdin=mail_user.password + "\n", monkeypatch=monkeypatch)
    assert code == 0 and "1 mails in INBOX" in shown and DRAFTS in shown
    assert ring.store == {("deskmate", "imap_password_work"): mail_user.password}
    assert mail_user.password not in shown
    for path in data_dir.glob("deskmate.sqlite3*"):
        assert mail_user.password.encode() not in path.read_bytes()

    assert _run(data_dir, "--json", "mail", "account", "list", monkeypatch=monkeypatch)[0] == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["name"] == "work" and listed["tls"] == "starttls"
    assert listed["display_name"] == "Li Hua" and mail_user.password not in json.dumps(listed)
    assert _run(data_dir, "mail", "account", "test", "work", monkeypatch=monkeypatch)[0] == 0
    code, shown = _run(data_dir, "mail", "list", monkeypatch=monkeypatch)
    assert code == 0 and parse_subject(ENRON[0]) in shown

    assert _run(data_dir, "mail", "account", "remove", "work", monkeypatch=monkeypatch)[0] == 0
    assert ring.store == {}
    with pytest.raises(UserError, match="no mail account"):
        _run(data_dir, "mail", "account", "test", "work", monkeypatch=monkeypatch)


def parse_subject(path: Path) -> str:
    from assistant.mail import parse_email

    return parse_email(path).subject


def test_add_with_a_wrong_password_saves_nothing(
    data_dir: Path,
    dovecot: Dovecot,
    mail_user: MailUser,
    ring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add = (
        *("mail", "account", "add", "bad", "--host", dovecot.host),
        *("--port", str(dovecot.tls_port), "--user", mail_user.name),
        *("--ca-file", str(dovecot.ca_file), "--password-stdin"),
    )
    with pytest.raises(MailAuthError):
        _run(data_dir, *add, stdin="wrong\n", monkeypatch=monkeypatch)
    code, shown = _run(data_dir, "mail", "account", "list", monkeypatch=monkeypatch)
    assert code == 0 and "no mail accounts yet" in shown
    assert ring.store == {}  # the password that failed is not kept


def test_watch_with_a_wrong_password_exits_with_the_typed_error(
    data_dir: Path,
    dovecot: Dovecot,
    mail_user: MailUser,
    ring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add = (
        *("mail", "account", "add", "work", "--host", dovecot.host, "--no-test"),
        *("--port", str(dovecot.tls_port), "--user", mail_user.name),
        *("--ca-file", str(dovecot.ca_file), "--password-stdin", "--auto-draft"),
    )
    assert _run(data_dir, *add, stdin="wrong\n", monkeypatch=monkeypatch)[0] == 0
    with pytest.raises(MailAuthError):
        _run(data_dir, "mail", "watch", monkeypatch=monkeypatch)
    with pytest.raises(UserError, match="no mail account named"):
        _run(data_dir, "mail", "watch", "--account", "other", monkeypatch=monkeypatch)
