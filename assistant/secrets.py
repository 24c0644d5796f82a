"""Secrets (remote API keys) live in the OS keyring, never in SQLite, logs or settings files."""

from __future__ import annotations

import contextlib

SERVICE = "deskmate"


def get_secret(key: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        value: str | None = keyring.get_password(SERVICE, key)
    except KeyringError:
        return None
    return value


def set_secret(key: str, value: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    from assistant.errors import EnvironmentProblem

    try:
        if value:
            keyring.set_password(SERVICE, key, value)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, key)
    except KeyringError as exc:
        raise EnvironmentProblem(
            f"could not store {key} in the OS keyring: {exc}",
            hint="install and unlock a keyring (GNOME Keyring, KWallet) or set "
            "DESKMATE_REMOTE_API_KEY",
        ) from exc
