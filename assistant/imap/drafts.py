"""Save a reply draft into the account's Drafts folder: APPEND with the \\Draft and \\Seen
flags. This is the one change Deskmate makes on a mail server."""

from __future__ import annotations

from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import TYPE_CHECKING

from assistant.errors import MailServerError, UserError

if TYPE_CHECKING:
    from imapclient import IMAPClient

DRAFT_FLAGS = (b"\\Draft", b"\\Seen")


def append_draft(client: IMAPClient, folder: str, eml: bytes) -> None:
    """Add ``eml`` (a reply draft with threading headers) to ``folder``; a draft the reply task
    warned about (``CHECK_HEADER``) is also \\Flagged, so that every mail client shows it."""
    from assistant.mail.draft import CHECK_HEADER

    headers = BytesHeaderParser(policy=compat32).parsebytes(eml)
    if headers.get("In-Reply-To") is None:
        raise UserError("a reply draft must carry In-Reply-To (it answers a mail)")
    from imapclient.exceptions import IMAPClientError

    flags = DRAFT_FLAGS + ((b"\\Flagged",) if headers.get(CHECK_HEADER) else ())
    try:
        client.append(folder, eml, flags=flags)
    except IMAPClientError as exc:
        raise MailServerError(f"the server did not accept the draft in {folder}: {exc}") from exc


def has_draft_for(client: IMAPClient, folder: str, message_id: str) -> bool:
    """Whether ``folder`` holds a mail answering ``message_id`` (In-Reply-To)."""
    if not message_id:
        return False
    client.select_folder(folder, readonly=True)
    return bool(client.search(["HEADER", "In-Reply-To", message_id]))
