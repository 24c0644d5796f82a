"""A mail account: where the IMAP server is, how to log in, who the user is on it.

The password (or app password, or nothing for XOAUTH2) lives in the OS keyring under
``imap_password_<id>`` (assistant/secrets.py), never in SQLite or settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from assistant.errors import UserError

TlsMode = Literal["tls", "starttls"]
AuthKind = Literal["password", "xoauth2"]
TLS_MODES: tuple[TlsMode, ...] = ("tls", "starttls")
AUTH_KINDS: tuple[AuthKind, ...] = ("password", "xoauth2")
DEFAULT_PORTS: dict[str, int] = {"tls": 993, "starttls": 143}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


@dataclass(frozen=True, slots=True)
class MailAccount:
    name: str  # the user's label for it, unique: "work", "gmail"
    host: str
    port: int
    tls: TlsMode
    username: str
    auth: AuthKind = "password"
    token_command: str = ""  # XOAUTH2: prints a bearer token on stdout
    ca_file: str = ""  # empty: the system's certificate store
    display_name: str = ""  # identity of replies written for this account
    address: str = ""
    drafts_folder: str = ""  # the user's pick when the server marks none
    auto_draft: bool = False

    @property
    def secret_key(self) -> str:
        return f"imap_password_{self.name}"

    @property
    def from_address(self) -> str:
        """The address replies are written from: the account's, else the login name."""
        return self.address or (self.username if "@" in self.username else "")

    def with_changes(self, **changes: object) -> MailAccount:
        return validated(replace(self, **changes))  # type: ignore[arg-type]


def validated(account: MailAccount) -> MailAccount:
    """The account itself, or a UserError that says which field is wrong."""
    if not _NAME.match(account.name):
        raise UserError(
            f"not a usable account name: {account.name!r}",
            hint="letters, digits, '.', '_' or '-', up to 40 characters",
        )
    if not account.host.strip() or any(ch.isspace() for ch in account.host.strip()):
        raise UserError("the IMAP server name is missing or has spaces")
    if not 1 <= account.port <= 65535:
        raise UserError(f"not a port number: {account.port}")
    if account.tls not in TLS_MODES:
        raise UserError(f"TLS mode must be one of {', '.join(TLS_MODES)}, not {account.tls!r}")
    if account.auth not in AUTH_KINDS:
        raise UserError(f"sign-in must be one of {', '.join(AUTH_KINDS)}, not {account.auth!r}")
    if not account.username.strip():
        raise UserError("the user name is missing")
    if account.auth == "xoauth2" and not account.token_command.strip():
        raise UserError(
            "XOAUTH2 needs a token command", hint="a command that prints an access token"
        )
    if account.address and "@" not in account.address:
        raise UserError(f"not an email address: {account.address!r}")
    return account
