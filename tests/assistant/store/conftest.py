"""Fixtures of the store tests: a fresh store, small documents and chunks."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import assistant.store.vector_cache as vector_cache
from assistant.documents import Chunk, Document, Section
from assistant.store import Store


def make_doc(title: str, texts: list[str], path: Path | None = None) -> Document:
    body = "\n".join(texts)
    sections = tuple(Section(t, page=i + 1) for i, t in enumerate(texts))
    return Document(title, "text", sections, hashlib.sha256(body.encode()).hexdigest(), path)


def make_chunks(texts: list[str]) -> list[Chunk]:
    return [Chunk(i, t, i + 1, i + 1, f"part {i}") for i, t in enumerate(texts)]


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store(data_dir)
    yield s
    s.close()


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every (re)load of a vector table into memory."""
    calls: list[str] = []
    real = vector_cache._load

    def counting(conn: sqlite3.Connection, table: str, dim: int, model: str) -> object:
        calls.append(table)
        return real(conn, table, dim, model)

    monkeypatch.setattr(vector_cache, "_load", counting)
    return calls
