"""Secrets (remote API keys) live in the OS keyring, never in SQLite, logs or settings files.

Where no keyring is available (a headless server), ``$DESKMATE_<KEY>`` (for example
``DESKMATE_REMOTE_API_KEY``) supplies the value instead; when set, it wins over the keyring.
"""

from __future__ import annotations

import contextlib
import os

SERVICE = "deskmate"


def env_name(key: str) -> str:
    """The environment variable that may carry secret ``key``."""
    return f"DESKMATE_{key.upper()}"


def get_secret(key: str) -> str | None:
    from_env = os.environ.get(env_name(key), "").strip()
    if from_env:
        return from_env
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
            hint=f"install and unlock a keyring (GNOME Keyring, KWallet) or set {env_name(key)}",
        ) from exc
