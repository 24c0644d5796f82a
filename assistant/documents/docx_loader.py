"""DOCX text with python-docx: paragraphs and tables in order, headings start sections."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from assistant.documents.model import Section, normalize_text
from assistant.errors import CorruptDocument, DocumentTooLarge

# Zip-bomb guards, checked on the zip directory before anything is inflated.
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
_RATIO_MIN_SIZE = 10 * 1024 * 1024  # small members may compress very well, that is fine


def check_zip_bomb(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocument("This Word file is damaged or incomplete.", hint=str(exc)) from exc
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise DocumentTooLarge(
            f"This Word file would unpack to {total // (1024 * 1024)} MB.",
            hint="it may be a zip bomb; it was not opened",
        )
    for info in infos:
        if info.file_size > _RATIO_MIN_SIZE and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise DocumentTooLarge(
                f"A part of this Word file ({info.filename}) is compressed suspiciously well.",
                hint="it may be a zip bomb; it was not opened",
            )


def load_docx(data: bytes) -> tuple[str | None, list[Section]]:
    """(title from core properties, sections split at headings)."""
    check_zip_bomb(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptDocument("This Word file is damaged.", hint=str(exc)) from exc
    return _title(document), _sections(document)


def _title(document: Any) -> str | None:
    try:
        title = str(document.core_properties.title or "").strip()
    except Exception:  # missing/broken core properties part is common and harmless
        return None
    return title or None


def _heading_style_ids(document: Any) -> set[str]:
    """Ids of the document's heading styles ("Heading 1".., "Title"), read once: asking each
    paragraph for ``.style`` re-scans every style for the default (95% of a 5,000-paragraph
    file's 4 s load)."""
    ids: set[str] = set()
    try:
        for style in document.styles:
            name = str(style.name or "")
            if (name.startswith("Heading") or name == "Title") and style.style_id:
                ids.add(str(style.style_id))
    except (KeyError, ValueError, AttributeError):  # a broken styles part: no headings
        return set()
    return ids


def _is_heading(paragraph: Any, heading_ids: set[str]) -> bool:
    style_id = getattr(paragraph._p, "style", None)  # pStyle's id; None = the default style
    return style_id is not None and str(style_id) in heading_ids


def _table_text(table: Any) -> str:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text.strip())
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _sections(document: Any) -> list[Section]:
    sections: list[Section] = []
    heading: str | None = None
    parts: list[str] = []

    def flush() -> None:
        text = normalize_text("\n\n".join(p for p in parts if p.strip()))
        if text:
            sections.append(Section(text, heading=heading))
        parts.clear()

    heading_ids = _heading_style_ids(document)
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            parts.append(_table_text(block))
            continue
        text = block.text.strip()
        if text and _is_heading(block, heading_ids):
            flush()
            heading = text
        parts.append(block.text)
    flush()
    return sections
