"""`deskmate eval --task date-specs`: the date/time resolver on Recognizers-Text DateTime specs.

Every gold result of a spec item is one case: the resolver gets the result's text (the phrase as
written, as the model copies it into ``when_text``) and the reference time; the case passes when
the resolution matches one of the gold values. Pass rates are reported by language and category
("en:date", "zh:daterange"...); the headline is the share of the categories a calendar needs.

Data (under ``--data``): ``calendar/recognizers_datetime_{english,chinese}_dev.jsonl`` (the dev
sets) and, when the project owner has placed them, the whole specs as
``calendar/recognizers_specs/{English,Chinese}/DateTimeModel.json``. Items the reference .NET
implementation itself does not pass (``NotSupported`` naming dotnet) are left out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.calendar import ImpossibleDate, Resolution, resolve
from assistant.errors import EvalDataError
from assistant.eval.spec import EvalContext, EvalTask

TZ = "UTC"
CALENDAR_KINDS = ("date", "daterange", "time", "timerange", "datetime", "datetimerange")
DEV_SETS = {
    "en": "recognizers_datetime_english_dev.jsonl",
    "zh": "recognizers_datetime_chinese_dev.jsonl",
}
SPEC_DIRS = {"en": "English", "zh": "Chinese"}


@dataclass(frozen=True)
class Case:
    text: str
    reference: datetime
    lang: str  # en | zh
    kind: str  # date, daterange, time, ..., set, duration
    values: tuple[dict[str, Any], ...]

    @property
    def category(self) -> str:
        return f"{self.lang}:{self.kind}"


def _items(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalDataError(f"not a Recognizers-Text spec file: {path}", hint=str(exc)) from exc
    if not isinstance(loaded, list):
        raise EvalDataError(f"not a Recognizers-Text spec file: {path}", hint="expected a list")
    return loaded


def load_cases(path: Path, lang: str) -> list[Case]:
    """The cases of one spec file (DateTimeModel format, .json list or .jsonl)."""
    cases = []
    for item in _items(path):
        context = item.get("Context") or {}
        if "ReferenceDateTime" not in context or "dotnet" in item.get("NotSupported", ""):
            continue  # without a reference the gold depends on the day the spec was written
        ref = datetime.fromisoformat(context["ReferenceDateTime"])
        for result in item.get("Results", []):
            type_name = result.get("TypeName") or result.get("Typename") or ""
            kind = type_name.removeprefix("datetimeV2.")
            values = tuple(result.get("Resolution", {}).get("values", ()))
            if kind and values:
                cases.append(Case(result["Text"], ref, lang, kind, values))
    return cases


def load(data_dir: Path, limit: int | None) -> list[Case]:
    """Dev sets, plus the whole specs when present; the first ``limit`` cases."""
    calendar = data_dir / "calendar"
    files = [(calendar / name, lang) for lang, name in DEV_SETS.items()]
    for lang, folder in SPEC_DIRS.items():
        spec = calendar / "recognizers_specs" / folder / "DateTimeModel.json"
        if spec.is_file():
            files.append((spec, lang))
    missing = [str(path) for path, _ in files if not path.is_file()]
    if missing:
        raise EvalDataError(f"date specs missing: {', '.join(missing)}", hint="check --data")
    cases: list[Case] = []
    for path, lang in files:
        cases.extend(load_cases(path, lang))
    return cases[:limit]


def resolve_case(case: Case) -> Resolution | None:
    """The resolver's answer; an impossible date counts as "not resolved"."""
    try:
        return resolve(case.text, reference=case.reference, tz=TZ)
    except ImpossibleDate:
        return None


def _same(ours: datetime | None, gold: str | None, kind: str) -> bool:
    if gold is None:
        return True
    if ours is None:
        return False
    layout = {"time": "%H:%M:%S", "date": "%Y-%m-%d"}.get(kind, "%Y-%m-%d %H:%M:%S")
    return ours.replace(tzinfo=None).strftime(layout) == gold


def _lunar_matches(res: Resolution, written: str) -> bool:
    if res.lunar is None or res.lunar.isoformat() != written[:10]:
        return False
    return len(written) == 10 or _same(res.start, written[11:], "time")


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
        return _lunar_matches(res, value["value"])
    if kind in ("date", "datetime", "time"):
        return res.mod is None and _same(res.start, value.get("value"), kind)
    base = {"daterange": "date", "datetimerange": "datetime", "timerange": "time"}.get(kind)
    if base is None:
        return False  # a kind the calendar does not resolve (time zones)
    mod = value.get("Mod")
    if mod in ("before", "after", "since") and res.mod != mod:
        return False
    if mod is None and res.mod is not None:
        return False
    return _same(res.start, value.get("start"), base) and _same(res.end, value.get("end"), base)


def passed(case: Case, res: Resolution | None) -> bool:
    return any(matches(res, value) for value in case.values)


def pass_rates(cases: Sequence[Case], outputs: Sequence[Resolution | None]) -> dict[str, float]:
    """Pass rate in % by category ("en:date"), "en:calendar" / "zh:calendar" (the kinds a calendar
    needs, per language; issue 16's target is 90 % in each), "calendar" (both) and "all"."""
    totals: dict[str, list[int]] = {}
    for case, res in zip(cases, outputs, strict=True):
        ok = int(passed(case, res))
        keys = [case.category, "all"]
        if case.kind in CALENDAR_KINDS:
            keys += ["calendar", f"{case.lang}:calendar"]
        for key in keys:
            seen = totals.setdefault(key, [0, 0])
            seen[0] += ok
            seen[1] += 1
    return {key: 100 * ok / total for key, (ok, total) in sorted(totals.items())}


def _run(context: EvalContext, system: str, case: Case) -> Resolution | None:
    return resolve_case(case)


TASK = EvalTask(
    name="date-specs",
    description="date/time resolver on the Recognizers-Text DateTime specs (en, zh)",
    systems=("resolver",),
    load=load,
    run=_run,
    score=pass_rates,
    headline="calendar",
)
