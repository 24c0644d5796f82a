"""Watch an account's INBOX and write a reply draft for each new mail worth answering.

One thread runs :meth:`Watcher.run` and owns the connection. It waits with IDLE (re-issued
every ``idle_renew_s``, below the 29 minutes after which servers may drop an idle client), or
polls where the server has no IDLE, and reconnects with backoff when the connection drops.

The first time an account is watched, the mails already in INBOX are the baseline: only mails
arriving after it are drafted. Every handled mail is recorded in SQLite (account + UIDVALIDITY +
UID, and its Message-ID) before the next one, so no mail is drafted twice, across restarts too;
a mail whose thread already has a draft (or a sent reply) is skipped, which also covers a crash
between the APPEND and the record.
"""

from __future__ import annotations

import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from assistant.errors import DeskmateError, MailAuthError, MailServerError, MailTLSError
from assistant.imap.connection import connect, disconnect, mail_errors
from assistant.imap.drafts import append_draft
from assistant.imap.folders import drafts_folder, sent_folder
from assistant.imap.headers import MailHeaders, skip_reason
from assistant.imap.inbox import draft_replies, fetch_raw, headers_of, new_uids, open_inbox

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from assistant.imap.auth import Authenticator
    from assistant.mail.account import MailAccount
    from assistant.store import Store

IDLE_RENEW_S = 25 * 60  # RFC 2177: servers may log out a client idle for 30 min
POLL_S = 120.0
BACKOFF_S = (1.0, 2.0, 5.0, 15.0, 30.0, 60.0)
TICK_S = 0.5  # how often a wait looks at the stop flag
BATCH = 50

EventKind = Literal["connected", "idle", "drafted", "skipped", "failed", "disconnected"]
# raw mail -> reply draft (.eml bytes with In-Reply-To); raises DeskmateError when it cannot.
DraftFn = Callable[[bytes], bytes]


@dataclass(frozen=True, slots=True)
class WatchEvent:
    kind: EventKind
    account: str
    detail: str = ""  # the subject, the skip reason or the error text
    uid: int = 0


@dataclass
class WatchStats:
    connects: int = 0
    reconnects: int = 0
    drafted: int = 0
    skipped: int = 0
    failed: int = 0
    idles: int = 0
    kinds: list[EventKind] = field(default_factory=list)


class Watcher:
    def __init__(
        self,
        account: MailAccount,
        auth: Callable[[], Authenticator],
        store: Store,
        draft: DraftFn,
        *,
        on_event: Callable[[WatchEvent], None] = lambda _e: None,
        idle_renew_s: float = IDLE_RENEW_S,
        poll_s: float = POLL_S,
        backoff_s: tuple[float, ...] = BACKOFF_S,
        timeout: float = 30.0,
        use_idle: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.account = account
        self._auth = auth
        self._store = store
        self._draft = draft
        self._on_event = on_event
        self.idle_renew_s = idle_renew_s
        self.poll_s = poll_s
        self.backoff_s = backoff_s
        self.timeout = timeout
        self.use_idle = use_idle
        self._clock = clock
        self.stop = threading.Event()
        self.stats = WatchStats()
        self._own = frozenset(
            a.lower() for a in (account.from_address, account.username) if "@" in a
        )

    def run(self) -> None:
        """Watch until :attr:`stop` is set. Wrong credentials or a refused certificate end
        the watch (retrying cannot fix them); any other failure reconnects after a pause."""
        failures = 0
        while not self.stop.is_set():
            try:
                self._session()
                failures = 0
            except (MailAuthError, MailTLSError):
                raise
            except MailServerError as exc:
                self._emit("disconnected", exc.user_text())
                self.stats.reconnects += 1
                self.stop.wait(self.backoff_s[min(failures, len(self.backoff_s) - 1)])
                failures += 1

    # --- one connection ---------------------------------------------------------------------
    def _session(self) -> None:
        client = connect(self.account, self._auth(), timeout=self.timeout)
        try:
            with mail_errors(self.account):
                self.stats.connects += 1
                drafts = drafts_folder(client, self.account)
                sent = sent_folder(client)
                idle = self.use_idle and client.has_capability("IDLE")
                self._emit("connected", drafts)
                while not self.stop.is_set():
                    self._catch_up(client, drafts, sent)
                    if idle:
                        self._idle(client)
                    else:
                        self.stop.wait(self.poll_s)
                        client.noop()
        finally:
            disconnect(client)

    def _idle(self, client: IMAPClient) -> None:
        """IDLE until new mail, the renewal time, or stop."""
        client.idle()
        self.stats.idles += 1
        self._emit("idle")
        started = self._clock()
        try:
            while not self.stop.is_set() and self._clock() - started < self.idle_renew_s:
                ready, _w, _x = select.select([client.socket()], [], [], TICK_S)
                if not ready:
                    continue
                responses = client.idle_check(timeout=0)
                if not responses:  # readable but nothing to read: the server hung up
                    raise MailServerError(f"{self.account.host} closed the connection")
                if any(_is_news(r) for r in responses):
                    break
        finally:
            client.idle_done()

    def _catch_up(self, client: IMAPClient, drafts: str, sent: str | None) -> None:
        uidvalidity, _exists, uidnext = open_inbox(client)
        name = self.account.name
        watermark = self._store.mail_watermark(name, uidvalidity)
        if watermark is None:  # first watch of this INBOX: what is there is the baseline
            self._store.mark_mail_seen(name, uidvalidity, max(uidnext - 1, 0), "", "baseline")
            return
        uids = new_uids(client, watermark)
        if not uids:
            return
        answered = draft_replies(client, drafts) | (draft_replies(client, sent) if sent else set())
        open_inbox(client)
        for start in range(0, len(uids), BATCH):
            for headers in headers_of(client, uids[start : start + BATCH]):
                if self.stop.is_set():
                    return
                self._handle(client, uidvalidity, headers, drafts, answered)

    def _handle(
        self,
        client: IMAPClient,
        uidvalidity: int,
        headers: MailHeaders,
        drafts: str,
        answered: frozenset[str],
    ) -> None:
        name, uid, mid = self.account.name, headers.uid, headers.message_id
        reason = skip_reason(headers, self._own)
        if not reason and self._store.mail_seen_message(name, mid):
            reason = "already handled (same Message-ID)"
        if not reason and mid in answered:
            reason = "the thread already has a draft or a reply"
        if reason:
            self._store.mark_mail_seen(name, uidvalidity, uid, mid, f"skipped: {reason}")
            self.stats.skipped += 1
            self._emit("skipped", reason, uid)
            return
        try:
            append_draft(client, drafts, self._draft(fetch_raw(client, uid)))
        except MailServerError:
            raise
        except DeskmateError as exc:  # a malformed mail or a model failure: note it, go on
            self._store.mark_mail_seen(name, uidvalidity, uid, mid, f"failed: {exc.message}")
            self.stats.failed += 1
            self._emit("failed", exc.user_text(), uid)
            return
        self._store.mark_mail_seen(name, uidvalidity, uid, mid, "drafted")
        self.stats.drafted += 1
        self._emit("drafted", headers.subject, uid)

    def _emit(self, kind: EventKind, detail: str = "", uid: int = 0) -> None:
        self.stats.kinds.append(kind)
        self._on_event(WatchEvent(kind, self.account.name, detail, uid))


def _is_news(response: tuple[object, ...]) -> bool:
    """EXISTS (new mail) or BYE (the server is leaving) in an IDLE response."""
    if len(response) >= 2 and response[1] == b"EXISTS":
        return True
    if response and response[0] == b"BYE":
        raise MailServerError("the server ended the connection (BYE)")
    return False
