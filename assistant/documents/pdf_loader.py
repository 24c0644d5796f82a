"""PDF text with pypdfium2, one Section per page that has text."""

from __future__ import annotations

import threading
from typing import Any

from assistant.documents.model import Section, normalize_text
from assistant.errors import CorruptDocument, EncryptedDocument

# PDFium is not thread-safe: one document operation at a time in this process.
_PDFIUM_LOCK = threading.Lock()

# PDFium load error codes (FPDF_ERR_*).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5


def load_pdf(data: bytes) -> tuple[str | None, list[Section]]:
    """(title from metadata, page sections). Raises EncryptedDocument / CorruptDocument."""
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code in (_ERR_PASSWORD, _ERR_SECURITY):
                raise EncryptedDocument(
                    "This PDF is protected by a password.",
                    hint="remove the password (e.g. print to PDF) and try again",
                ) from exc
            raise CorruptDocument(
                "This PDF is damaged and cannot be opened.", hint=str(exc)
            ) from exc
        try:
            return _title(pdf), _pages(pdf)
        except pdfium.PdfiumError as exc:
            raise CorruptDocument("This PDF is damaged and cannot be read.", hint=str(exc)) from exc
        finally:
            pdf.close()


def _title(pdf: Any) -> str | None:
    try:
        title = pdf.get_metadata_value("Title")
    except Exception:  # metadata is optional; a bad info dict must not fail the load
        return None
    title = str(title or "").strip()
    return title or None


def _pages(pdf: Any) -> list[Section]:
    sections: list[Section] = []
    count = len(pdf)
    for index in range(count):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_bounded()
            finally:
                textpage.close()
        finally:
            page.close()
        text = normalize_text(text)
        if text:
            sections.append(Section(text, page=index + 1))
    return sections
