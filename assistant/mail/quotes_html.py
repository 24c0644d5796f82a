"""Split an HTML reply into the newest message and the quoted history.

Known quote containers (Gmail, Apple Mail, Thunderbird, Outlook, Yahoo...) are marked while the
HTML is turned into text; the text splitter of :mod:`assistant.mail.quotes` then cuts at the
first marker or at the first textual splitter ("On ... wrote:", an Outlook "From:/Sent:" block
under a border-top div or <hr>, "-----Original Message-----"), whichever comes first.
"""

from __future__ import annotations

from typing import Any

from assistant.mail.html_text import html_to_lines
from assistant.mail.quotes import STRONG_MARK, WEAK_MARK, ReplySplit, split_lines

_QUOTE_CLASSES = (
    "gmail_quote",
    "gmail_quote_container",
    "moz-cite-prefix",
    "yahoo_quoted",
    "protonmail_quote",
    "zmail_extra",
    "tutanota_quote",
    "mailru-quote",
)
_QUOTE_IDS = (
    "olk_src_body_section",
    "divrplyfwdmsg",
    "appendonsend",
    "mail-editor-reference-message-container",
    "isforwardcontent",
    "isreplycontent",
    "reply-quote",
)


def split_html_reply(html: str) -> ReplySplit:
    """(newest, quoted) as plain text from an HTML mail body."""
    return split_lines(html_to_lines(html, marker=_quote_marker))


def _quote_marker(el: Any) -> str | None:
    tag = el.tag.lower()
    classes = (el.get("class") or "").lower().split()
    ident = (el.get("id") or "").lower()
    if ident in _QUOTE_IDS or any(c in _QUOTE_CLASSES for c in classes):
        return STRONG_MARK
    if tag == "blockquote":
        if (el.get("type") or "").lower() == "cite":
            return STRONG_MARK
        if el.getparent() is not None and _inside_blockquote(el):
            return None
        return WEAK_MARK
    return None


def _inside_blockquote(el: Any) -> bool:
    parent = el.getparent()
    while parent is not None:
        if isinstance(parent.tag, str) and parent.tag.lower() == "blockquote":
            return True
        parent = parent.getparent()
    return False
