"""ROUGE-L F1: the longest common subsequence of words (each CJK character a word) between a
candidate and a reference; with several references, the best match counts."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.tasks.quality import tokens


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (one row of the table at a time)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: str, references: Sequence[str]) -> float:
    """ROUGE-L F1 in 0-1 against the closest of ``references``."""
    ours = tokens(candidate)
    best = 0.0
    for reference in references:
        theirs = tokens(reference)
        common = lcs_length(ours, theirs)
        if common:
            precision, recall = common / len(ours), common / len(theirs)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best
