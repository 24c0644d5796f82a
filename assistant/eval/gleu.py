"""GLEU for grammatical error correction (Napoles et al. 2015, the 2016 "GLEU+" revision).

Per sentence and n = 1..4: the hypothesis n-grams found in the reference, minus those it keeps
from the source that the reference left out (source n-grams absent from the reference), over
the hypothesis n-grams. Corpus GLEU sums these over sentences, takes the geometric mean of the
four precisions and a brevity penalty. With several references, one is drawn per sentence and
the score is averaged over ``iterations`` draws (seeded, as the reference implementation does).
This follows ``compute_gleu`` of cnap/gec-ranking; it is written here to score any subset
(the eval runner's bootstrap) with our own tokenisation (words for English, characters for
Chinese).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence

ORDER = 4


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def sentence_stats(
    source: Sequence[str], reference: Sequence[str], hypothesis: Sequence[str]
) -> list[int]:
    """[hyp length, ref length, then (numerator, denominator) for n = 1..4]."""
    stats = [len(hypothesis), len(reference)]
    for n in range(1, ORDER + 1):
        hyp, ref, src = _ngrams(hypothesis, n), _ngrams(reference, n), _ngrams(source, n)
        src_only = Counter({g: c for g, c in src.items() if g not in ref})
        matched = sum((hyp & ref).values()) - sum((hyp & src_only).values())
        stats += [max(matched, 0), max(len(hypothesis) + 1 - n, 0)]
    return stats


def _score(stats: list[int]) -> float:
    hyp_len, ref_len = stats[0], stats[1]
    if hyp_len == 0:
        return 0.0
    logs = []
    for numerator, denominator in zip(stats[2::2], stats[3::2], strict=True):
        if denominator == 0:
            continue  # no n-grams of this order in the whole corpus: nothing to score
        if numerator == 0:
            return 0.0
        logs.append(math.log(numerator / denominator))
    precision = sum(logs) / len(logs) if logs else 0.0
    return math.exp(min(0.0, 1 - ref_len / hyp_len) + precision)


def corpus_gleu(
    sources: Sequence[Sequence[str]],
    references: Sequence[Sequence[Sequence[str]]],
    hypotheses: Sequence[Sequence[str]],
    *,
    iterations: int = 200,
    seed: int = 0,
) -> float:
    """Corpus GLEU of tokenised ``hypotheses`` (one list of references per sentence)."""
    if not hypotheses:
        return 0.0
    per_ref = [
        [sentence_stats(s, r, h) for r in refs]
        for s, refs, h in zip(sources, references, hypotheses, strict=True)
    ]
    single = all(len(refs) == 1 for refs in per_ref)
    rng = random.Random(seed)
    scores = []
    for _ in range(1 if single else iterations):
        total = [0] * (2 + 2 * ORDER)
        for options in per_ref:
            chosen = options[rng.randrange(len(options))]
            total = [a + b for a, b in zip(total, chosen, strict=True)]
        scores.append(_score(total))
    return sum(scores) / len(scores)
