"""The ``addresses`` kind of setting (``identity.addresses``): email addresses, checked.

Settings validate it on every write; ``assistant.mail.identity`` reads the stored form.
"""

from __future__ import annotations

import re

from assistant.errors import SettingError

# One address: something@domain.tld (no spaces, one @, a dot in the domain).
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+$")
_SEPARATORS = re.compile(r"[,;\s]+")
# Stand-ins that are no one's address: never a From.
_PLACEHOLDERS = ("localhost", "example.invalid")


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
