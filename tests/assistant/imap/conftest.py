"""The real Dovecot server (tests/mailserver.py) and an account on it for each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.imap.auth import PasswordAuth
from assistant.mail.account import MailAccount
from tests.assistant.llm.helpers import MemoryKeyring, memory_keyring_installed
from tests.mailserver import Dovecot, MailUser, dovecot, mail_user

__all__ = ["dovecot", "mail_user"]


@pytest.fixture
def account(dovecot: Dovecot, mail_user: MailUser) -> MailAccount:
    """An implicit-TLS account of ``mail_user``, trusting the run's CA."""
    return MailAccount(
        name=mail_user.name,
        host=dovecot.host,
        port=dovecot.tls_port,
        tls="tls",
        username=mail_user.name,
        ca_file=str(dovecot.ca_file),
        display_name="Test User",
        address=mail_user.address,
    )


@pytest.fixture
def auth(mail_user: MailUser) -> PasswordAuth:
    return PasswordAuth(mail_user.name, mail_user.password)


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    for name in list(__import__("os").environ):
        if name.startswith("DESKMATE_IMAP_PASSWORD"):
            monkeypatch.delenv(name)
    with memory_keyring_installed() as installed:
        yield installed
