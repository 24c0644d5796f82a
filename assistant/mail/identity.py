"""Who the user is when Deskmate drafts a reply: a name, one or more addresses, a sign-off.

Settings hold the default identity (``identity.name``, ``identity.addresses``,
``identity.signoff``); a mail account may later carry its own. The identity of a draft is the
one whose address the mail was sent to (To or Cc), else the default. Without any identity the
draft has no From header: a placeholder address never reaches a draft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.errors import SettingError

if TYPE_CHECKING:
    from assistant.mail.parse import IncomingMail
    from assistant.settings import Settings

# One address: something@domain.tld (no spaces, one @, a dot in the domain).
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+$")
_SEPARATORS = re.compile(r"[,;\s]+")
# Stand-ins that are no one's address: never a From.
_PLACEHOLDERS = ("localhost", "example.invalid")


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


def parse_addresses(text: str) -> tuple[str, ...]:
    """Addresses separated by commas, semicolons or spaces, lower-cased, without repeats.
    Raises ``SettingError`` for anything that is not an address (or a placeholder)."""
    found: list[str] = []
    for part in _SEPARATORS.split(text.strip()):
        addr = part.strip().strip("<>").lower()
        if not addr:
            continue
        if not _ADDRESS.match(addr) or addr.rpartition("@")[2] in _PLACEHOLDERS:
            raise SettingError(f"not an email address: {part!r}")
        if addr not in found:
            found.append(addr)
    return tuple(found)


def normalize_addresses(text: str) -> str:
    """The stored form of ``identity.addresses``: "a@x.org, b@y.com"."""
    return ", ".join(parse_addresses(text))


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
