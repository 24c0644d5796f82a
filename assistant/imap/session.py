"""A mail account's connection for the window and the CLI: one thread owns it (a single-worker
executor), other threads hand it work and wait for the typed result. A broken connection is
dropped and opened again on the next call."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from assistant.errors import MailServerError, MailTimeout
from assistant.imap.connection import DEFAULT_TIMEOUT_S, connect, disconnect, mail_errors
from assistant.imap.drafts import append_draft
from assistant.imap.folders import drafts_folder, sent_folder
from assistant.imap.headers import MailHeaders
from assistant.imap.inbox import draft_replies, fetch_raw, newest, open_inbox

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from assistant.imap.auth import Authenticator
    from assistant.mail.account import MailAccount

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class MailRow:
    headers: MailHeaders
    has_draft: bool  # a draft in Drafts (or a reply in Sent) answers it


@dataclass(frozen=True, slots=True)
class MailList:
    account: str
    total: int  # mails in INBOX
    rows: tuple[MailRow, ...]  # newest first


@dataclass(frozen=True, slots=True)
class AccountCheck:
    """What "Test connection" found."""

    capabilities: tuple[str, ...]
    drafts_folder: str
    inbox_total: int
    idle: bool


class MailSession:
    def __init__(
        self,
        account: MailAccount,
        auth: Callable[[], Authenticator],
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self.account = account
        self._auth = auth
        self.timeout = timeout
        self._client: IMAPClient | None = None
        self._owner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="imap")

    def call(self, work: Callable[[IMAPClient], T]) -> T:
        """Run ``work`` on the owner thread with a signed-in client; typed errors only."""
        future = self._owner.submit(self._run, work)
        try:
            # connect + command, each bounded by the socket timeout
            return future.result(timeout=self.timeout * 3 + 5)
        except FutureTimeout as exc:
            raise MailTimeout(f"{self.account.host} did not answer in time") from exc

    def _run(self, work: Callable[[IMAPClient], T]) -> T:
        if self._client is None:
            self._client = connect(self.account, self._auth(), timeout=self.timeout)
        try:
            with mail_errors(self.account):
                return work(self._client)
        except MailServerError:
            self._drop()
            raise

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            disconnect(client)

    def close(self) -> None:
        """Log out once the running call (if any) ends; never waits for the server."""
        with contextlib.suppress(RuntimeError):  # already closed
            self._owner.submit(self._drop)
        self._owner.shutdown(wait=False)

    # --- what the window and the CLI ask ----------------------------------------------------
    def check(self) -> AccountCheck:
        def work(client: IMAPClient) -> AccountCheck:
            caps = tuple(sorted(c.decode("ascii", "replace") for c in client.capabilities()))
            drafts = drafts_folder(client, self.account)
            _validity, exists, _next = open_inbox(client)
            return AccountCheck(caps, drafts, exists, "IDLE" in caps)

        return self.call(work)

    def inbox(self, limit: int = 50) -> MailList:
        def work(client: IMAPClient) -> MailList:
            drafts = drafts_folder(client, self.account)
            sent = sent_folder(client)
            answered = draft_replies(client, drafts) | (
                draft_replies(client, sent) if sent else frozenset()
            )
            view = newest(client, limit)
            rows = tuple(
                MailRow(h, bool(h.message_id) and h.message_id in answered) for h in view.mails
            )
            return MailList(self.account.name, view.total, rows)

        return self.call(work)

    def raw(self, uid: int) -> bytes:
        return self.call(lambda client: fetch_raw(client, uid))

    def save_draft(self, eml: bytes) -> str:
        """APPEND a reply draft to Drafts; the folder's name."""

        def work(client: IMAPClient) -> str:
            folder = drafts_folder(client, self.account)
            append_draft(client, folder, eml)
            return folder

        return self.call(work)
