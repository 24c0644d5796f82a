"""Score ``resolve`` on the Recognizers-Text DateTime specs in the shared corpus.

Every gold result is one case: the resolver gets the result's text (the phrase as written, as
the model copies it into ``when_text``) and the reference time; the case passes if the resolution
matches one of the gold values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.calendar import Resolution, resolve

TZ = "UTC"


@dataclass(frozen=True)
class Case:
    text: str
    reference: datetime
    type_name: str
    values: tuple[dict[str, Any], ...]


def load_cases(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        ref = datetime.fromisoformat(item["Context"]["ReferenceDateTime"])
        for result in item["Results"]:
            values = tuple(result["Resolution"]["values"])
            cases.append(Case(result["Text"], ref, result["TypeName"], values))
    return cases


def _naive(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=None) if value is not None else None


def _same(ours: datetime | None, gold: str | None, kind: str) -> bool:
    if gold is None:
        return True
    if ours is None:
        return False
    if kind == "time":
        return ours.strftime("%H:%M:%S") == gold
    if kind == "date":
        return ours.strftime("%Y-%m-%d") == gold
    return ours.strftime("%Y-%m-%d %H:%M:%S") == gold


def matches(res: Resolution | None, value: dict[str, Any]) -> bool:
    kind = value["type"]
    if value.get("value") == "not resolved" and kind != "set":
        return res is None
    if res is None:
        return False
    if kind == "set":
        return res.rrule is not None
    if kind == "duration":
        return res.duration is not None and res.duration.total_seconds() == float(value["value"])
    if value.get("isLunar") == "True":  # the gold value is the lunar date as written
        written = value["value"]
        if res.lunar is None or res.lunar.isoformat() != written[:10]:
            return False
        return len(written) == 10 or (
            res.start is not None and _same(res.start, written[11:], "time")
        )
    start, end = _naive(res.start), _naive(res.end)
    if kind in ("date", "datetime", "time"):
        return res.mod is None and _same(start, value["value"], kind)
    base = {"daterange": "date", "datetimerange": "datetime", "timerange": "time"}[kind]
    mod = value.get("Mod")
    if mod in ("before", "after", "since") and res.mod != mod:
        return False
    if mod is None and res.mod is not None:
        return False
    return _same(start, value.get("start"), base) and _same(end, value.get("end"), base)


def score(path: Path) -> tuple[int, int, list[str]]:
    cases = load_cases(path)
    failures = []
    for case in cases:
        res = resolve(case.text, reference=case.reference, tz=TZ)
        if not any(matches(res, value) for value in case.values):
            got = None if res is None else (res.start, res.end, res.duration, res.mod, res.rrule)
            failures.append(f"{case.text!r} @ {case.reference:%Y-%m-%d %H:%M} -> {got}")
    return len(cases) - len(failures), len(cases), failures
