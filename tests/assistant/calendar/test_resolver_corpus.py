"""Score of the date/time resolver on the Recognizers-Text specs (shared corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assistant.calendar.scoring import score


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_resolver_scores_at_least_90_percent(corpus: Path, language: str) -> None:
    path = corpus / "calendar" / f"recognizers_datetime_{language}_dev.jsonl"
    ok, total, failures = score(path, "en" if language == "english" else "zh")
    print(f"\ndate resolver, {language}: {ok}/{total} = {ok / total:.1%}")
    for line in failures:
        print("  miss:", line)
    assert total >= 50
    assert ok / total >= 0.90
