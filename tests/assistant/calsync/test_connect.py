"""Connecting to the real Radicale: calendars listed, the password kept only when it works,
typed errors for a wrong password and for a server that never answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.calendar.sync_model import CalendarAccount
from assistant.calsync.client import connect, list_calendars
from assistant.calsync.service import choose, connect_account
from assistant.errors import CalendarAuthError, CalendarTimeout, CalendarTLSError, UserError
from assistant.store import Store
from tests.assistant.calsync.conftest import Remote
from tests.assistant.llm.helpers import MemoryKeyring
from tests.calserver import CalUser, Radicale, SilentServer


def test_connect_lists_calendars_and_keeps_the_password(
    store: Store, ring: MemoryKeyring, account: CalendarAccount, remote: Remote, cal_user: CalUser
) -> None:
    found = connect_account(store, account, cal_user.password)
    assert [c.name for c in found] == ["Home", "Work"]
    assert ring.store[("deskmate", account.secret_key)] == cal_user.password
    assert store.caldav_accounts() == [account]
    assert not any(c.selected for c in store.caldav_calendars())
    chosen = choose(store, account.name, ["Work"])
    assert [c.name for c in chosen] == ["Work"] and chosen[0].url.endswith(remote.path)


def test_wrong_password_is_a_typed_error_and_is_not_kept(
    store: Store, ring: MemoryKeyring, account: CalendarAccount, remote: Remote
) -> None:
    with pytest.raises(CalendarAuthError):
        connect_account(store, account, "not-the-password")
    assert ring.store == {}
    assert store.caldav_accounts() == []


def test_a_certificate_for_another_host_is_refused(
    radicale_other_host: tuple[Radicale, Path], ring: MemoryKeyring, store: Store
) -> None:
    server, ca = radicale_other_host
    account = CalendarAccount("tls", server.url, "cal1", ca_file=str(ca))
    with pytest.raises(CalendarTLSError, match="did not verify"):
        connect_account(store, account, "secret-1")
    assert ring.store == {} and store.caldav_accounts() == []


def test_a_server_that_never_answers_times_out(silent_server: SilentServer) -> None:
    account = CalendarAccount(name="hung", url=silent_server.url, username="someone")
    with pytest.raises(CalendarTimeout):
        list_calendars(connect(account, "pw", timeout=1), account)


def test_bad_addresses_and_choices_are_user_errors(
    store: Store, ring: MemoryKeyring, account: CalendarAccount, remote: Remote, cal_user: CalUser
) -> None:
    with pytest.raises(UserError, match="not a CalDAV address"):
        connect_account(store, CalendarAccount("x", "ftp://host/", "u"), "pw")
    connect_account(store, account, cal_user.password)
    with pytest.raises(UserError, match="no calendar 'Holidays'"):
        choose(store, account.name, ["Holidays"])
