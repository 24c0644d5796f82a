"""Section-aware, token-bounded chunks.

Every chunk measures at most ``max_tokens`` with ``count_tokens``. Long sections are split at
paragraphs, then lines, sentences (also Chinese 。！？), clauses, words, and at last hard
character boundaries; small adjacent sections are merged up to the bound. Nothing is dropped:
the chunk texts, concatenated, hold every non-whitespace character of the document in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Chunk, Document

CountTokens = Callable[[str], int]

_SPLITTERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\n[ \t]*\n\s*"),  # paragraphs
    re.compile(r"\n\s*"),  # lines
    re.compile(r"[.!?…]+[\"'”’)\]]*\s+|[。！？]+[”’」』）)]*\s*"),  # sentences
    re.compile(r"[,;:，、；：]+\s*"),  # clauses
    re.compile(r"\s+"),  # words
)


@dataclass(frozen=True)
class _Piece:
    raw: str  # exact text; consecutive pieces of one section concatenate to the section
    tokens: int
    section: int = 0


class _Budget:
    def __init__(self, max_tokens: int, count_tokens: CountTokens) -> None:
        self.max_tokens = max_tokens
        self.count = count_tokens

    def tokens(self, text: str) -> int:
        return self.count(text.strip())

    def fits(self, text: str) -> bool:
        return self.tokens(text) <= self.max_tokens


def _split_after(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Cut ``text`` after each match; the parts concatenate back to ``text``."""
    parts: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        end = match.end()
        if start < end < len(text):
            parts.append(text[start:end])
            start = end
    parts.append(text[start:])
    return parts


def _longest_prefix(text: str, budget: _Budget) -> int:
    """Length of the longest prefix that fits (at least 1), by galloping + binary search."""
    if not budget.fits(text[:1]):
        raise ValueError(f"max_tokens={budget.max_tokens} cannot hold even one character")
    ok, size = 1, max(2, budget.max_tokens)
    while size < len(text) and budget.fits(text[:size]):
        ok, size = size, size * 2
    bad = min(size, len(text))
    if budget.fits(text[:bad]):
        return bad
    while bad - ok > 1:
        mid = (ok + bad) // 2
        if budget.fits(text[:mid]):
            ok = mid
        else:
            bad = mid
    return ok


def _hard_split(text: str, budget: _Budget) -> list[str]:
    parts: list[str] = []
    while text:
        if budget.fits(text):
            parts.append(text)
            break
        cut = _longest_prefix(text, budget)
        parts.append(text[:cut])
        text = text[cut:]
    return parts


def _pack(
    pieces: Sequence[_Piece], join: Callable[[Sequence[_Piece]], str], budget: _Budget
) -> list[list[_Piece]]:
    """Greedy groups of consecutive pieces whose joined text fits; each piece fits alone.

    The sum of the pieces' counts only guides the search; the joined text is always measured.
    """
    groups: list[list[_Piece]] = []
    n = len(pieces)
    i = 0

    def fits(j: int) -> bool:
        return j == i + 1 or budget.fits(join(pieces[i:j]))

    while i < n:
        j, estimate = i + 1, pieces[i].tokens
        while j < n and estimate + pieces[j].tokens <= budget.max_tokens:
            estimate += pieces[j].tokens
            j += 1
        if fits(j):
            ok, step, bad = j, 1, n + 1
            while ok < n:
                probe = min(ok + step, n)
                if fits(probe):
                    ok, step = probe, step * 2
                else:
                    bad = probe
                    break
        else:
            ok, bad = i + 1, j
        while bad - ok > 1 and bad <= n:
            mid = (ok + bad) // 2
            if fits(mid):
                ok = mid
            else:
                bad = mid
        groups.append(list(pieces[i:ok]))
        i = ok
    return groups


def _concat(pieces: Sequence[_Piece]) -> str:
    return "".join(p.raw for p in pieces)


def _split(text: str, budget: _Budget, level: int = 0) -> list[str]:
    """Parts of ``text`` (concatenating back to it), each fitting the budget."""
    if budget.fits(text):
        return [text]
    if level >= len(_SPLITTERS):
        return _hard_split(text, budget)
    units = _split_after(text, _SPLITTERS[level])
    if len(units) == 1:
        return _split(text, budget, level + 1)
    pieces: list[_Piece] = []
    for unit in units:
        tokens = budget.tokens(unit)
        if tokens <= budget.max_tokens:
            pieces.append(_Piece(unit, tokens))
        else:
            pieces.extend(_Piece(p, budget.tokens(p)) for p in _split(unit, budget, level + 1))
    return [_concat(group) for group in _pack(pieces, _concat, budget)]


def _chunk_text(pieces: Sequence[_Piece]) -> str:
    """Pieces of one section concatenate exactly; sections are joined by a blank line."""
    groups: list[str] = []
    current: list[str] = []
    section = pieces[0].section if pieces else 0
    for piece in pieces:
        if piece.section != section:
            groups.append("".join(current).strip())
            current, section = [], piece.section
        current.append(piece.raw)
    groups.append("".join(current).strip())
    return "\n\n".join(g for g in groups if g)


def chunk_document(doc: Document, *, max_tokens: int, count_tokens: CountTokens) -> list[Chunk]:
    """Token-bounded chunks of ``doc`` in reading order, with pages and headings."""
    if max_tokens < 1:
        raise ValueError("max_tokens must be at least 1")
    budget = _Budget(max_tokens, count_tokens)
    pieces: list[_Piece] = []
    for index, section in enumerate(doc.sections):
        for part in _split(section.text, budget):
            if part.strip():
                pieces.append(_Piece(part, budget.tokens(part), index))
    chunks: list[Chunk] = []
    for group in _pack(pieces, _chunk_text, budget):
        sections = [doc.sections[i] for i in dict.fromkeys(p.section for p in group)]
        pages = [s.page for s in sections if s.page is not None]
        heading = next((s.heading for s in sections if s.heading), None)
        chunks.append(
            Chunk(
                index=len(chunks),
                text=_chunk_text(group),
                first_page=pages[0] if pages else None,
                last_page=pages[-1] if pages else None,
                heading=heading,
            )
        )
    return chunks
