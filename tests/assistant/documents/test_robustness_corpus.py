"""Every file of the shared robustness corpus (but the calendar's .ics) through load_document.

Each must end in a Document or a DocumentError subclass within a time bound; a summary of how
each kind of file ended is printed.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from assistant.documents import chunk_document, load_document
from assistant.errors import DocumentError
from tests.assistant.documents.builders import count4

MAX_BYTES = 50 * 1024 * 1024
# Files that sit beside the samples to describe them, not samples themselves.
_NOT_SAMPLES = {"PASSWORDS.md", "EXPECTED.tsv", "EXPECTED.README", "NOTICE.md"}


def _corpus_files(corpus: Path) -> list[Path]:
    root = corpus / "robustness"
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() != ".ics" and p.name not in _NOT_SAMPLES
    )


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_corpus_file_loads_or_fails_typed(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _corpus_files(corpus)
    assert len(files) > 150
    outcomes: Counter[tuple[str, str]] = Counter()
    slowest = (0.0, "")
    for path in files:
        kind = path.relative_to(corpus / "robustness").parts[0]
        started = time.perf_counter()
        try:
            doc = load_document(path, max_bytes=MAX_BYTES)
            chunks = chunk_document(doc, max_tokens=512, count_tokens=count4)
            assert chunks and all(count4(c.text) <= 512 for c in chunks)
            outcome = f"ok:{doc.format}"
        except DocumentError as exc:
            assert exc.message, path
            outcome = type(exc).__name__
        # Reported, not bounded (machine-dependent); a hang is caught by the test's timeout.
        slowest = max(slowest, (time.perf_counter() - started, path.name))
        outcomes[(kind, outcome)] += 1
    with capsys.disabled():
        print(f"\nrobustness corpus: {len(files)} files, slowest {slowest[1]} {slowest[0]:.1f}s")
        for (kind, outcome), count in sorted(outcomes.items()):
            print(f"  {kind:10s} {outcome:20s} {count:4d}")
    assert outcomes[("pdf", "ok:pdf")] >= 40
    assert outcomes[("pdf", "EncryptedDocument")] == 10
    assert outcomes[("docx", "ok:docx")] >= 25
    assert outcomes[("eml", "ok:eml")] >= 35
    assert outcomes[("encodings", "ok:text")] == 18
