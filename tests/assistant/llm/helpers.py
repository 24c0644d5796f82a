"""Small helpers shared by the engine tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import keyring
from keyring.backend import KeyringBackend

from assistant.task_events import Done, Progress, TaskEvent, Token

LONG_SYSTEM = "You are Deskmate, a careful desktop assistant. " + " ".join(
    f"Rule {i}: answer briefly, stay polite, never invent facts, and keep the user's data private."
    for i in range(1, 41)
)
LONG_PROMPT = " ".join(
    f"Paragraph {i}: the quarterly report lists revenue, costs, hiring plans and open risks."
    for i in range(1, 90)
)  # about 1500 tokens


def collect(events: Iterator[TaskEvent]) -> tuple[list[Token], list[Progress], Done]:
    tokens: list[Token] = []
    progress: list[Progress] = []
    done: Done | None = None
    for event in events:
        if isinstance(event, Token):
            tokens.append(event)
        elif isinstance(event, Progress):
            progress.append(event)
        elif isinstance(event, Done):
            done = event
    assert done is not None, "the generator ended without a Done event"
    return tokens, progress, done


def validate_answer_schema(value: object) -> None:
    assert isinstance(value, dict)
    assert set(value) == {"answer", "unit"}
    assert isinstance(value["answer"], int)
    assert isinstance(value["unit"], str)


ANSWER_SCHEMA = {
    "type": "object",
    "properties": {"answer": {"type": "integer"}, "unit": {"type": "string", "maxLength": 12}},
    "required": ["answer", "unit"],
    "additionalProperties": False,
}


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring, so tests never touch the user's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@contextlib.contextmanager
def memory_keyring_installed() -> Iterator[MemoryKeyring]:
    """Swap in an in-memory keyring (never the real OS one) for the duration."""
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(previous)


@contextlib.contextmanager
def memory_keyring_without_env(monkeypatch: Any, prefix: str) -> Iterator[MemoryKeyring]:
    """An in-memory keyring, and no ``$<prefix>...`` variable left to win over it."""
    import os

    for name in list(os.environ):
        if name.startswith(prefix):
            monkeypatch.delenv(name)
    with memory_keyring_installed() as installed:
        yield installed
