"""Documents: loaders (PDF, DOCX, HTML, Markdown, TXT, EML), encoding detection, chunking."""

from assistant.documents.chunking import chunk_document
from assistant.documents.loader import load_document, load_source
from assistant.documents.model import Chunk, Document, Section, document_from_text

__all__ = [
    "Chunk",
    "Document",
    "Section",
    "chunk_document",
    "document_from_text",
    "load_document",
    "load_source",
]
