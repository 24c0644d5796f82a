"""Citations a reader can check: each quote must appear verbatim in the chunk it cites.

The model proposes ``(source number, quote)`` pairs; ``verify_citations`` keeps those whose
quote, after whitespace normalisation, is a substring of a source's text, numbers the kept ones
1..n, and drops the rest. The verification decides which chunk is cited, not the model's
number: small models often number the right quote 0 or off by one, so a quote that is not in
the source it names is cited to the passage that does contain it. They also often blend a word
of the question into the sentence they copy: when the whole quote is not in any passage, its
longest part that is (at least ``MIN_KEPT_SHARE`` of it) becomes the quote. Nothing is shown as
a citation unless its quote is really, verbatim, in the chunk cited. A quote is widened to the
whole sentence(s) of the chunk it lies in: the reader sees a full sentence, and the answer,
written from the quotes alone, keeps the words around it (a date before the clause copied).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from typing import Any

MIN_QUOTE_CHARS = 2  # one Chinese word; shorter "quotes" prove nothing
MAX_QUOTE_CHARS = 400
MIN_KEPT_SHARE = 0.6  # a shorter verbatim part of a quote could say something else
_SPACE = re.compile(r"\s+")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# Whitespace touching a CJK character or punctuation mark carries no meaning (Chinese has none
# between words), so a quote with or without it is the same quote.
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.)\s|\n\s*\n")
_MARKER = re.compile(r"\s*\[\d+\]")


def normalize(text: str) -> str:
    """Whitespace collapsed to single spaces, and none next to CJK characters."""
    return _SPACE_BY_CJK.sub("", _SPACE.sub(" ", text)).strip()


def quote_in(quote: str, text: str) -> bool:
    """True when ``quote`` appears verbatim in ``text`` (after whitespace normalisation)."""
    q = normalize(quote)
    return MIN_QUOTE_CHARS <= len(q) <= MAX_QUOTE_CHARS and q in normalize(text)


@dataclass(frozen=True, slots=True)
class Source:
    """A retrieved chunk shown to the model as source number ``number``."""

    number: int
    chunk_id: int
    document: str  # title (or file name) of the document
    where: str  # "p. 3", "pp. 3-4", a section heading, or ""
    text: str


@dataclass(frozen=True, slots=True)
class Citation:
    """A verified citation: ``[number]`` in the answer points to ``quote`` in a chunk."""

    number: int
    chunk_id: int
    document: str
    where: str
    quote: str
    text: str  # the whole chunk, to show with the quote highlighted

    def label(self) -> str:
        where = f", {self.where}" if self.where else ""
        return f"[{self.number}] {self.document}{where}: “{normalize(self.quote)}”"


def _longest_part(quote: str, text: str) -> str:
    """The longest run of ``quote`` found verbatim in ``text`` (both normalised)."""
    q, t = normalize(quote), normalize(text)
    match = SequenceMatcher(None, q, t, autojunk=False).find_longest_match(0, len(q), 0, len(t))
    return q[match.a : match.a + match.size].strip()


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``normalize(text)``; a blank line ends one too (a
    heading is not part of the paragraph under it)."""
    t, spans, cursor = normalize(text), [], 0
    for part in filter(None, (normalize(p) for p in _SENTENCE_END.split(text))):
        at = t.find(part, cursor)
        if at >= 0:
            spans.append((at, at + len(part)))
            cursor = at + len(part)
    return spans


def sentences_of(quote: str, text: str) -> str:
    """The whole sentence(s) of ``text`` that ``quote`` lies in (normalised), or the quote
    when it is not in ``text`` or its sentences are too long to show."""
    q, t = normalize(quote), normalize(text)
    at = t.find(q)
    if at < 0:
        return q
    spans = _sentence_spans(text)
    start = max((s for s, _e in spans if s <= at), default=at)
    end = min((e for _s, e in spans if e >= at + len(q)), default=at + len(q))
    whole = t[start:end].strip()
    return whole if len(whole) <= MAX_QUOTE_CHARS and q in whole else q


def locate(number: int, quote: str, sources: Mapping[int, Source]) -> tuple[Source, str] | None:
    """The source holding ``quote`` and the quote itself: the source numbered ``number`` when
    it holds it, else the first (best ranked) that does; failing that, the source holding the
    longest verbatim part of it, with that part, if it is long enough; None otherwise."""
    named = sources.get(number)
    ranked = [s for s in (named, *sources.values()) if s is not None]
    for source in ranked:
        if quote_in(quote, source.text):
            return source, quote.strip()
    best: tuple[Source, str] | None = None
    for source in ranked:
        part = _longest_part(quote, source.text)
        if best is None or len(part) > len(best[1]):
            best = source, part
    if best is None or len(best[1]) < MIN_KEPT_SHARE * len(normalize(quote)):
        return None
    return best if quote_in(best[1], best[0].text) else None


def verify_citations(
    proposed: Sequence[tuple[int, str]], sources: Mapping[int, Source]
) -> list[Citation]:
    """The proposed (source number, quote) pairs whose quote is really in a source, cited to
    that source, in order, numbered from 1; duplicates and unverifiable ones dropped."""
    kept: list[Citation] = []
    seen: set[tuple[int, str]] = set()
    for number, proposed_quote in proposed:
        found = locate(number, proposed_quote, sources)
        if found is None:
            continue
        source, quote = found[0], sentences_of(found[1], found[0].text)
        if (source.number, quote) in seen:
            continue
        seen.add((source.number, quote))
        kept.append(
            Citation(
                len(kept) + 1, source.chunk_id, source.document, source.where, quote, source.text
            )
        )
    return kept


def strip_markers(text: str) -> str:
    """The model's own ``[n]`` markers removed (they number sources, not verified citations)."""
    return _MARKER.sub("", text).strip()


@dataclass(frozen=True, slots=True)
class Answer:
    """What ``ask_documents`` returns (``Done.data`` holds ``to_data()``)."""

    question: str
    text: str  # the answer with its [n] markers, or the "documents do not say" sentence
    found: bool
    language: str
    citations: tuple[Citation, ...]
    conversation: str

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Answer:
        return cls(
            question=str(data["question"]),
            text=str(data["text"]),
            found=bool(data["found"]),
            language=str(data["language"]),
            citations=tuple(Citation(**c) for c in data.get("citations", ())),
            conversation=str(data["conversation"]),
        )
