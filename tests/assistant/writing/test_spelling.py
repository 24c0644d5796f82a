"""Spelling fixes a word list can vouch for, and sentence case (English, no model)."""

from __future__ import annotations

import pytest

from assistant.writing.diff import Hunk, diff_texts
from assistant.writing.spelling import distance, is_spelling_fix, sentence_case


def _hunk(old: str, new: str) -> Hunk:
    (hunk,) = diff_texts(f"so {old} it", f"so {new} it").hunks
    return hunk


@pytest.mark.parametrize(
    ("old", "new"),
    [("brougth", "brought"), ("knowlegde", "knowledge"), ("seperate", "separate"),
     ("Effel", "Eiffel")],
)  # fmt: skip
def test_an_unknown_word_replaced_by_a_near_known_one_is_a_spelling_fix(old: str, new: str) -> None:
    assert is_spelling_fix(_hunk(old, new))


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("brought", "bought", "a known word: a change of meaning, not a typo"),
        ("Jon", "John", "a known name"),
        ("thinmg", "thinking", "too far apart"),
        ("imidiatly", "immediatly", "the fix is no known word either"),
        ("teh", "The", "the capital changed"),
        ("wechat", "we chat", "one word became two"),
        ("qwzx", "quiz", "unknown, but more than two letters away"),
        ("ok", "OK", "too short to judge"),
    ],
)
def test_other_edits_are_not_spelling_fixes(old: str, new: str, why: str) -> None:
    assert not is_spelling_fix(_hunk(old, new)), why


def test_distance() -> None:
    assert distance("brougth", "brought") == 2
    assert distance("kitten", "sitting") == 3
    assert distance("", "abc") == 3 and distance("same", "same") == 0


@pytest.mark.parametrize(
    ("text", "cased"),
    [
        ("therefore i brougth a car.", "Therefore I brougth a car."),
        ("Yesterday i went home and i'm tired.", "Yesterday I went home and I'm tired."),
        ('"so we go now."', '"So we go now."'),
        ("for example: a man is here.", "For example: a man is here."),
        ("iPhone sales rose this year.", "iPhone sales rose this year."),
        ("http://example.com is the site.", "http://example.com is the site."),
        ("the i-th item is wrong.", "The i-th item is wrong."),
        ("buy milk", "buy milk"),  # a list item, not a sentence
        ("see you i guess", "see you i guess"),  # no sentence end: left as typed
    ],
)
def test_sentence_case(text: str, cased: str) -> None:
    assert sentence_case(text) == cased
