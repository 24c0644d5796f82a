"""Custom actions (``assistant.writing.actions``), in the order the user sees them."""

from __future__ import annotations

import sqlite_utils

from assistant.errors import ActionError
from assistant.store.base import StoreBase, now_iso
from assistant.writing.actions import CustomAction, check_action


class ActionsMixin(StoreBase):
    def list_actions(self) -> list[CustomAction]:
        rows = self._read(
            "SELECT name, instruction, target_language, mode FROM custom_actions"
            " ORDER BY position, name"
        )
        return [
            CustomAction(
                str(r["name"]), str(r["instruction"]), str(r["target_language"]), str(r["mode"])
            )
            for r in rows
        ]

    def get_action(self, name: str) -> CustomAction:
        for action in self.list_actions():
            if action.name.casefold() == name.strip().casefold():
                return action
        raise ActionError(f"no action named {name!r}", hint="`deskmate actions list` shows them")

    def save_action(self, action: CustomAction) -> None:
        """Add ``action`` at the end, or replace the action of that name where it is."""
        self.import_actions([action])

    def import_actions(self, actions: list[CustomAction]) -> None:
        """Add or replace all ``actions`` in one transaction (all or nothing)."""
        checked = [check_action(a) for a in actions]

        def write(db: sqlite_utils.Database) -> None:
            for action in checked:
                db.execute(
                    "INSERT INTO custom_actions (name, instruction, target_language, mode,"
                    " position, created_at) VALUES (?, ?, ?, ?,"
                    " (SELECT COALESCE(MAX(position), 0) + 1 FROM custom_actions), ?)"
                    " ON CONFLICT (name) DO UPDATE SET instruction = excluded.instruction,"
                    " target_language = excluded.target_language, mode = excluded.mode",
                    [action.name, action.instruction, action.target_language, action.mode,
                     now_iso()],
                )  # fmt: skip

        self._write(write, "cannot save the actions")

    def delete_action(self, name: str) -> None:
        def delete(db: sqlite_utils.Database) -> None:
            cur = db.execute("DELETE FROM custom_actions WHERE name = ?", [name.strip()])
            if cur.rowcount == 0:
                raise ActionError(f"no action named {name!r}")

        self._write(delete, "cannot save the actions")

    def update_action(self, old_name: str, action: CustomAction) -> None:
        """Replace the action ``old_name`` (renamed or not) where it stands in the order;
        ``ActionError`` when the new name is another action's."""
        checked = check_action(action)

        def update(db: sqlite_utils.Database) -> None:
            clash = db.execute(
                "SELECT 1 FROM custom_actions WHERE name = ? AND name <> ?",
                [checked.name, old_name.strip()],
            ).fetchone()
            if clash:
                raise ActionError(f"there is already an action named {checked.name!r}")
            cur = db.execute(
                "UPDATE custom_actions SET name = ?, instruction = ?, target_language = ?,"
                " mode = ? WHERE name = ?",
                [checked.name, checked.instruction, checked.target_language, checked.mode,
                 old_name.strip()],
            )  # fmt: skip
            if cur.rowcount == 0:
                raise ActionError(f"no action named {old_name!r}")

        self._write(update, "cannot save the actions")

    def order_actions(self, names: list[str]) -> None:
        """Put the actions in the order of ``names`` (the ones not named keep theirs, after)."""

        def order(db: sqlite_utils.Database) -> None:
            for position, name in enumerate(names, 1):
                db.execute(
                    "UPDATE custom_actions SET position = ? WHERE name = ?", [position, name]
                )
            db.execute(
                "UPDATE custom_actions SET position = position + ? WHERE name NOT IN"
                f" ({', '.join('?' * len(names)) or 'NULL'})",
                [len(names), *names],
            )

        self._write(order, "cannot save the actions")
