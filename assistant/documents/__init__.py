"""Documents: loaders (PDF, DOCX, HTML, Markdown, TXT, EML), encoding detection, chunking."""

from .chunking import chunk_document
from .loader import load_document
from .model import Chunk, Document, Section, document_from_text

__all__ = [
    "Chunk",
    "Document",
    "Section",
    "chunk_document",
    "document_from_text",
    "load_document",
]
