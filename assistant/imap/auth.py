"""Signing in to an IMAP server behind one interface: a password (or app password) from the
OS keyring, or XOAUTH2 with a bearer token printed by a command the user configured."""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from assistant.errors import MailAuthError, UserError

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from assistant.mail.account import MailAccount

TOKEN_COMMAND_TIMEOUT_S = 60.0


class Authenticator(Protocol):
    def login(self, client: IMAPClient) -> None:
        """Sign in on a connected (TLS) client; MailAuthError when the server refuses."""


@dataclass(frozen=True)
class PasswordAuth:
    username: str
    password: str

    def login(self, client: IMAPClient) -> None:
        from imapclient.exceptions import LoginError

        try:
            client.login(self.username, self.password)
        except LoginError as exc:
            raise MailAuthError(
                f"the server refused the password for {self.username}: {_text(exc)}",
                hint="check the password; Gmail, Outlook.com, QQ Mail and 163 need an app "
                "password (see docs/MAIL.md)",
            ) from exc


@dataclass(frozen=True)
class XOAuth2Auth:
    username: str
    token_command: str

    def token(self) -> str:
        try:
            proc = subprocess.run(
                shlex.split(self.token_command),
                capture_output=True,
                text=True,
                timeout=TOKEN_COMMAND_TIMEOUT_S,
                check=False,
            )
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot run the token command: {exc}") from exc
        except subprocess.TimeoutExpired as exc:
            raise MailAuthError("the token command did not finish within a minute") from exc
        token = proc.stdout.strip()
        if proc.returncode or not token:
            detail = proc.stderr.strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
            raise MailAuthError(f"the token command gave no token: {detail[0]}")
        return token

    def login(self, client: IMAPClient) -> None:
        from imapclient.exceptions import LoginError

        try:
            client.oauth2_login(self.username, self.token())
        except LoginError as exc:
            raise MailAuthError(
                f"the server refused the XOAUTH2 token for {self.username}: {_text(exc)}",
                hint="check that the token command prints a fresh access token with mail scope",
            ) from exc


def authenticator_for(account: MailAccount, password: str | None) -> Authenticator:
    """The sign-in of ``account``; ``password`` comes from the keyring (None: not stored)."""
    if account.auth == "xoauth2":
        return XOAuth2Auth(account.username, account.token_command)
    if not password:
        raise UserError(
            f"no password stored for the mail account {account.name!r}",
            hint=f"run: deskmate mail account add {account.name} ... (it asks for the password)",
        )
    return PasswordAuth(account.username, password)


def _text(exc: BaseException) -> str:
    raw = exc.args[0] if exc.args else exc
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def keyring_auth(account: MailAccount) -> Authenticator:
    """The account's sign-in, its password read from the OS keyring now (not earlier: the
    user may change it between two connections)."""
    from assistant.secrets import get_secret

    password = get_secret(account.secret_key) if account.auth == "password" else None
    return authenticator_for(account, password)
