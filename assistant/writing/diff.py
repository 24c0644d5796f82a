"""Change hunks between an original text and its revision, and the text a user accepts.

Tokens follow the script: a CJK character is a token of its own (Chinese is compared character
by character), a run of letters or digits is a word (English is compared word by word),
whitespace runs and punctuation marks are tokens too, so joining the tokens gives the text back
exactly. Changes separated only by whitespace are one hunk ("a big dog" -> "the large cat" is
one change, not three), which is what a reader expects to accept or reject at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['’][^\W{_CJK}]+)*|\s+|.", re.UNICODE | re.DOTALL)

Kind = Literal["insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class Hunk:
    """One change: ``old`` (at ``start``-``end`` of the original) becomes ``new``."""

    index: int
    kind: Kind
    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class TextDiff:
    original: str
    revised: str
    parts: tuple[str | Hunk, ...]  # unchanged text and hunks, in order

    @property
    def hunks(self) -> tuple[Hunk, ...]:
        return tuple(p for p in self.parts if isinstance(p, Hunk))

    def apply(self, accepted: Collection[int]) -> str:
        """The original with the hunks whose index is in ``accepted`` applied."""
        return "".join(
            p if isinstance(p, str) else (p.new if p.index in accepted else p.old)
            for p in self.parts
        )

    def accept_all(self) -> str:
        return self.revised

    def reject_all(self) -> str:
        return self.original

    def changed_share(self) -> float:
        """Share of the original's non-space tokens that a hunk removes or replaces (an
        insertion counts its own tokens): 0 = unchanged, about 1 = rewritten."""
        total = len([t for t in tokenize(self.original) if not t.isspace()]) or 1
        changed = sum(
            max(_words(h.old), _words(h.new)) if h.kind != "insert" else _words(h.new)
            for h in self.hunks
        )
        return min(1.0, changed / total)


def tokenize(text: str) -> list[str]:
    """Words, CJK characters, whitespace runs and marks; ``"".join(tokenize(t)) == t``."""
    return _TOKEN.findall(text)


def _words(text: str) -> int:
    return len([t for t in tokenize(text) if not t.isspace()])


def diff_texts(original: str, revised: str, *, join: bool = True) -> TextDiff:
    """The hunks that turn ``original`` into ``revised``; ``join=False`` keeps changes that
    only a space separates apart (finest hunks, for comparing two revisions)."""
    a, b = tokenize(original), tokenize(revised)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    spans: list[tuple[int, int, int, int]] = []  # token ranges (i1, i2, j1, j2) that change
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if (
            join
            and spans
            and _only_space(a[spans[-1][1] : i1])
            and _only_space(b[spans[-1][3] : j1])
        ):
            spans[-1] = (spans[-1][0], i2, spans[-1][2], j2)  # join across a space
        else:
            spans.append((i1, i2, j1, j2))
    parts: list[str | Hunk] = []
    offsets = _offsets(a)
    pos_a = 0
    for index, (i1, i2, j1, j2) in enumerate(spans):
        if i1 > pos_a:
            parts.append("".join(a[pos_a:i1]))
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        kind: Kind = "replace" if old and new else ("delete" if old else "insert")
        parts.append(Hunk(index, kind, offsets[i1], offsets[i2], old, new))
        pos_a = i2
    if pos_a < len(a):
        parts.append("".join(a[pos_a:]))
    return TextDiff(original, revised, tuple(parts))


def _only_space(tokens: list[str]) -> bool:
    return bool(tokens) and all(t.isspace() for t in tokens)


def _offsets(tokens: list[str]) -> list[int]:
    """Character offset of each token, plus the end."""
    out = [0]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out


def common_hunks(original: str, *revisions: str) -> list[Hunk]:
    """The hunks of the first revision that every other revision makes too (same span of the
    original, same replacement): edits the revisions agree on."""
    first, *others = (diff_texts(original, r, join=False) for r in revisions)
    agreed = [{(h.start, h.end, h.new) for h in d.hunks} for d in others]
    return [h for h in first.hunks if all((h.start, h.end, h.new) in s for s in agreed)]


def apply_hunks(original: str, hunks: Iterable[Hunk]) -> str:
    """``original`` with ``hunks`` (from one diff of it, any subset) applied."""
    out, pos = [], 0
    for hunk in sorted(hunks, key=lambda h: h.start):
        out.append(original[pos : hunk.start])
        out.append(hunk.new)
        pos = hunk.end
    out.append(original[pos:])
    return "".join(out)


def unified_diff(original: str, revised: str, name: str = "text") -> str:
    """A line-based unified diff (``--diff`` on the command line)."""
    lines = difflib.unified_diff(
        original.splitlines(keepends=True),
        revised.splitlines(keepends=True),
        fromfile=f"{name} (original)",
        tofile=f"{name} (polished)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
