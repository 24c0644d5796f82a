"""Deskmate may add drafts to Drafts and nothing else: no IMAP call in the code that flags,
deletes, moves, copies, expunges or creates anything (the snapshot tests in test_watcher.py
check the same on a real server)."""

from __future__ import annotations

import ast
from pathlib import Path

import assistant

FORBIDDEN = {
    "add_flags", "remove_flags", "set_flags", "add_gmail_labels", "set_gmail_labels",
    "remove_gmail_labels", "delete_messages", "expunge", "uid_expunge", "move", "copy",
    "create_folder", "delete_folder", "rename_folder", "subscribe_folder",
    "unsubscribe_folder", "multiappend", "setquota", "sendmail", "send_message",
}  # fmt: skip


def test_the_imap_code_calls_nothing_that_changes_the_server() -> None:
    root = Path(assistant.__file__).parent
    calls: list[str] = []
    appends: list[str] = []
    files = [*(root / "imap").glob("*.py"), *(root / "cli").glob("mail*.py")]
    assert len(files) >= 10
    for path in sorted(files):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = node.func.attr
                where = f"{path.relative_to(root)}:{node.lineno}"
                if name in FORBIDDEN:
                    calls.append(f"{where} {name}")
                if name == "append" and any(k.arg == "flags" for k in node.keywords):
                    appends.append(where)
                if name == "select_folder" and not any(k.arg == "readonly" for k in node.keywords):
                    calls.append(f"{where} select_folder without readonly=True")
    assert calls == []
    assert [a.split(":")[0] for a in appends] == ["imap/drafts.py"]  # the one APPEND: a draft
