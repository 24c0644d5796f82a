"""Words for full-text search: Chinese segmented with jieba, other scripts split as they are.

The same segmentation is applied to what is indexed and to queries, so a two-character Chinese
word ("隐私") is a term of both. Indexing uses jieba's search mode, which also emits the shorter
words inside a long one ("自动回复" gives 自动, 回复, 自动回复), so a query for a part finds the
whole. SQLite's FTS5 (``porter unicode61``) then lowercases and stems the English words.

jieba loads its dictionary (~1 s) on first use; it is imported lazily and once.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable
from typing import Any

_WORD = re.compile(r"\w", re.UNICODE)
_lock = threading.Lock()
_jieba: Any = None
SQL_FUNCTION = "deskmate_words"


def _segmenter() -> Any:
    global _jieba
    with _lock:
        if _jieba is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" lines on stderr
            jieba.initialize()
            _jieba = jieba
        return _jieba


def _terms(text: str) -> Iterable[str]:
    for piece in _segmenter().cut_for_search(text):
        piece = piece.strip()
        if piece and _WORD.search(piece):
            yield piece


def index_text(text: str) -> str:
    """``text`` as space-separated words, for the FTS5 index."""
    return " ".join(_terms(text or ""))


def query_terms(query: str) -> list[str]:
    """The distinct words of a query, in order, lowercased."""
    seen: dict[str, None] = {}
    for term in _terms(query):
        seen.setdefault(term.lower(), None)
    return list(seen)


# Words that say nothing of a text's subject: a partial (any-word) match on them alone would
# return nearly every chunk. They still count when every word of a query must match.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "you",
        "your",
        "we",
        "our",
        "i",
        "my",
        "me",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "not",
        "no",
        "do",
        "does",
        "的",
        "了",
        "和",
        "是",
        "在",
        "与",
        "及",
        "或",
        "也",
        "就",
        "都",
        "而",
        "这",
        "那",
        "有",
        "我",
        "你",
        "他",
        "她",
        "它",
        "们",
        "吗",
        "呢",
        "吧",
        "啊",
        "一个",
    ]
)


def content_terms(terms: Iterable[str]) -> list[str]:
    """``terms`` without function words (for a partial match)."""
    return [t for t in terms if t.lower() not in FUNCTION_WORDS]


def fts_match(terms: Iterable[str], *, any_term: bool = False) -> str:
    """An FTS5 query: each term quoted (operators in user text stay literal), ANDed or ORed."""
    joiner = " OR " if any_term else " "
    return joiner.join('"' + term.replace('"', '""') + '"' for term in terms)


def register(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the ``deskmate_words(text)`` function the index triggers call."""
    conn.create_function(SQL_FUNCTION, 1, index_text, deterministic=True)
