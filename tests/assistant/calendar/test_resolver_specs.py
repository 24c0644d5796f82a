"""The structure of the ``dates`` eval task that scores the resolver on Recognizers-Text's
DateTime specs by category (``assistant/eval/date_specs_eval.py``; rates in docs/DATES.md).

The spec files cannot be committed here (fetched from a public repository) and no PyPI or npm
package ships them. Once the project owner places them under
``../shared/corpus/calendar/recognizers_specs/{English,Chinese}/DateTimeModel.json``, a test with
per-category floors can run them in `make test`; until then nothing here pretends to.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from assistant.eval.date_specs_eval import TASK, Case


def test_eval_task_structure_on_a_toy_set(tmp_path: Path) -> None:
    ref = datetime(2024, 5, 15, 10, 0)
    good = Case("tomorrow", ref, "en", "date", ({"type": "date", "value": "2024-05-16"},))
    wrong = Case("明天", ref, "zh", "date", ({"type": "date", "value": "2030-01-01"},))
    impossible = Case("2月30日", ref, "zh", "date", ({"type": "date", "value": "not resolved"},))
    items = [good, wrong, impossible]
    outputs = [TASK.run(None, "resolver", case) for case in items]  # type: ignore[arg-type]
    rates = TASK.score(items, outputs)
    assert rates["en:date"] == 1.0 and rates["zh:date"] == 0.5
    assert TASK.headline in rates and rates["all"] == pytest.approx(2 / 3)
    with pytest.raises(Exception, match="date specs missing"):
        TASK.load(tmp_path, None)
