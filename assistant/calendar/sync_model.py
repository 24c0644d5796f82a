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


OutboxAction = Literal["put", "delete"]
# pending: not sent yet (or the server was unreachable); refused: the server said no (retried
# at each sync); conflict: changed on the server too, waiting for the user's decision.
OutboxState = Literal["pending", "refused", "conflict"]


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A change made in Deskmate that the server has not taken yet (kept in SQLite, so it
    survives a restart). ``base_etag`` is the ETag the change was made against ('' for a new
    object): it is sent as If-Match, so a server change meanwhile is never overwritten."""

    uid: str
    action: OutboxAction
    calendar_url: str
    href: str
    base_etag: str
    payload: str  # the iCalendar text to PUT ('' for a delete)
    title: str
    start: str  # ISO, for showing the entry (a deleted event is no longer in the week)
    state: OutboxState
    error: str  # the last failure, for people
    attempts: int


@dataclass(frozen=True, slots=True)
class FlushResult:
    sent: int
    conflicts: tuple[str, ...]  # uids now waiting for the user's decision
    refused: tuple[str, ...]
