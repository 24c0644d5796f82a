"""GLEU for grammatical error correction (Napoles et al. 2015, the 2016 "GLEU+" revision).

Per sentence and n = 1..4: the hypothesis n-grams found in the reference, minus those it keeps
from the source that the reference left out (source n-grams absent from the reference), over
the hypothesis n-grams. Corpus GLEU sums these over sentences, takes the geometric mean of the
four precisions and a brevity penalty. With several references, one is drawn per sentence and
the score is averaged over ``iterations`` draws (seeded, as the reference implementation does).
This follows ``compute_gleu`` of cnap/gec-ranking; it is written here to score any subset
(the eval runner's bootstrap) with our own tokenisation (words for English, characters for
Chinese).

Speed: the bootstrap scores a thousand resamples, each averaging 200 reference draws. The
n-gram statistics of each (sentence, reference) pair are computed once (``item_stats``, cached
by the caller), and a corpus score only sums those counts: the draws of one seed are drawn once
per sequence of reference counts, with the same ``random.Random`` calls as a plain loop, so the
result is exactly that of summing ``sentence_stats`` draw by draw.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

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


def _scores(totals: NDArray[np.int64]) -> list[float]:
    """Corpus GLEU of each draw (rows: a draw's summed stats): the geometric mean of the four
    precisions times the brevity penalty, 0 when an order has no match at all.

    The hypothesis length and the denominators are the same in every draw (they depend on the
    hypotheses only). Logs are added order by order, as a plain loop adds them, so each score is
    the same float as one computed draw by draw.
    """
    import numpy as np

    hyp_len = int(totals[0, 0])
    if hyp_len == 0:
        return [0.0] * len(totals)
    denominators = totals[0, 3::2]
    scored = np.flatnonzero(denominators)  # an order with no n-grams in the corpus: unscored
    precision = np.zeros(len(totals))
    with np.errstate(divide="ignore"):  # log(0) = -inf: no match, the score is exp(-inf) = 0
        logs = [np.log(totals[:, 2 + 2 * n] / denominators[n]) for n in scored]
    if logs:
        precision = sum(logs[1:], logs[0]) / len(logs)
    brevity = np.minimum(0.0, 1 - totals[:, 1] / hyp_len)
    scores: list[float] = np.exp(brevity + precision).tolist()
    return scores


def item_stats(
    source: Sequence[str], references: Sequence[Sequence[str]], hypothesis: Sequence[str]
) -> NDArray[np.int64]:
    """``sentence_stats`` against each reference: one row per reference."""
    import numpy as np

    rows = [sentence_stats(source, reference, hypothesis) for reference in references]
    return np.array(rows, dtype=np.int64).reshape(len(rows), 2 + 2 * ORDER)


def corpus_gleu(
    sources: Sequence[Sequence[str]],
    references: Sequence[Sequence[Sequence[str]]],
    hypotheses: Sequence[Sequence[str]],
    *,
    iterations: int = 200,
    seed: int = 0,
) -> float:
    """Corpus GLEU of tokenised ``hypotheses`` (one list of references per sentence)."""
    per_item = [
        item_stats(s, refs, h) for s, refs, h in zip(sources, references, hypotheses, strict=True)
    ]
    return gleu_from_stats(per_item, iterations=iterations, seed=seed)


def gleu_from_stats(
    per_item: Sequence[NDArray[np.int64]], *, iterations: int = 200, seed: int = 0
) -> float:
    """Corpus GLEU from each sentence's ``item_stats``: per draw, one reference per sentence."""
    import numpy as np

    if not per_item:
        return 0.0
    counts = tuple(len(rows) for rows in per_item)
    single = all(count == 1 for count in counts)
    draws = _draws(counts, 1 if single else iterations, seed)
    offsets = np.cumsum((0, *counts[:-1]))
    # totals[d] = the sum over sentences of the chosen reference's row, in draw d.
    totals = np.concatenate(per_item)[draws + offsets].sum(axis=1)
    scores = _scores(totals)
    return sum(scores) / len(scores)


@lru_cache(maxsize=64)
def _draws(counts: tuple[int, ...], iterations: int, seed: int) -> NDArray[np.int64]:
    """The chosen reference of each sentence in each draw (the same rng calls, in the same
    order, as drawing sentence by sentence). A bootstrap resample of sentences that all have
    as many references (JFLEG: 4) asks for the same draws again."""
    import numpy as np

    rng = random.Random(seed)
    chosen = [[rng.randrange(count) for count in counts] for _ in range(iterations)]
    draws = np.array(chosen, dtype=np.int64).reshape(iterations, len(counts))
    draws.flags.writeable = False  # shared by every caller of the cache
    return draws
