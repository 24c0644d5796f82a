"""Fixtures for the documents tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assistant.documents.builders import make_docx


@pytest.fixture
def docx_path(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "report.docx")
