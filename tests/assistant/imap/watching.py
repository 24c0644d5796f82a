"""Helpers of the watcher tests: a scripted drafter (real parsing, a fixed reply text), a
watcher on its own thread with a condition to wait on, and real mails made into variants."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import DeskmateError
from assistant.imap.auth import PasswordAuth
from assistant.imap.watcher import Watcher, WatchEvent
from assistant.mail import build_reply_eml, parse_email
from assistant.mail.account import MailAccount
from assistant.store import Store

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
ENRON = sorted((CORPUS / "email" / "enron_dev").glob("*.eml"))
FLANKER = CORPUS / "robustness" / "eml" / "flanker"


def scripted_drafter(address: str) -> Callable[[bytes], bytes]:
    def draft(raw: bytes) -> bytes:
        incoming = parse_email(raw)
        return build_reply_eml(incoming, "Thanks, I will look at it today.", from_addr=address)

    return draft


@dataclass
class Running:
    watcher: Watcher | None = None
    events: list[WatchEvent] = field(default_factory=list)
    error: list[BaseException] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def on_event(self, event: WatchEvent) -> None:
        with self.changed:
            self.events.append(event)
            self.changed.notify_all()

    def count(self, kind: str) -> int:
        return sum(1 for e in self.events if e.kind == kind)

    def wait_for(self, what: Callable[[Running], bool], timeout: float = 60.0) -> None:
        with self.changed:
            ok = self.changed.wait_for(lambda: what(self) or bool(self.error), timeout)
        assert not self.error, self.error
        assert ok, f"timed out; events: {[(e.kind, e.detail) for e in self.events]}"

    def handled(self) -> int:
        return sum(self.count(k) for k in ("drafted", "skipped", "failed"))


@contextmanager
def watching(
    account: MailAccount,
    auth: PasswordAuth,
    store: Store,
    draft: Callable[[bytes], bytes] | None = None,
    **options: object,
) -> Iterator[Running]:
    """A watcher running on its own thread until the block ends."""
    run = Running()
    settings: dict[str, object] = {"backoff_s": (0.1, 0.3), "timeout": 10.0, **options}
    watcher = Watcher(
        account,
        lambda: auth,
        store,
        draft or scripted_drafter(account.address),
        on_event=run.on_event,
        **settings,  # type: ignore[arg-type]
    )
    run.watcher = watcher

    def target() -> None:
        try:
            watcher.run()
        except (DeskmateError, Exception) as exc:  # surfaced by wait_for
            with run.changed:
                run.error.append(exc)
                run.changed.notify_all()

    thread = threading.Thread(target=target, name="test-watcher")
    thread.start()
    try:
        yield run
    finally:
        watcher.stop.set()
        thread.join(30)
        assert not thread.is_alive(), "the watcher did not stop"


def variant(data: bytes, index: int, *, headers: str = "", sender: str = "") -> bytes:
    """A real mail with its own Message-ID, extra headers and perhaps another sender."""
    data = re.sub(rb"(?im)^Message-ID:\s*<", f"Message-ID: <v{index}.".encode(), data, count=1)
    if sender:
        data = re.sub(rb"(?im)^From:[^\r\n]*", f"From: {sender}".encode(), data, count=1)
    return headers.encode() + data
