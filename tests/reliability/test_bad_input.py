"""Bad input, all in one table: every file of the shared robustness corpus (calendars included)
plus generated nasties goes through loading; each ends in a result or a typed error with a
message, within a time bound, with memory bounded. A few small ones go through summarization
on the real model too.

The per-kind checks of each nasty live in tests/assistant/documents/test_nasties.py; this test
reuses its generators and adds the time, memory and outcome accounting over everything.
"""

from __future__ import annotations

import gc
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import psutil
import pytest

from assistant.calendar.ics import import_ics
from assistant.documents import chunk_document, load_document
from assistant.errors import DeskmateError
from assistant.task_events import Done
from tests.assistant.documents.builders import count4, make_docx, make_pdf
from tests.assistant.documents.test_nasties import _zip_bomb
from tests.assistant.documents.test_robustness_corpus import _NOT_SAMPLES

MAX_BYTES = 50 * 1024 * 1024
RSS_GROWTH_LIMIT = 600 * 1024 * 1024  # while loading the biggest nasty
RSS_LEAK_LIMIT = 150 * 1024 * 1024  # left over once everything is done
OUTCOMES: Counter[tuple[str, str]] = Counter()
SLOWEST: dict[str, float] = {}  # kind -> seconds of its slowest file


def _mail() -> bytes:
    message = EmailMessage()
    message["Subject"] = "Quarterly numbers"
    message["From"] = "a@example.com"
    message.set_content("The quarterly numbers are in. Revenue grew and costs fell. " * 5)
    return message.as_bytes()


def _samples(tmp: Path) -> dict[str, bytes]:
    return {
        "pdf": make_pdf(["First page of the report.", "Second page with the results."]),
        "docx": make_docx(tmp / "sample.docx").read_bytes(),
        "html": b"<html><body><h1>Title</h1><p>" + b"A paragraph of text. " * 40 + b"</p>",
        "md": b"# Notes\n\n" + b"Meeting notes about the tram line. " * 30,
        "txt": "纯文本，GBK 编码的说明。".encode("gbk") * 30,
        "eml": _mail(),
        "ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        b"DTSTART:20240402T100000Z\r\nDTEND:20240402T110000Z\r\nSUMMARY:Budget\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n",
    }


def _nasties(tmp: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) of every generated bad input; files are made one at a time."""

    def put(name: str, data: bytes) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    samples = _samples(tmp)
    for ext in samples:
        yield "zero-bytes", put(f"zero.{ext}", b"")
    for ext, data in samples.items():
        for fraction in (0.05, 0.3, 0.6, 0.95):
            yield (
                "truncated",
                put(f"cut{int(fraction * 100)}.{ext}", data[: int(len(data) * fraction)]),
            )
    for name in ("random.txt", "random.md", "random.html", "random.eml", "random"):
        yield "binary-renamed", put(name, os.urandom(256 * 1024))
    yield "binary-renamed", put("photo.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    yield "binary-renamed", put("program.txt", b"\x7fELF\x02\x01\x01" + os.urandom(4096))
    sparse = tmp / "sparse.txt"
    with sparse.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    yield "sparse-2GB", sparse
    sparse.unlink()
    yield "zip-bomb-docx", _zip_bomb(tmp / "bomb.docx", 64 * 1024 * 1024)
    depth = 100_000
    deep = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth
    yield "deep-html", put("deep.html", deep.encode())
    yield "10MB-line", put("line.txt", b"the quick brown fox jumps over the lazy dog " * 240_000)
    pages = [f"Page {i + 1} of the long report." for i in range(5000)]
    yield "5000-page-pdf", put("long.pdf", make_pdf(pages))
    moves = {"pdf": "txt", "docx": "pdf", "eml": "md", "html": "txt", "txt": "pdf", "md": "docx"}
    for real, fake in moves.items():
        yield "wrong-extension", put(f"really-{real}.{fake}", samples[real])
    yield "wrong-extension", put("really-ics.txt", samples["ics"])


def _corpus(corpus: Path) -> Iterator[tuple[str, Path]]:
    root = corpus / "robustness"
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name not in _NOT_SAMPLES:
            yield f"corpus/{path.relative_to(root).parts[0]}", path


def _load(path: Path) -> str:
    """Load like Deskmate does: calendars are imported, everything else is a document."""
    if path.suffix.lower() == ".ics":
        import_ics(path)
        return "ok:ics"
    doc = load_document(path, max_bytes=MAX_BYTES)
    chunks = chunk_document(doc, max_tokens=512, count_tokens=count4)
    assert chunks and all(count4(c.text) <= 512 for c in chunks)
    return f"ok:{doc.format}"


def _run_all(files: Iterator[tuple[str, Path]], load: Callable[[Path], str]) -> list[str]:
    process = psutil.Process()
    gc.collect()
    baseline = process.memory_info().rss
    problems: list[str] = []
    tried = 0
    for kind, path in files:
        tried += 1
        started = time.perf_counter()
        try:
            outcome = load(path)
        except DeskmateError as exc:
            if not exc.message.strip():
                problems.append(f"{path.name}: {type(exc).__name__} without a message")
            outcome = type(exc).__name__
        # Reported, not bounded: a file that hangs is caught by the test's timeout, and how
        # fast a loader is depends on the machine (a `deskmate bench` matter).
        SLOWEST[kind] = max(SLOWEST.get(kind, 0.0), time.perf_counter() - started)
        growth = process.memory_info().rss - baseline
        if growth > RSS_GROWTH_LIMIT:
            problems.append(f"{path.name}: RSS grew by {growth / 2**20:.0f} MB")
        OUTCOMES[(kind, outcome)] += 1
    gc.collect()
    leak = process.memory_info().rss - baseline
    if leak > RSS_LEAK_LIMIT:
        problems.append(f"RSS stayed {leak / 2**20:.0f} MB above the start after {tried} files")
    return problems


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_every_bad_input_ends_typed_with_bounded_memory(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problems = _run_all(_corpus(corpus), _load)
    problems += _run_all(_nasties(tmp_path), _load)
    kinds = Counter[str]()
    for (kind, _), n in OUTCOMES.items():
        kinds[kind] += n
    with capsys.disabled():
        print(f"\nbad input: {sum(kinds.values())} files")
        for (kind, outcome), n in sorted(OUTCOMES.items()):
            slowest = SLOWEST.get(kind, 0.0)
            print(f"  {kind:22s} {outcome:22s} {n:4d} / {kinds[kind]}  slowest {slowest:.1f}s")
    assert problems == []
    assert kinds["corpus/ics"] >= 150 and kinds["corpus/pdf"] >= 70
    assert (
        OUTCOMES[("zero-bytes", "EmptyDocument")] + OUTCOMES[("zero-bytes", "CalendarError")] == 7
    )
    assert OUTCOMES[("sparse-2GB", "DocumentTooLarge")] == 1
    assert OUTCOMES[("zip-bomb-docx", "DocumentTooLarge")] == 1
    assert OUTCOMES[("5000-page-pdf", "ok:pdf")] == 1
    assert OUTCOMES[("10MB-line", "ok:text")] == 1
    assert OUTCOMES[("deep-html", "ok:html")] == 1
    assert not any(o.startswith("ok:") for (k, o) in OUTCOMES if k == "binary-renamed")


@pytest.mark.model
def test_small_bad_inputs_through_summarization(core: Any, corpus: Path, tmp_path: Path) -> None:
    """A few small ones end to end: a summary, or the same typed error as loading."""
    core.settings.set("n_threads", 1)
    samples = _samples(tmp_path)
    cut = tmp_path / "cut.eml"
    cut.write_bytes(samples["eml"][: len(samples["eml"]) * 2 // 3])
    renamed = tmp_path / "report.txt"
    renamed.write_bytes(samples["pdf"])
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(os.urandom(4096))
    smallest_mail = min(
        (corpus / "robustness" / "eml").rglob("*.eml"), key=lambda p: p.stat().st_size
    )
    ended: dict[str, str] = {}
    for path in (cut, renamed, empty, junk, smallest_mail):
        try:
            done = [e for e in core.summarize(path, max_tokens=24) if isinstance(e, Done)]
            assert done and done[0].text.strip(), path.name
            ended[path.name] = "summary"
        except DeskmateError as exc:
            assert exc.message, path.name
            ended[path.name] = type(exc).__name__
    assert ended["cut.eml"] == "summary" and ended["report.txt"] == "summary"
    assert ended["empty.docx"] == "EmptyDocument"
    assert ended["junk.txt"] in ("UnsupportedFormat", "CorruptDocument")
    print(ended)
