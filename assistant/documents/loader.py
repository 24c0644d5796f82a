"""load_document: size check, content sniffing, dispatch to one loader, typed errors only."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from assistant.documents.model import Document, Section, sha256_bytes
from assistant.documents.sniff import extension_format, sniff_format
from assistant.errors import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedFormat,
)

Loader = Callable[[bytes], tuple[str | None, list[Section]]]


def _loader(fmt: str) -> Loader:
    if fmt == "pdf":
        from assistant.documents.pdf_loader import load_pdf

        return load_pdf
    if fmt == "docx":
        from assistant.documents.docx_loader import load_docx

        return load_docx
    if fmt == "html":
        from assistant.documents.html_loader import load_html

        return load_html
    if fmt == "markdown":
        from assistant.documents.text_loader import load_markdown

        return load_markdown
    if fmt == "eml":
        from assistant.documents.eml_loader import load_eml

        return load_eml
    from assistant.documents.text_loader import load_text

    return load_text


def _read(path: Path, max_bytes: int) -> bytes:
    """Read a regular file, refusing it by size *before* reading anything."""
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise DocumentError(f"File not found: {name}", hint=str(path)) from exc
    except OSError as exc:
        raise DocumentError(f"Cannot open {name}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise UnsupportedFormat(f"{name} is a folder, not a document.")
    if not stat.S_ISREG(info.st_mode):
        raise UnsupportedFormat(f"{name} is not a regular file.")
    if info.st_size > max_bytes:
        raise DocumentTooLarge(
            f"{name} is {_mb(info.st_size)}, more than the limit of {_mb(max_bytes)}.",
            hint="raise the document size limit in the settings, or split the file",
        )
    if info.st_size == 0:
        raise EmptyDocument(f"{name} is empty (0 bytes).")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise DocumentError(f"Cannot read {name}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise DocumentTooLarge(f"{name} is larger than the limit of {_mb(max_bytes)}.")
    return data


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _parse(data: bytes, suffix: str, name: str) -> tuple[str, str | None, list[Section]]:
    fmt = sniff_format(data, suffix)
    claimed = extension_format(suffix)
    try:
        title, sections = _loader(fmt)(data)
    except UnsupportedFormat as exc:
        if claimed in ("pdf", "docx") and fmt == "text":
            raise CorruptDocument(f"{name} is not a valid {claimed.upper()} file.") from exc
        raise
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentTooLarge(f"{name} needs more memory than is available to load.") from exc
    except RecursionError as exc:
        raise CorruptDocument(f"{name} is nested too deeply to read.") from exc
    except Exception as exc:  # parsers raise a zoo of exceptions on damaged input
        raise CorruptDocument(
            f"{name} could not be read as {fmt.upper()}: it looks damaged.",
            hint=f"{type(exc).__name__}: {exc}"[:300],
        ) from exc
    return fmt, title, sections


def load_document(path: Path, *, max_bytes: int) -> Document:
    """Load any supported document; every known failure is a DocumentError subclass."""
    path = Path(path)
    name = path.name or str(path)
    data = _read(path, max_bytes)
    fmt, title, sections = _parse(data, path.suffix, name)
    if not any(section.text.strip() for section in sections):
        hint = "it may be a scanned PDF without a text layer" if fmt == "pdf" else ""
        raise EmptyDocument(f"{name} contains no text.", hint=hint)
    return Document(
        title=title or path.stem or name,
        format=fmt,
        sections=tuple(sections),
        sha256=sha256_bytes(data),
        path=path,
    )


def load_source(source: Path | str, *, max_bytes: int) -> Document:
    """What a task reads: a file (``Path``) loaded like ``load_document``, or text as given."""
    if isinstance(source, Path):
        return load_document(source, max_bytes=max_bytes)
    from assistant.documents.model import document_from_text

    return document_from_text(source)
