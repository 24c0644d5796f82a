"""Mail accounts (``assistant.mail.account.MailAccount``) and the watcher's record of the mails
it has handled: keyed by account + UIDVALIDITY + UID, and by Message-ID, so a mail is never
drafted twice, across restarts too."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, now_iso

if TYPE_CHECKING:
    from assistant.mail.account import MailAccount


def _account(row: dict[str, Any]) -> MailAccount:
    from assistant.mail.account import MailAccount

    fields = {k: v for k, v in row.items() if k != "created_at"}
    fields["auto_draft"] = bool(fields["auto_draft"])
    return MailAccount(**fields)


class MailMixin(StoreBase):
    def save_mail_account(self, account: MailAccount) -> None:
        """Add the account, or replace the one with the same name."""
        row = {**asdict(account), "auto_draft": int(account.auto_draft), "created_at": now_iso()}

        def upsert(db: sqlite_utils.Database) -> None:
            db.table("mail_accounts").upsert(row, pk="name")

        self._write(upsert, "cannot save the mail account")

    def mail_accounts(self) -> list[MailAccount]:
        return [_account(r) for r in self._read("SELECT * FROM mail_accounts ORDER BY name")]

    def mail_account(self, name: str) -> MailAccount:
        rows = self._read("SELECT * FROM mail_accounts WHERE name = ?", [name])
        if not rows:
            raise UserError(
                f"no mail account named {name!r}", hint="see: deskmate mail account list"
            )
        return _account(rows[0])

    def remove_mail_account(self, name: str) -> None:
        def delete(db: sqlite_utils.Database) -> None:
            if db.execute("DELETE FROM mail_accounts WHERE name = ?", [name]).rowcount == 0:
                raise UserError(f"no mail account named {name!r}")
            db.execute("DELETE FROM mail_seen WHERE account = ?", [name])

        self._write(delete, "cannot remove the mail account")

    # --- what the watcher has handled -----------------------------------------------------
    def mail_watermark(self, account: str, uidvalidity: int) -> int | None:
        """The highest UID handled in this INBOX generation (None: never watched)."""
        rows = self._read(
            "SELECT MAX(uid) AS top FROM mail_seen WHERE account = ? AND uidvalidity = ?",
            [account, uidvalidity],
        )
        top = rows[0]["top"] if rows else None
        return None if top is None else int(top)

    def mail_seen_message(self, account: str, message_id: str) -> bool:
        if not message_id:
            return False
        rows = self._read(
            "SELECT 1 FROM mail_seen WHERE account = ? AND message_id = ? LIMIT 1",
            [account, message_id],
        )
        return bool(rows)

    def mark_mail_seen(
        self, account: str, uidvalidity: int, uid: int, message_id: str, outcome: str
    ) -> None:
        """Record a handled mail (``outcome``: drafted, skipped: <why>, failed: <why>)."""

        def insert(db: sqlite_utils.Database) -> None:
            db.execute(
                "INSERT OR IGNORE INTO mail_seen"
                " (account, uidvalidity, uid, message_id, outcome, seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [account, uidvalidity, uid, message_id, outcome, now_iso()],
            )

        self._write(insert, "cannot record the mail as handled")
