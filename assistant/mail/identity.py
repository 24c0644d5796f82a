"""Who the user is when Deskmate drafts a reply: a name, one or more addresses, a sign-off.

Settings hold the default identity (``identity.name``, ``identity.addresses``,
``identity.signoff``); a mail account may later carry its own. The identity of a draft is the
one whose address the mail was sent to (To or Cc), else the default. Without any identity the
draft has no From header: a placeholder address never reaches a draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.errors import SettingError
from assistant.settings.addresses import parse_addresses

if TYPE_CHECKING:
    from assistant.mail.parse import IncomingMail
    from assistant.settings import Settings


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    addresses: tuple[str, ...]  # lower-case; the first is the From address
    signoff: str = ""  # the user's closing ("Best regards", "Cheers,\nAl"); "" = per language

    @property
    def address(self) -> str:
        return self.addresses[0] if self.addresses else ""

    def owns(self, addr: str) -> bool:
        return addr.strip().lower() in self.addresses


def identity_from_settings(settings: Settings) -> Identity | None:
    """The default identity, or None when no address is set (a name alone cannot be a From)."""
    try:
        addresses = parse_addresses(settings.get_str("identity.addresses"))
    except SettingError:  # a stored value from before validation: treat as unset
        return None
    if not addresses:
        return None
    name = settings.get_str("identity.name").strip()
    signoff = settings.get_str("identity.signoff").replace("\\n", "\n").strip()
    return Identity(name=name, addresses=addresses, signoff=signoff)


def choose_identity(
    mail: IncomingMail, identities: Sequence[Identity], default: Identity | None
) -> Identity | None:
    """The identity the mail was sent to (To first, then Cc), with that address first (the
    draft's From), else ``default``."""
    for recipient in [*mail.to, *mail.cc]:
        for identity in identities:
            if identity.owns(recipient.addr):
                addr = recipient.addr.strip().lower()
                rest = tuple(a for a in identity.addresses if a != addr)
                return replace(identity, addresses=(addr, *rest))
    return default
