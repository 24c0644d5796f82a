"""Typed values of CalDAV sync: an account, its calendars, the server objects mirrored, and what
a sync changed. The password lives in the OS keyring (assistant/secrets.py), never here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from assistant.errors import UserError

SyncMode = Literal["sync-token", "etag"]
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


@dataclass(frozen=True, slots=True)
class CalendarAccount:
    name: str  # the user's label: "work", "nextcloud"
    url: str  # the server or principal URL; calendars are discovered from it
    username: str
    ca_file: str = ""  # empty: the system's certificate store

    @property
    def secret_key(self) -> str:
        return f"caldav_password_{self.name}"


@dataclass(frozen=True, slots=True)
class RemoteCalendar:
    url: str
    name: str


@dataclass(frozen=True, slots=True)
class SyncedCalendar:
    """A calendar of a connected account; only ``selected`` ones are synced."""

    url: str
    account: str
    name: str
    selected: bool
    sync_token: str
    synced_at: str | None


@dataclass(frozen=True, slots=True)
class ServerObject:
    """One calendar object resource on the server, as last seen."""

    href: str
    calendar_url: str
    uid: str
    etag: str
    created_by_deskmate: bool


@dataclass(frozen=True, slots=True)
class SyncResult:
    calendar: str  # its display name
    mode: SyncMode
    added: int
    changed: int
    removed: int
    unchanged: int


def validated(account: CalendarAccount) -> CalendarAccount:
    """The account itself, or a UserError that says which field is wrong."""
    if not _NAME.match(account.name):
        raise UserError(
            f"not a usable calendar account name: {account.name!r}",
            hint="letters, digits, '.', '_' or '-', up to 40 characters",
        )
    parts = urlsplit(account.url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(
            f"not a CalDAV address: {account.url!r}",
            hint="for example https://cloud.example.com/remote.php/dav/",
        )
    if not account.username.strip():
        raise UserError("the user name is missing")
    return account
