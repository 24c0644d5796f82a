"""Make a small model's raw answer a bare translation of one segment.

Small models wrap translations in labels ("Here is the translation:"), quotes, code fences and
trailing notes, spread one line over several, add Markdown markers the segment did not have, and
use the punctuation of the wrong language. The glossary check lives here too.
"""

from __future__ import annotations

import re

from assistant import cjk
from assistant.framing import strip_frame_markers

_PREFACE = re.compile(
    r"^\s*(?:sure|certainly|okay|ok)?[!,.\s]*"
    r"(?:here\s+is|here's|this\s+is|below\s+is)?\s*(?:the|a|an|your)?\s*"
    r"(?:\w+\s+){0,3}(?:translation|translated\s+text)"
    r"(?:\s+(?:of|in|into|to|for)\b[^:\n：]{0,60})?\s*[:：]\s*",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^\s*(?:translation|translated text|译文|翻译|中文翻译|英文翻译|中文|英文|"
    r"english|chinese|simplified chinese|japanese|korean|french|german|spanish)\s*[:：]\s*",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"^\s*[(（\[]?\s*(?:\*\*)?(?:note|notes|explanation|translation notes?|注|注意|注释|说明|"
    r"解释)\s*(?:\*\*)?\s*[:：)）\]]",
    re.IGNORECASE,
)
_AFTERWORD = re.compile(
    r"^\s*(?:this translation|the translation|the translated|i hope|let me know|"
    r"this (?:sentence|text) (?:means|translates))",
    re.IGNORECASE,
)
_TAGS = re.compile(r"</?\s*(?:text|translation)\s*>", re.IGNORECASE)
_FENCE = re.compile(r"^\s*```[\w-]*\s*$")
_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|\d{1,3}[.)]\s+|>\s?)")
_QUOTE_PAIRS = {'"': '"', "'": "'", "“": "”", "「": "」", "『": "』", "`": "`", "«": "»"}

_TO_FULL_WIDTH = {",": "，", "?": "？", "!": "！", ";": "；", ":": "："}
_TO_ASCII = {
    "，": ", ",
    "。": ". ",
    "？": "? ",
    "！": "! ",
    "；": "; ",
    "：": ": ",
    "、": ", ",
    "（": " (",
    "）": ") ",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
}


def clean_translation(raw: str, source: str = "") -> str:
    """The bare translation in ``raw`` (labels, fences, quotes and notes removed)."""
    text = _TAGS.sub("", strip_frame_markers(raw)).strip()
    lines = [line for line in text.split("\n") if not _FENCE.match(line)]
    text = "\n".join(lines).strip()
    # A preface on its own line ("Here is the translation:") or in front of the answer.
    for pattern in (_PREFACE, _LABEL):
        match = pattern.match(text)
        if match and text[match.end() :].strip():
            text = text[match.end() :].strip()
    kept: list[str] = []
    for line in text.split("\n"):
        if kept and (_NOTE.match(line) or _AFTERWORD.match(line)):
            break  # notes and comments after the answer
        kept.append(line)
    text = "\n".join(kept).strip()
    text = _unquote(text, source)
    if source and not _MARKER.match(source):
        text = _MARKER.sub("", text, count=1)  # the kept prefix already carries the marker
    return text


def _unquote(text: str, source: str) -> str:
    for _ in range(2):
        if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1] and source[:1] != text[0]:
            text = text[1:-1].strip()
    return text


def one_line(text: str, target: str) -> str:
    """Join a translation the model spread over several lines (one segment = one line)."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    return ("" if target in ("zh", "ja") else " ").join(parts)


def fix_punctuation(text: str, target: str) -> str:
    """Full-width punctuation in Chinese/Japanese, ASCII punctuation elsewhere."""
    if target in ("zh", "ja"):

        def full(match: re.Match[str]) -> str:
            before, mark = match.group(1), match.group(2)
            return before + _TO_FULL_WIDTH.get(mark, "。")

        # Only marks that follow a CJK character (keeps "3.5", "e.g.", URLs and English names).
        text = re.sub(rf"([{cjk.HAN}])\s*([,?!;:.])(?!\d)\s*", full, text)
        return text
    if not cjk.LETTER_RE.search(text):  # nothing CJK left: convert stray full-width marks
        for mark, ascii_mark in _TO_ASCII.items():
            text = text.replace(mark, ascii_mark)
        text = re.sub(r" +([,.?!;:)])", r"\1", text)
        text = re.sub(r"\( +", "(", text)
        text = re.sub(r" {2,}", " ", text).strip()
    return text


def _has_term(text: str, term: str) -> bool:
    """Case-insensitive; whole words for alphabetic terms (so "art" is not in "start")."""
    if re.fullmatch(r"[A-Za-z0-9][\w' -]*", term):
        return (
            re.search(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", text, re.IGNORECASE)
            is not None
        )
    return term.lower() in text.lower()


def relevant_terms(text: str, glossary: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The glossary pairs whose source term occurs in ``text``."""
    return [(s, t) for s, t in glossary if _has_term(text, s)]


def glossary_violations(
    source_text: str, translation: str, glossary: list[tuple[str, str]]
) -> list[dict[str, str]]:
    """Glossary pairs whose source term occurs but whose target term is missing."""
    return [
        {"term": s, "expected": t}
        for s, t in relevant_terms(source_text, glossary)
        if not _has_term(translation, t)
    ]
