"""One connection to a CalDAV server (the ``caldav`` library), with its failures turned into
typed errors: a refused password, a certificate that does not verify (never downgraded), a
server that does not answer in time."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from assistant.errors import (
    CalendarAuthError,
    CalendarServerError,
    CalendarTimeout,
    CalendarTLSError,
    CalendarUnreachable,
    UserError,
)

if TYPE_CHECKING:
    from assistant.calendar.sync_model import CalendarAccount, RemoteCalendar

TIMEOUT_S = 20
_REASONS = (
    "connection refused",
    "connection reset",
    "connection aborted",
    "name or service not known",
    "temporary failure in name resolution",
    "network is unreachable",
    "no route to host",
    "remote end closed connection",
)


@contextlib.contextmanager
def server_errors(account: CalendarAccount) -> Iterator[None]:
    """Turn what the caldav library and its HTTP stack raise into typed errors."""
    from caldav.lib import error
    from niquests import exceptions as http

    try:
        yield
    except error.AuthorizationError as exc:
        raise CalendarAuthError(
            f"the calendar server refused the password for {account.username}",
            hint="check the password; iCloud, Fastmail and Google need an app password",
        ) from exc
    except (http.SSLError, ssl.SSLError) as exc:
        raise CalendarTLSError(
            f"the certificate of {account.url} did not verify: {exc}",
            hint="name the server's CA file with --ca-file if it is a company CA",
        ) from exc
    except (http.Timeout, TimeoutError) as exc:
        raise CalendarTimeout(
            f"{account.url} did not answer in time", hint="check the address and the network"
        ) from exc
    except (http.ConnectionError, ConnectionError) as exc:
        raise CalendarUnreachable(
            f"cannot reach the calendar server {urlsplit(account.url).netloc}: {_reason(exc)}",
            hint="check the network; changes made meanwhile are sent at the next sync",
        ) from exc
    except (http.RequestException, error.DAVError, OSError) as exc:
        raise CalendarServerError(f"the calendar server failed: {_first_line(exc)}") from exc


def _reason(exc: BaseException) -> str:
    """The socket's reason in a few words, not the HTTP stack's repr."""
    text = str(exc).lower()
    return next((r for r in _REASONS if r.lower() in text), "no connection")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


def connect(account: CalendarAccount, password: str | None, timeout: float = TIMEOUT_S) -> Any:
    """A client for ``account`` (nothing is sent yet)."""
    from caldav.davclient import DAVClient

    if not password:
        raise UserError(
            f"no password stored for the calendar account {account.name!r}",
            hint=f"run: deskmate calendar connect {account.url} --name {account.name}",
        )
    return DAVClient(
        url=account.url,
        username=account.username,
        password=password,
        timeout=max(1, round(timeout)),
        ssl_verify_cert=account.ca_file or True,
        enable_rfc6764=False,  # the user gave the address: no DNS discovery elsewhere
    )


def keyring_client(account: CalendarAccount, timeout: float = TIMEOUT_S) -> Any:
    """A client signed in with the password read from the OS keyring now."""
    from assistant.secrets import get_secret

    return connect(account, get_secret(account.secret_key), timeout)


def list_calendars(client: Any, account: CalendarAccount) -> list[RemoteCalendar]:
    """The account's event calendars, by display name."""
    from assistant.calendar.sync_model import RemoteCalendar

    with server_errors(account):
        found = [
            RemoteCalendar(str(c.url), c.get_display_name() or _last_segment(str(c.url)))
            for c in client.principal().calendars()
        ]
    return sorted(found, key=lambda c: (c.name.lower(), c.url))


def _last_segment(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]
