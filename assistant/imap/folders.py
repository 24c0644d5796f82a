"""Which folder is Drafts: the one the server marks ``\\Drafts`` (RFC 6154 SPECIAL-USE), else
one of the usual names (in any language; the server lists them in modified UTF-7, which
imapclient decodes), else the folder the user picked. Never created: a missing Drafts folder is
a clear error, since creating folders is a change Deskmate does not make on the server."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.errors import UserError

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from assistant.mail.account import MailAccount

# Folder = (flags, delimiter, name) as imapclient's list_folders() returns it.
Folder = tuple[Sequence[bytes], bytes | None, str]

# Usual Drafts names, most specific first (compared case-insensitively, last path part too).
USUAL_DRAFTS = (
    "[Gmail]/Drafts",
    "[Google Mail]/Drafts",
    "INBOX.Drafts",
    "INBOX/Drafts",
    "Drafts",
    "Draft",
    "草稿箱",
    "草稿",
    "草稿夹",
    "Entwürfe",
    "Brouillons",
    "Borradores",
    "Bozze",
    "Concepten",
    "下書き",
)


def choose_drafts(folders: Sequence[Folder], user_pick: str = "") -> str | None:
    """The Drafts folder among ``folders``, or None when none qualifies."""
    names = {name for _flags, _delim, name in folders}
    for flags, _delim, name in folders:
        if any(flag.lower() == b"\\drafts" for flag in flags):
            return name
    lowered = {name.lower(): name for name in names}
    for usual in USUAL_DRAFTS:
        if usual.lower() in lowered:
            return lowered[usual.lower()]
    for usual in USUAL_DRAFTS:  # "Drafts" under another parent: "Mail/Drafts", "INBOX.草稿箱"
        for _flags, delim, name in folders:
            sep = (delim or b"/").decode("ascii", "replace")
            if name.rsplit(sep, 1)[-1].lower() == usual.lower():
                return name
    if user_pick and user_pick in names:
        return user_pick
    return None


def drafts_folder(client: IMAPClient, account: MailAccount) -> str:
    """The account's Drafts folder on a signed-in connection (UserError when there is none)."""
    folders: list[Folder] = list(client.list_folders())
    # The user's explicit pick wins when it exists.
    if account.drafts_folder and any(name == account.drafts_folder for _f, _d, name in folders):
        return account.drafts_folder
    found = choose_drafts(folders)
    if found is None:
        raise UserError(
            f"no Drafts folder found on {account.host}",
            hint="pick one: deskmate mail account add ... --drafts-folder NAME",
        )
    return found


def sent_folder(client: IMAPClient) -> str | None:
    """The folder marked ``\\Sent`` (replies already sent), if the server marks one."""
    for flags, _delim, name in client.list_folders():
        if any(flag.lower() == b"\\sent" for flag in flags):
            return str(name)
    return None
