"""Read INBOX without changing it: the newest N mails' headers (only the last N sequence
numbers are fetched, so a 50,000-message mailbox opens as fast as a small one), one body on
demand (BODY.PEEK: the \\Seen flag stays as it was), and which mails already have a reply draft.
INBOX is always opened read-only (EXAMINE)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.errors import MailServerError
from assistant.imap.headers import HEADER_ITEM, HEADER_KEY, MailHeaders, parse_headers

if TYPE_CHECKING:
    from imapclient import IMAPClient

INBOX = "INBOX"
MAX_LIST = 500
DRAFTS_SCANNED = 500  # the newest drafts looked at for "has a draft" (In-Reply-To)


@dataclass(frozen=True, slots=True)
class InboxView:
    uidvalidity: int
    total: int  # messages in INBOX
    mails: tuple[MailHeaders, ...]  # newest first


def open_inbox(client: IMAPClient) -> tuple[int, int, int]:
    """EXAMINE INBOX: (UIDVALIDITY, EXISTS, UIDNEXT)."""
    info = client.select_folder(INBOX, readonly=True)
    return (
        int(info.get(b"UIDVALIDITY", 0)),
        int(info.get(b"EXISTS", 0)),
        int(info.get(b"UIDNEXT", 0)),
    )


def newest(client: IMAPClient, limit: int = 50) -> InboxView:
    """The headers of the newest ``limit`` mails of INBOX (by arrival), newest first."""
    limit = max(1, min(limit, MAX_LIST))
    uidvalidity, exists, _uidnext = open_inbox(client)
    if exists == 0:
        return InboxView(uidvalidity, 0, ())
    first = max(1, exists - limit + 1)
    client.use_uid = False  # a sequence-number range: the last N mails, whatever their UIDs
    try:
        data = client.fetch(list(range(first, exists + 1)), ["UID", "FLAGS", HEADER_ITEM])
    finally:
        client.use_uid = True
    mails = [
        parse_headers(int(item[b"UID"]), bytes(item.get(HEADER_KEY) or b""), item[b"FLAGS"])
        for _seq, item in sorted(data.items(), reverse=True)
        if b"UID" in item
    ]
    return InboxView(uidvalidity, exists, tuple(mails))


def headers_of(client: IMAPClient, uids: list[int]) -> list[MailHeaders]:
    """Headers of these UIDs in the selected folder (missing UIDs are left out), UID order."""
    if not uids:
        return []
    data = client.fetch(uids, ["FLAGS", HEADER_ITEM])
    return [
        parse_headers(uid, bytes(item.get(HEADER_KEY) or b""), item.get(b"FLAGS", ()))
        for uid, item in sorted(data.items())
    ]


def new_uids(client: IMAPClient, after_uid: int) -> list[int]:
    """UIDs above ``after_uid`` in the selected folder ("N:*" always returns the last mail, so
    it is filtered)."""
    found = client.search(["UID", f"{after_uid + 1}:*"])
    return sorted(int(uid) for uid in found if int(uid) > after_uid)


def fetch_raw(client: IMAPClient, uid: int) -> bytes:
    """The whole mail ``uid`` of INBOX, without marking it read."""
    open_inbox(client)
    data = client.fetch([uid], ["BODY.PEEK[]"])
    raw = data.get(uid, {}).get(b"BODY[]")
    if raw is None:
        raise MailServerError(f"the mail (UID {uid}) is no longer in INBOX")
    return bytes(raw)


def draft_replies(client: IMAPClient, drafts: str) -> frozenset[str]:
    """Message-IDs that the newest drafts in ``drafts`` answer (their In-Reply-To)."""
    info = client.select_folder(drafts, readonly=True)
    exists = int(info.get(b"EXISTS", 0))
    if exists == 0:
        return frozenset()
    first = max(1, exists - DRAFTS_SCANNED + 1)
    client.use_uid = False
    try:
        data = client.fetch(
            list(range(first, exists + 1)), ["BODY.PEEK[HEADER.FIELDS (IN-REPLY-TO)]"]
        )
    finally:
        client.use_uid = True
    out: set[str] = set()
    for item in data.values():
        raw = bytes(item.get(b"BODY[HEADER.FIELDS (IN-REPLY-TO)]") or b"")
        found = parse_headers(0, raw).in_reply_to
        if found:
            out.add(found)
    return frozenset(out)
