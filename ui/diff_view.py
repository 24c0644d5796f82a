"""A result shown as its changes: each change can be accepted or rejected on its own.

Accepted changes show the new text (green) after the struck-out old text; rejected ones show the
old text with the proposal struck out in grey. Clicking a change (or pressing Space on it after
Tab) flips it. ``accepted_text()`` is what Copy and Replace use.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from assistant.writing.diff import Hunk, TextDiff

_ADDED = "background:#c8f0c8;color:#0b4d0b;text-decoration:none"
_REMOVED = "color:#a33;text-decoration:line-through"
_OFFERED = "color:#888;text-decoration:line-through"


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def diff_html(diff: TextDiff, accepted: set[int]) -> str:
    """The diff as HTML: each change a link ``change:N`` that flips it."""
    out = []
    for part in diff.parts:
        if isinstance(part, str):
            out.append(_escape(part))
        else:
            out.append(_hunk_html(part, part.index in accepted))
    return f"<div style='line-height:150%'>{''.join(out)}</div>"


def _hunk_html(hunk: Hunk, accepted: bool) -> str:
    old, new = _escape(hunk.old), _escape(hunk.new) or "⌫"
    if accepted:
        body = (f"<span style='{_REMOVED}'>{old}</span>" if old else "") + (
            f"<span style='{_ADDED}'>{_escape(hunk.new)}</span>" if hunk.new else ""
        )
    else:
        body = (f"<span>{old}</span>" if old else "") + f"<span style='{_OFFERED}'>{new}</span>"
    return f"<a href='change:{hunk.index}' style='text-decoration:none;color:inherit'>{body}</a>"


class DiffView(QTextBrowser):
    """Shows a ``TextDiff``; ``changed`` fires with the accepted text after every flip."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.diff: TextDiff | None = None
        self.accepted: set[int] = set()
        self.anchorClicked.connect(self._clicked)

    def set_diff(self, diff: TextDiff | None) -> None:
        """Show ``diff`` with every change accepted (None: back to a plain text view)."""
        self.diff = diff
        self.accepted = {h.index for h in diff.hunks} if diff else set()
        self._show()

    def accepted_text(self) -> str:
        return self.diff.apply(self.accepted) if self.diff else ""

    def set_accepted(self, index: int, accepted: bool) -> None:
        if accepted:
            self.accepted.add(index)
        else:
            self.accepted.discard(index)
        self._show()

    def accept_all(self) -> None:
        if self.diff:
            self.accepted = {h.index for h in self.diff.hunks}
            self._show()

    def reject_all(self) -> None:
        self.accepted = set()
        self._show()

    def _clicked(self, url: QUrl) -> None:
        name = url.toString()
        if name.startswith("change:") and name[7:].isdigit():
            index = int(name[7:])
            self.set_accepted(index, index not in self.accepted)

    def _show(self) -> None:
        if self.diff is None:
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(diff_html(self.diff, self.accepted))
        bar.setValue(position)
        self.changed.emit(self.accepted_text())
