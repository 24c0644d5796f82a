"""Score ``resolve`` on a Recognizers-Text DateTime spec file (the logic lives in the eval task
``assistant.eval.date_specs_eval``; this is the test's view of it)."""

from __future__ import annotations

from pathlib import Path

from assistant.eval.date_specs_eval import load_cases, passed, resolve_case


def score(path: Path, lang: str) -> tuple[int, int, list[str]]:
    cases = load_cases(path, lang)
    failures = []
    for case in cases:
        res = resolve_case(case)
        if not passed(case, res):
            got = None if res is None else (res.start, res.end, res.duration, res.mod, res.rrule)
            failures.append(f"{case.text!r} @ {case.reference:%Y-%m-%d %H:%M} -> {got}")
    return len(cases) - len(failures), len(cases), failures
