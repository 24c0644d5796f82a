"""Running headers and footers are dropped before summarizing; body text never is."""

from __future__ import annotations

from pathlib import Path

from assistant.documents import load_source
from assistant.documents.model import Document
from assistant.documents.page_furniture import line_key, without_page_furniture

PYPDF = Path("robustness/pdf/pypdf")


def _load(corpus: Path, name: str) -> Document:
    return load_source(corpus / PYPDF / name, max_bytes=50_000_000)


def _lines(doc: Document) -> list[str]:
    return [line.strip() for s in doc.sections for line in s.text.splitlines()]


def test_numbers_and_roman_page_numbers_are_masked() -> None:
    assert line_key("Page 3 of 19") == line_key("Page 14 of 19")
    assert line_key("GeoBase® iii") == line_key("GeoBase®  iv")
    assert line_key("Revenue grew") != line_key("Revenue fell")
    assert line_key("x" * 400) == ""  # a paragraph is never a running head


def test_report_header_with_edition_and_page_numbers_goes(corpus: Path) -> None:
    doc = _load(corpus, "GeoBase_NHNC1_Data_Model_UML_EN.pdf")
    clean = without_page_furniture(doc)
    head = "National Hydro Network, Data Model – Edition 1.0 2004-06"
    assert _lines(doc).count(head) >= 10
    assert head not in _lines(clean)
    assert not any(line.startswith("GeoBase® ") and len(line) < 14 for line in _lines(clean))
    # Everything else stays, pages and order included.
    assert "REVISION HISTORY" in _lines(clean) and "TABLE OF CONTENTS" in _lines(clean)
    assert [s.page for s in clean.sections] == [s.page for s in doc.sections]
    assert len(clean.text) < len(doc.text) and clean.sha256 == doc.sha256


def test_letterhead_lines_on_every_page_go(corpus: Path) -> None:
    doc = _load(corpus, "indirect-rotation.pdf")
    clean = without_page_furniture(doc)
    for furniture in ("International Council of Containership Operators", "Agreement No."):
        assert any(line.startswith(furniture) for line in _lines(doc))
        assert not any(line.startswith(furniture) for line in _lines(clean))
    assert any("Revised Page No." in line for line in _lines(clean))  # differs page to page


def test_repeated_body_sentences_stay(corpus: Path) -> None:
    # Blind text repeats the same sentences across pages: only the bare page numbers go.
    doc = _load(corpus, "pdflatex-outline.pdf")
    clean = without_page_furniture(doc)
    body = [line for line in _lines(doc) if not line.isdigit()]
    assert body == [line for line in _lines(clean) if line]


def test_ocr_running_heads_that_differ_are_kept_as_text(corpus: Path) -> None:
    doc = _load(corpus, "Seige_of_Vicksburg_Sample_OCR.pdf")
    assert without_page_furniture(doc) is doc  # nothing repeats exactly: nothing is lost


def test_short_documents_are_left_alone(corpus: Path) -> None:
    doc = _load(corpus, "hello-world.pdf")
    assert without_page_furniture(doc) is doc
