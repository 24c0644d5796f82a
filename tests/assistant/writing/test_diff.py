"""Change hunks: words for English, characters for Chinese, accept/reject any subset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.writing.diff import (
    apply_hunks,
    common_hunks,
    diff_texts,
    tokenize,
    unified_diff,
)

_TEXT = st.text(alphabet="ab cd,.的了是我你\n", max_size=40)


def test_english_by_words_chinese_by_characters() -> None:
    diff = diff_texts("I has a apple. 我明天去北京。", "I have an apple. 我明天要去北京。")
    olds_news = [(h.kind, h.old, h.new) for h in diff.hunks]
    assert olds_news == [("replace", "has a", "have an"), ("insert", "", "要")]
    first = diff.hunks[0]
    assert diff.original[first.start : first.end] == "has a"


def test_a_correct_text_has_no_hunks() -> None:
    diff = diff_texts("All is well.", "All is well.")
    assert diff.hunks == () and diff.changed_share() == 0.0


def test_rewrite_share_is_large() -> None:
    assert diff_texts("the cat sat on the mat", "dogs run in parks daily").changed_share() == 1.0


@given(_TEXT)
def test_tokens_join_back(text: str) -> None:
    assert "".join(tokenize(text)) == text


@given(_TEXT, _TEXT, st.sets(st.integers(0, 20)))
def test_accepting_any_subset(original: str, revised: str, accepted: set[int]) -> None:
    diff = diff_texts(original, revised)
    assert diff.apply({h.index for h in diff.hunks}) == revised == diff.accept_all()
    assert diff.apply(set()) == original == diff.reject_all()
    partial = diff.apply(accepted)
    assert partial == apply_hunks(original, [h for h in diff.hunks if h.index in accepted])
    for hunk in diff.hunks:  # each hunk's span is where its old text is
        assert original[hunk.start : hunk.end] == hunk.old


@given(_TEXT, _TEXT)
def test_agreement_with_itself_is_the_revision(original: str, revised: str) -> None:
    assert apply_hunks(original, common_hunks(original, revised, revised)) == revised


def test_only_shared_edits_are_kept() -> None:
    agreed = common_hunks("I has a apple", "I have an apple", "I have a apple")
    assert apply_hunks("I has a apple", agreed) == "I have a apple"


def test_unified_diff() -> None:
    out = unified_diff("one\ntwo\n", "one\n2\n")
    assert "-two\n" in out and "+2\n" in out and out.startswith("--- text (original)")
    assert unified_diff("same", "same") == ""
