"""Connecting to the real Dovecot: implicit TLS and STARTTLS, password and XOAUTH2, and the
failures every user meets (wrong password, a certificate that does not verify, a server that
does not answer) as typed errors, never a downgrade."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from assistant.errors import MailAuthError, MailServerError, MailTimeout, MailTLSError, UserError
from assistant.imap.auth import PasswordAuth, XOAuth2Auth, authenticator_for
from assistant.imap.connection import connect, disconnect
from assistant.imap.session import MailSession
from assistant.mail.account import MailAccount
from tests.mailserver import DRAFTS, Dovecot, MailUser


def _signed_in(account: MailAccount, auth: PasswordAuth | XOAuth2Auth) -> list[str]:
    client = connect(account, auth, timeout=10)
    try:
        return [name for _flags, _delim, name in client.list_folders()]
    finally:
        disconnect(client)


def test_implicit_tls_and_starttls_both_sign_in(
    dovecot: Dovecot, account: MailAccount, auth: PasswordAuth
) -> None:
    assert DRAFTS in _signed_in(account, auth)
    starttls = replace(account, tls="starttls", port=dovecot.starttls_port)
    assert "INBOX" in _signed_in(starttls, auth)


def test_xoauth2_signs_in_with_the_token_the_command_prints(
    account: MailAccount, mail_user: MailUser
) -> None:
    # The test server checks the bearer token against its password database.
    command = f"printf %s {mail_user.password}"
    xoauth = replace(account, auth="xoauth2", token_command=command)
    assert "INBOX" in _signed_in(xoauth, authenticator_for(xoauth, None))  # type: ignore[arg-type]
    with pytest.raises(MailAuthError, match="XOAUTH2"):
        _signed_in(xoauth, XOAuth2Auth(mail_user.name, "printf %s expired-token"))
    with pytest.raises(MailAuthError, match="no token"):
        _signed_in(xoauth, XOAuth2Auth(mail_user.name, "false"))


def test_wrong_password_is_a_typed_error(account: MailAccount, mail_user: MailUser) -> None:
    with pytest.raises(MailAuthError, match="refused the password") as caught:
        _signed_in(account, PasswordAuth(mail_user.name, "not-the-password"))
    assert "app password" in caught.value.hint


def test_missing_password_asks_for_one(account: MailAccount) -> None:
    with pytest.raises(UserError, match="no password stored"):
        authenticator_for(account, None)


def test_certificate_from_an_unknown_ca_is_refused(
    account: MailAccount, auth: PasswordAuth
) -> None:
    system_store = replace(account, ca_file="")  # the test CA is not in the system store
    with pytest.raises(MailTLSError, match=r"certificate .* was refused") as caught:
        _signed_in(system_store, auth)
    assert "never connects without verifying" in caught.value.hint


def test_certificate_for_another_host_is_refused(
    dovecot: Dovecot, account: MailAccount, auth: PasswordAuth
) -> None:
    # The server's certificate names "localhost"; reached as 127.0.0.1 it is for another host.
    other_name = replace(account, host="127.0.0.1")
    with pytest.raises(MailTLSError, match="refused"):
        _signed_in(other_name, auth)
    # A valid certificate of a CA the user trusts, but issued for mail.example.org, is refused
    # the same way (STARTTLS port too: no fallback to plain text).
    other_ca = replace(account, ca_file=str(dovecot.other_ca_file))
    with pytest.raises(MailTLSError):
        _signed_in(other_ca, auth)
    starttls = replace(other_ca, tls="starttls", port=dovecot.starttls_port)
    with pytest.raises(MailTLSError):
        _signed_in(starttls, auth)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server that accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not done.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    done.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def test_a_server_that_never_answers_times_out(
    account: MailAccount, auth: PasswordAuth, silent_server: int
) -> None:
    for tls in ("tls", "starttls"):
        silent = replace(account, port=silent_server, tls=tls)
        with pytest.raises(MailTimeout, match="did not answer in time"):
            connect(silent, auth, timeout=0.5)
    session = MailSession(replace(account, port=silent_server), lambda: auth, timeout=0.5)
    try:
        with pytest.raises(MailTimeout):
            session.check()
    finally:
        session.close()


def test_nothing_listening_is_a_typed_error(account: MailAccount, auth: PasswordAuth) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = int(taken.getsockname()[1])
    with pytest.raises(MailServerError, match="cannot reach"):
        connect(replace(account, port=port), auth, timeout=5)


def test_a_missing_ca_file_is_a_user_error(account: MailAccount, auth: PasswordAuth) -> None:
    with pytest.raises(UserError, match="does not exist"):
        connect(replace(account, ca_file="/nonexistent/ca.pem"), auth)
