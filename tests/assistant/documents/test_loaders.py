"""Each loader on real corpus files and on small generated documents."""

from __future__ import annotations

import codecs
from email.message import EmailMessage
from pathlib import Path

import pytest

from assistant.documents import Document, Section, document_from_text, html_loader, load_document
from assistant.errors import EmptyDocument, EncryptedDocument
from tests.assistant.documents.builders import make_pdf

MAX = 50 * 1024 * 1024


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_document_text_joins_sections_with_blank_lines() -> None:
    doc = Document("t", "text", (Section("one"), Section("two", page=2)), sha256="x")
    assert doc.text == "one\n\ntwo"
    assert doc.page_count == 2
    with pytest.raises(ValueError, match="format"):
        Document("t", "rtf", (), sha256="x")


def test_document_from_text() -> None:
    doc = document_from_text("  hello\r\nworld  ", title="pasted")
    assert (doc.title, doc.format, doc.text) == ("pasted", "text", "hello\nworld")
    assert len(doc.sha256) == 64
    with pytest.raises(EmptyDocument):
        document_from_text(" \n\t ")


def test_pdf_corpus_text_and_pages(corpus: Path) -> None:
    folder = corpus / "robustness/pdf/pypdf"
    doc = load_document(folder / "crazyones.pdf", max_bytes=MAX)
    assert doc.format == "pdf"
    assert "to the crazy ones. The misfits. The rebels." in doc.text
    assert [s.page for s in doc.sections] == [1]
    rotated = load_document(folder / "indirect-rotation.pdf", max_bytes=MAX)
    assert [s.page for s in rotated.sections] == [1, 2, 3, 4, 5]
    assert rotated.path == folder / "indirect-rotation.pdf"


def test_generated_pdf_keeps_page_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, "three.pdf", make_pdf(["alpha page", "", "gamma page"]))
    doc = load_document(path, max_bytes=MAX)
    assert [(s.page, s.text) for s in doc.sections] == [(1, "alpha page"), (3, "gamma page")]
    assert doc.title == "three"


@pytest.mark.parametrize(
    "name", ["r2-user-password.pdf", "r4-aes-user-password.pdf", "r6-user-password.pdf"]
)
def test_pdf_with_user_password_is_encrypted(corpus: Path, name: str) -> None:
    with pytest.raises(EncryptedDocument) as info:
        load_document(corpus / "robustness/pdf/pypdf/encryption" / name, max_bytes=MAX)
    assert "password" in info.value.user_text()


@pytest.mark.parametrize("name", ["r2-empty-password.pdf", "r6-empty-password.pdf"])
def test_pdf_with_empty_user_password_opens(corpus: Path, name: str) -> None:
    doc = load_document(corpus / "robustness/pdf/pypdf/encryption" / name, max_bytes=MAX)
    unencrypted = load_document(
        corpus / "robustness/pdf/pypdf/encryption/unencrypted.pdf", max_bytes=MAX
    )
    assert doc.text == unencrypted.text != ""


def test_docx_headings_tables_and_title(docx_path: Path) -> None:
    doc = load_document(docx_path, max_bytes=MAX)
    assert doc.format == "docx"
    assert doc.title == "Quarterly report"
    assert [s.heading for s in doc.sections] == [None, "Introduction", "Results"]
    intro = doc.sections[1].text
    assert intro.startswith("Introduction\n\nThe first paragraph")
    assert "metric | value\nrevenue | 42" in doc.sections[2].text
    assert doc.sections[2].text.endswith("收入增长了百分之十。")


def test_html_drops_script_style_and_splits_at_headings(tmp_path: Path) -> None:
    markup = (
        "<!DOCTYPE html><html><head><title>My  page</title><style>p {color: red}</style>"
        "<script>alert('x')</script></head><body><p>Intro text.</p>"
        "<h1>First</h1><p>Para <b>one</b>.</p><ul><li>item a</li><li>item b</li></ul>"
        "<h2>Second</h2><p>Line<br>break</p><!-- a comment --></body></html>"
    )
    doc = load_document(_write(tmp_path, "page.html", markup.encode()), max_bytes=MAX)
    assert doc.format == "html"
    assert doc.title == "My page"
    assert [s.heading for s in doc.sections] == [None, "First", "Second"]
    assert doc.sections[1].text == "First\n\nPara one.\n\nitem a\n\nitem b"
    assert doc.sections[2].text == "Second\n\nLine\nbreak"
    for junk in ("alert", "color", "comment"):
        assert junk not in doc.text


def test_html_meta_charset_gbk(tmp_path: Path) -> None:
    markup = '<html><head><meta charset="gbk"></head><body><p>你好，世界</p></body></html>'
    path = _write(tmp_path, "gbk.htm", markup.encode("gbk"))
    assert load_document(path, max_bytes=MAX).text == "你好，世界"


def test_markdown_sections_ignore_fenced_code(tmp_path: Path) -> None:
    text = "Preamble\n\n# Title\n\nBody\n\n```\n# not a heading\n```\n\n## Sub ##\n\nMore"
    doc = load_document(_write(tmp_path, "notes.md", text.encode()), max_bytes=MAX)
    assert doc.format == "markdown"
    assert [s.heading for s in doc.sections] == [None, "Title", "Sub"]
    assert "# not a heading" in doc.sections[1].text
    assert doc.text == text


def test_eml_headers_and_text_body(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "会议通知"
    message["From"] = "Li Lei <li@example.com>"
    message["To"] = "team@example.com"
    message["Date"] = "Mon, 02 Sep 2024 09:00:00 +0800"
    message.set_content("下周三下午三点开会。\n请准时参加。")
    message.add_alternative("<p>HTML version</p>", subtype="html")
    doc = load_document(_write(tmp_path, "mail.eml", message.as_bytes()), max_bytes=MAX)
    assert doc.format == "eml"
    assert doc.title == "会议通知"
    assert doc.sections[0].text.splitlines()[:2] == [
        "Subject: 会议通知",
        "From: Li Lei <li@example.com>",
    ]
    assert doc.sections[1].text == "下周三下午三点开会。\n请准时参加。"
    assert "HTML version" not in doc.text


def test_eml_html_only_body_is_converted(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Newsletter"
    message["From"] = "news@example.com"
    message.set_content("<html><body><h1>News</h1><p>Big &amp; small</p></body></html>", "html")
    # Content sniffing: the .txt extension does not matter, the MIME headers do.
    doc = load_document(_write(tmp_path, "mail.txt", message.as_bytes()), max_bytes=MAX)
    assert doc.format == "eml"
    assert doc.sections[-1] == Section("News\n\nBig & small", heading="News")


def test_eml_corpus_encoded_header_and_quoted_printable(corpus: Path) -> None:
    folder = corpus / "robustness/eml/flanker"
    doc = load_document(folder / "quoted-printable.eml", max_bytes=MAX)
    assert doc.format == "eml"
    assert "=3D" not in doc.text and "=\n" not in doc.text
    encoded = load_document(folder / "encoded-header.eml", max_bytes=MAX)
    assert "=?" not in encoded.sections[0].text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_unicode_encodings_with_and_without_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Meeting notes (会议记录): budget approved, next review on Friday."
    path = _write(tmp_path, "notes.txt", bom + text.encode(encoding))
    assert load_document(path, max_bytes=MAX).text == text


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("gbk", "会议改到下周三下午三点，请大家准时参加。谢谢！如有问题请联系行政部。"),
        ("gb18030", "这是一个用于检测编码的中文测试文件，内容包括会议安排和预算说明。"),
        ("big5", "這是一個用於檢測編碼的中文測試文件，內容包括會議安排和預算說明。"),
        ("shift_jis", "これは文字コードを検出するためのテストです。会議は水曜日に行います。"),
    ],
)
def test_cjk_legacy_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    path = _write(tmp_path, f"{encoding}.txt", text.encode(encoding))
    assert load_document(path, max_bytes=MAX).text == text


def _expected(corpus: Path) -> list[tuple[str, str]]:
    tsv = corpus / "robustness/encodings/charset_normalizer/EXPECTED.tsv"
    rows = [line.split("\t") for line in tsv.read_text().splitlines()[1:] if line.strip()]
    return [(row[0], row[1]) for row in rows]


def test_charset_normalizer_corpus(corpus: Path) -> None:
    folder = corpus / "robustness/encodings/charset_normalizer"
    expected = _expected(corpus)
    assert len(expected) == 18
    wrong = []
    for name, charset in expected:
        data = (folder / name).read_bytes()
        truth = data.decode("utf_8_sig" if charset == "utf_8" else charset).replace("\r\n", "\n")
        got = load_document(folder / name, max_bytes=MAX).text
        if got != truth.strip():
            wrong.append(name)
    assert wrong == []


def test_a_big_html_page_never_goes_through_beautifulsoup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lxml parses without the GIL; BeautifulSoup's tree builder retook it for every tag and
    held a window's event loop up for 110-300 ms on this 5 MB page (the stall is a `deskmate
    bench` figure). Ordinary pages must take the lxml path."""

    def refuse(markup: str) -> object:
        raise AssertionError("an ordinary page went through BeautifulSoup")

    monkeypatch.setattr(html_loader, "_soup_sections", refuse)
    sentence = "The meeting moved to Thursday; please plan your time and read the report. "
    body = "".join(f"<p>{sentence}<b>{i}</b><br>more</p>" for i in range(50_000))
    path = _write(tmp_path, "big.html", f"<html><body>{body}</body></html>".encode())
    doc = load_document(path, max_bytes=MAX)
    assert doc.text.count("Thursday") == 50_000 and doc.text.endswith("more")


def test_html_keeps_the_layout_of_everything_inside_pre(tmp_path: Path) -> None:
    markup = "<p>Code:</p><pre><b>def f():</b>\n    return  1\n\n\n\tx</pre><p>x    y</p>"
    doc = load_document(_write(tmp_path, "pre.html", markup.encode()), max_bytes=MAX)
    assert doc.text == "Code:\n\ndef f():\n    return  1\n\n\n\tx\n\nx y"
