"""What makes a reply draft one a person would send, measured per draft and over a set:
the greeting names the sender, the sign-off is the user, From is the user, no sentence of the
mail or its history is copied, the intent is met (and the draft is about the mail), and no
stock sentence is shared by three drafts to different mails."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from email import message_from_string, policy
from email.utils import getaddresses
from typing import TYPE_CHECKING

from assistant.tasks.reply_trim import sentence_keys

if TYPE_CHECKING:
    from assistant.mail import IncomingMail
    from assistant.mail.identity import Identity

FILLER_DRAFTS = 3  # a sentence in this many drafts to different mails is stock filler


@dataclass(frozen=True)
class DraftChecks:
    greeting: bool
    signoff: bool
    from_user: bool
    no_copy: bool
    intent: bool

    @property
    def all(self) -> bool:
        return self.greeting and self.signoff and self.from_user and self.no_copy and self.intent


def _name_tokens(name: str, addr: str) -> set[str]:
    """Lower-case words a greeting may name someone by (display name words, address parts)."""
    tokens = {w.lower().strip(".,'\"") for w in name.split() if len(w) > 1}
    if re.search(r"[\u4e00-\u9fff]", name):
        tokens |= {name.strip(), name.strip()[:1]}  # the full name or the surname with a title
    tokens |= {p for p in re.split(r"[._\-+\d]+", addr.partition("@")[0].lower()) if len(p) > 1}
    return {t for t in tokens if t}


def greets_sender(mail: IncomingMail, draft: str) -> bool:
    first = draft.strip().splitlines()[0].lower() if draft.strip() else ""
    return any(t in first for t in _name_tokens(mail.from_name, mail.from_addr))


def signed_by_user(mail: IncomingMail, draft: str, identity: Identity | None) -> bool:
    """The last lines name the user (their name, else their address's local part), and not
    the sender."""
    tail = "\n".join(draft.strip().splitlines()[-2:]).lower()
    if identity is None:
        return False
    mine = _name_tokens(identity.name, identity.address)
    theirs = _name_tokens(mail.from_name, mail.from_addr) - mine
    return any(t in tail for t in mine) and not any(
        re.search(rf"(?<!\w){re.escape(t)}(?!\w)", tail) for t in theirs
    )


def from_is_user(eml: str, identity: Identity | None) -> bool:
    if identity is None or not eml:
        return False
    message = message_from_string(eml, policy=policy.default)
    found = [a.lower() for _, a in getaddresses([str(message.get("From", ""))])]
    return found == [identity.address]


def meets_intent(mail: IncomingMail, intent: str, draft: str) -> bool:
    """The intent asked for (the reply task's own check: ask has a question, decline a refusal,
    accept none), and the draft is about this mail: it shares a content word (Chinese: two
    characters) with it."""
    from assistant.tasks.reply_checks import about_mail, misses_intent

    return not misses_intent(intent, mail.language, draft) and about_mail(mail, draft)


def stock_sentences(drafts: Sequence[tuple[str, str]]) -> set[str]:
    """Sentences found in ``FILLER_DRAFTS`` or more drafts to different mails
    (``drafts``: (mail key, draft body) pairs)."""
    seen: dict[str, set[str]] = {}
    for key, draft in drafts:
        for sentence in sentence_keys(draft):
            seen.setdefault(sentence, set()).add(key)
    return {s for s, keys in seen.items() if len(keys) >= FILLER_DRAFTS}


def distinct(drafts: Sequence[tuple[str, str]]) -> list[bool]:
    """Per draft: True when none of its sentences is stock filler of the set."""
    stock = stock_sentences(drafts)
    return [not (sentence_keys(d) & stock) for _, d in drafts]


def rates(flags: Sequence[bool]) -> float:
    """The share of True, in % (the 0-100 scale of every eval task's table)."""
    return 100 * sum(flags) / len(flags) if flags else 0.0


def most_common_stock(drafts: Sequence[tuple[str, str]], n: int = 3) -> list[tuple[str, int]]:
    """The most shared sentences (for the report)."""
    counts: Counter[str] = Counter()
    for _, draft in drafts:
        counts.update(sentence_keys(draft))
    return [(s, c) for s, c in counts.most_common(n) if c >= FILLER_DRAFTS]
