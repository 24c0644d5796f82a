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

from assistant.documents.model import Chunk, Document

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


def _longest_fit(text: str, pos: int, guess: int, budget: _Budget) -> int:
    """An end offset near the longest ``text[pos:end]`` that fits (always > pos).

    Gallops from ``guess`` characters, then bisects to within 2%: a few counts per chunk
    whatever the length of the text.
    """
    n = len(text)
    if not budget.fits(text[pos : pos + 1]):
        raise ValueError(f"max_tokens={budget.max_tokens} cannot hold even one character")
    ok, bad = pos + 1, n + 1
    probe, step = min(pos + max(guess, 2), n), max(guess // 8, 1)
    while probe > ok:
        if budget.fits(text[pos:probe]):
            ok = probe
            if probe == n:
                return n
            probe, step = min(probe + step, n), step * 2
        else:
            bad = probe
            break
    while bad - ok > max(1, (ok - pos) // 50):
        mid = (ok + bad) // 2
        if budget.fits(text[pos:mid]):
            ok = mid
        else:
            bad = mid
    return ok


def _boundary(text: str, pos: int, cut: int) -> int:
    """The best place to end a part inside ``text[pos:cut]``: the last paragraph break in
    its second half, else the last line break, sentence end, clause, word; else ``cut``."""
    lower = pos + (cut - pos) // 2
    for pattern in _SPLITTERS:
        last = 0
        for match in pattern.finditer(text, lower, cut):
            last = match.end()
        if last > pos:
            return last
    return cut


def _split(text: str, budget: _Budget) -> list[str]:
    """Consecutive parts of ``text`` (concatenating back to it), each fitting the budget."""
    if budget.fits(text):
        return [text]
    parts: list[str] = []
    pos, guess = 0, budget.max_tokens * 4
    while pos < len(text):
        cut = _longest_fit(text, pos, guess, budget)
        end = cut if cut == len(text) else _boundary(text, pos, cut)
        if end != cut and not budget.fits(text[pos:end]):
            end = cut  # a counter where a shorter text costs more: take the measured cut
        parts.append(text[pos:end])
        guess, pos = cut - pos, end
    return parts


def _pack(
    pieces: Sequence[_Piece], join: Callable[[int, int], str], budget: _Budget, first: _Budget
) -> list[list[_Piece]]:
    """Greedy groups of consecutive pieces whose joined text fits (the first group ``first``,
    the others ``budget``); each piece fits alone.

    ``join(i, j)`` is the text of ``pieces[i:j]``. The sum of the pieces' counts only guides
    the search (galloping, then bisection); the joined text is always measured.
    """
    groups: list[list[_Piece]] = []
    n = len(pieces)
    i = 0
    limit = first

    def fits(j: int) -> bool:
        return j == i + 1 or limit.fits(join(i, j))

    while i < n:
        limit = budget if groups else first
        j, estimate = i + 1, pieces[i].tokens
        while j < n and estimate + pieces[j].tokens <= limit.max_tokens:
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


def chunk_document(
    doc: Document, *, max_tokens: int, count_tokens: CountTokens, first_max_tokens: int = 0
) -> list[Chunk]:
    """Token-bounded chunks of ``doc`` in reading order, with pages and headings.
    ``first_max_tokens`` (when smaller) bounds the first chunk alone: a long summary shows its
    first section sooner."""
    if max_tokens < 1:
        raise ValueError("max_tokens must be at least 1")
    budget = _Budget(max_tokens, count_tokens)
    first = _Budget(min(first_max_tokens or max_tokens, max_tokens), count_tokens)
    pieces: list[_Piece] = []
    for index, section in enumerate(doc.sections):
        # The first section with text is cut to the first chunk's size (its pieces are
        # merged again up to ``max_tokens`` after the first chunk).
        for part in _split(section.text, budget if pieces else first):
            if part.strip():
                pieces.append(_Piece(part, budget.tokens(part), index))
    chunks: list[Chunk] = []
    for group in _pack(pieces, lambda i, j: _chunk_text(pieces[i:j]), budget, first):
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
