"""chrF of the translation pipeline against plain prompting of the same model (real 0.5B)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.tasks.translate_eval import evaluate, read_pairs

pytestmark = pytest.mark.model

SAMPLE = 40  # sentence pairs per direction: 12 and 20 were within noise of each other


def test_pipeline_is_not_worse_than_plain_prompting(
    core: Any, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = read_pairs(corpus / "translation" / "tatoeba_cmn-eng_sample.tsv", SAMPLE)
    assert len(rows) == SAMPLE
    results = evaluate(core, rows)
    with capsys.disabled():  # the figures go to the test log even without -s
        print()
        for result in results:
            print(f"translation chrF (tatoeba cmn-eng, 0.5B) {result.describe()}")
    assert [r.direction for r in results] == ["en->zh", "zh->en"]
    for result in results:
        assert result.sentences == SAMPLE
        assert result.pipeline_chrf > 0
        # No tolerance: the pipeline must match or beat plain prompting in each direction.
        assert result.pipeline_chrf >= result.plain_chrf, result.describe()
