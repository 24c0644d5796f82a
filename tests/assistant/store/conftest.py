"""Fixtures of the store tests: a fresh store, and stand-ins for documents.Document / Chunk."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.store import Store


@dataclass(frozen=True)
class StubSection:
    text: str
    page: int | None = None
    heading: str | None = None


@dataclass(frozen=True)
class StubDocument:
    """Same attributes as ``assistant.documents.Document`` (title, format, sections, sha256, path)."""

    title: str
    format: str
    sections: tuple[StubSection, ...]
    sha256: str
    path: Path | None = None


@dataclass(frozen=True)
class StubChunk:
    index: int
    text: str
    first_page: int | None = None
    last_page: int | None = None
    heading: str | None = None


def make_doc(title: str, texts: list[str], path: Path | None = None) -> StubDocument:
    body = "\n".join(texts)
    sections = tuple(StubSection(t, page=i + 1) for i, t in enumerate(texts))
    return StubDocument(title, "txt", sections, hashlib.sha256(body.encode()).hexdigest(), path)


def make_chunks(texts: list[str]) -> list[StubChunk]:
    return [StubChunk(i, t, i + 1, i + 1, f"part {i}") for i, t in enumerate(texts)]


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store(data_dir)
    yield s
    s.close()
