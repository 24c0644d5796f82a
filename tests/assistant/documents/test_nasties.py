"""Generated bad input: every case ends in a Document or a typed DocumentError, quickly."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from email.message import EmailMessage
from pathlib import Path

import psutil
import pytest

from assistant.documents import chunk_document, docx_loader, load_document
from assistant.errors import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedFormat,
)
from tests.assistant.documents.builders import count4, make_docx, make_pdf

MAX = 50 * 1024 * 1024


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _samples(tmp_path: Path) -> dict[str, bytes]:
    message = EmailMessage()
    message["Subject"] = "Hello"
    message["From"] = "a@example.com"
    message.set_content("Body text of the mail, long enough to be cut in half.")
    return {
        "doc.pdf": make_pdf(["first page text", "second page text"]),
        "doc.docx": make_docx(tmp_path / "sample.docx").read_bytes(),
        "doc.html": b"<html><body><h1>T</h1><p>" + b"paragraph " * 50 + b"</p></body></html>",
        "doc.md": b"# Title\n\n" + "正文内容。".encode() * 50,
        "doc.txt": "纯文本，GBK 编码。".encode("gbk") * 30,
        "doc.eml": message.as_bytes(),
    }


@pytest.mark.parametrize("name", ["a.pdf", "a.docx", "a.html", "a.md", "a.txt", "a.eml", "a"])
def test_zero_bytes_is_empty(tmp_path: Path, name: str) -> None:
    with pytest.raises(EmptyDocument):
        load_document(_write(tmp_path, name, b""), max_bytes=MAX)


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", b"\xef\xbb\xbf \n", " \n".encode("utf-16")])
def test_whitespace_only_is_empty(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmptyDocument):
        load_document(_write(tmp_path, "blank.txt", data), max_bytes=MAX)


def test_empty_html_and_pdf_without_text(tmp_path: Path) -> None:
    html = _write(tmp_path, "e.html", b"<html><script>x()</script><p> </p></html>")
    with pytest.raises(EmptyDocument):
        load_document(html, max_bytes=MAX)
    with pytest.raises(EmptyDocument, match="no text"):
        load_document(_write(tmp_path, "blank.pdf", make_pdf(["", ""])), max_bytes=MAX)


def test_every_format_loads_whole_and_truncated(tmp_path: Path) -> None:
    outcomes: dict[str, str] = {}
    for name, data in _samples(tmp_path).items():
        assert load_document(_write(tmp_path, name, data), max_bytes=MAX).text
        for fraction in (0.1, 0.5, 0.9):
            cut = _write(tmp_path, f"cut-{fraction}-{name}", data[: int(len(data) * fraction)])
            try:
                result = load_document(cut, max_bytes=MAX).format
            except DocumentError as exc:
                result = type(exc).__name__
            outcomes[cut.name] = result
    # Damaged binary formats fail typed; text formats still give their text.
    assert outcomes["cut-0.5-doc.docx"] == "CorruptDocument"
    assert outcomes["cut-0.5-doc.txt"] == "text"
    assert outcomes["cut-0.5-doc.eml"] == "eml"
    print(outcomes)


@pytest.mark.parametrize("name", ["junk.txt", "junk.md", "junk.html", "junk"])
def test_binary_renamed_is_refused(tmp_path: Path, name: str) -> None:
    data = os.urandom(64 * 1024)
    with pytest.raises((UnsupportedFormat, CorruptDocument)):
        load_document(_write(tmp_path, name, data), max_bytes=MAX)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("archive.txt", b"PK\x05\x06" + b"\x00" * 18),
        ("fake.pdf", b"\x00\x01\x02\x03garbage\xff\xfe\x00" * 100),
    ],
)
def test_known_binary_formats_are_refused(tmp_path: Path, name: str, data: bytes) -> None:
    with pytest.raises((UnsupportedFormat, CorruptDocument)) as info:
        load_document(_write(tmp_path, name, data), max_bytes=MAX)
    assert info.value.message


def test_wrong_extensions_are_sniffed(tmp_path: Path) -> None:
    samples = _samples(tmp_path)
    assert (
        load_document(_write(tmp_path, "x.txt", samples["doc.pdf"]), max_bytes=MAX).format == "pdf"
    )
    assert load_document(_write(tmp_path, "x.pdf", samples["doc.docx"]), max_bytes=MAX).format == (
        "docx"
    )
    assert (
        load_document(_write(tmp_path, "x.md", samples["doc.eml"]), max_bytes=MAX).format == "eml"
    )
    html = load_document(_write(tmp_path, "x.txt", samples["doc.html"]), max_bytes=MAX)
    assert html.format == "html"
    text_as_pdf = load_document(_write(tmp_path, "notes.pdf", b"just some notes\n"), max_bytes=MAX)
    assert (text_as_pdf.format, text_as_pdf.text) == ("text", "just some notes")


def test_sparse_two_gigabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    load_document(_write(tmp_path, "warm.txt", b"warm up the loader imports"), max_bytes=MAX)
    process = psutil.Process()
    read_before = process.io_counters().read_chars
    with pytest.raises(DocumentTooLarge) as info:
        load_document(path, max_bytes=MAX)
    # Refused from its size alone: not even a megabyte of its 2 GB was read.
    assert process.io_counters().read_chars - read_before < 1024 * 1024
    assert "2048.0 MB" in info.value.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not found"):
        load_document(tmp_path / "nope.pdf", max_bytes=MAX)
    with pytest.raises(UnsupportedFormat, match="folder"):
        load_document(tmp_path, max_bytes=MAX)


def _zip_bomb(path: Path, size: int) -> Path:
    base = make_docx(path.with_name("base.docx")).read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(buffer, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
        member = zipfile.ZipInfo("word/media/bomb.bin")
        member.compress_type = zipfile.ZIP_DEFLATED
        with out.open(member, "w", force_zip64=True) as bomb:
            block = b"\x00" * (1024 * 1024)
            for _ in range(size // len(block)):
                bomb.write(block)
    path.write_bytes(buffer.getvalue())
    return path


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    bomb = _zip_bomb(tmp_path / "bomb.docx", 64 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(DocumentTooLarge) as info:
        load_document(bomb, max_bytes=MAX)
    assert "zip bomb" in info.value.user_text()


def test_docx_total_unpacked_size_is_bounded(
    tmp_path: Path, docx_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_loader, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(DocumentTooLarge, match="unpack"):
        load_document(docx_path, max_bytes=MAX)


def test_zip_without_word_part(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("hello.txt", "hi")
    with pytest.raises(CorruptDocument):
        load_document(_write(tmp_path, "a.docx", buffer.getvalue()), max_bytes=MAX)
    with pytest.raises(UnsupportedFormat):
        load_document(_write(tmp_path, "a.zip", buffer.getvalue()), max_bytes=MAX)


def test_deeply_nested_html(tmp_path: Path) -> None:
    depth = 100_000
    markup = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p>"
    doc = load_document(_write(tmp_path, "deep.html", markup.encode()), max_bytes=MAX)
    assert "deep text" in doc.text and "after" in doc.text


def test_ten_megabyte_single_line_text(tmp_path: Path) -> None:
    data = ("the quick brown fox jumps over the lazy dog " * 240_000).encode()
    assert len(data) > 10 * 1024 * 1024
    path = _write(tmp_path, "line.txt", data)
    tracemalloc.start()
    try:
        doc = load_document(path, max_bytes=MAX)
        chunks = chunk_document(doc, max_tokens=2000, count_tokens=count4)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 1024 * 1024
    assert len(chunks) > 1300 and all(count4(c.text) <= 2000 for c in chunks)


def test_five_thousand_page_pdf(tmp_path: Path) -> None:
    pages = [f"This is page number {i + 1} of the long report." for i in range(5000)]
    path = _write(tmp_path, "long.pdf", make_pdf(pages))
    doc = load_document(path, max_bytes=MAX)
    assert len(doc.sections) == 5000 and doc.page_count == 5000
    assert doc.sections[4999].text == "This is page number 5000 of the long report."
    chunks = chunk_document(doc, max_tokens=500, count_tokens=count4)
    assert (chunks[0].first_page, chunks[-1].last_page) == (1, 5000)
