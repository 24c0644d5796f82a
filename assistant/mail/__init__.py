"""Mail core: parse incoming .eml, split quotes, build reply drafts, frame untrusted content.

Deskmate never sends mail: there is no send path here or anywhere in ``assistant``.
"""

from assistant.mail.draft import build_reply_eml, reply_subject
from assistant.mail.parse import IncomingMail, MailAddress, parse_email
from assistant.mail.quotes import ReplySplit, split_reply, split_signature
from assistant.mail.quotes_html import split_html_reply

__all__ = [
    "IncomingMail",
    "MailAddress",
    "ReplySplit",
    "build_reply_eml",
    "parse_email",
    "reply_subject",
    "split_html_reply",
    "split_reply",
    "split_signature",
]
