"""Date resolution: exact match of the resolved start on the Recognizers-Text DateTime specs.
The pipeline is Deskmate's resolver (code, no model); plain prompting asks the model for the
start as an ISO date and time. Both get the same phrase and the same reference time."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from assistant.errors import EvalDataError
from assistant.eval.data import data_file, limited, read_jsonl
from assistant.eval.plain import ask_plain
from assistant.eval.spec import EvalContext, EvalTask

SYSTEMS = ("plain", "pipeline")
FILES = {
    "en": "calendar/recognizers_datetime_english_dev.jsonl",
    "zh": "calendar/recognizers_datetime_chinese_dev.jsonl",
}
# gold type -> what of the start is compared: the day, the day and the time, or the time
COMPARED = {
    "date": "date", "daterange": "date",
    "datetime": "datetime", "datetimerange": "datetime",
    "time": "time", "timerange": "time",
}  # fmt: skip
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Case:
    phrase: str
    reference: datetime
    gold: tuple[tuple[str, str], ...]  # (compared part, gold start); several when ambiguous


@dataclass(frozen=True, slots=True)
class Start:
    date: str | None  # YYYY-MM-DD
    time: str | None  # HH:MM:SS
    correct: bool


def _gold(result: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    found = []
    for value in result.get("Resolution", {}).get("values", []):
        kind = str(value.get("type"))
        part = COMPARED.get(kind)
        start = value.get("start") if kind.endswith("range") else value.get("value")
        if part and start and start != "not resolved" and value.get("isLunar") != "True":
            found.append((part, str(start)))
    return tuple(found)


def load(language: str, root: Path, limit: int | None) -> list[Case]:
    path = data_file(root, FILES[language])
    cases = []
    for row in read_jsonl(path, ("Context", "Results")):
        try:
            reference = datetime.fromisoformat(row["Context"]["ReferenceDateTime"])
            for result in row["Results"]:
                gold = _gold(result)
                if gold:  # durations, recurrences and open ranges have no start to compare
                    cases.append(Case(str(result["Text"]), reference, gold))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalDataError(f"{path}: a malformed case ({exc!r})") from exc
    return limited(cases, limit, "phrases with a start date", path)


def matches(date: str | None, time: str | None, gold: tuple[tuple[str, str], ...]) -> bool:
    for part, value in gold:
        if part == "time":
            ok = time == value[-8:]
        elif part == "date":
            ok = date == value[:10]
        else:
            ok = date == value[:10] and (time or "00:00:00") == value[11:19]
        if ok:
            return True
    return False


def parse_start(text: str) -> tuple[str | None, str | None]:
    """The first ISO date and the first time in a model's answer."""
    day = _DATE.search(text)
    date = f"{int(day[1]):04d}-{int(day[2]):02d}-{int(day[3]):02d}" if day else None
    rest = text[day.end() :] if day else text
    clock = _TIME.search(rest)
    time = f"{int(clock[1]):02d}:{clock[2]}:{clock[3] or '00'}" if clock else None
    return date, time


def plain_start(ctx: EvalContext, case: Case) -> tuple[str | None, str | None]:
    prompt = (
        f"The current date and time is {case.reference:%Y-%m-%d %H:%M} ({case.reference:%A}). "
        f'When does "{case.phrase}" start? Answer with only the date and time as '
        "YYYY-MM-DD HH:MM:SS."
    )
    return parse_start(ask_plain(ctx, prompt, 32))


def resolver_start(case: Case) -> tuple[str | None, str | None]:
    from assistant.calendar import resolve

    found = resolve(case.phrase, reference=case.reference, tz="UTC")
    if found is None or found.start is None:
        return None, None
    return f"{found.start:%Y-%m-%d}", f"{found.start:%H:%M:%S}"


def run(ctx: EvalContext, system: str, case: Case) -> Start:
    date, time = plain_start(ctx, case) if system == "plain" else resolver_start(case)
    return Start(date, time, matches(date, time, case.gold))


def score(items: Sequence[Case], outputs: Sequence[Start]) -> dict[str, float]:
    n = len(outputs)
    return {
        "accuracy": 100 * sum(s.correct for s in outputs) / n,
        "answered": 100 * sum(s.date is not None or s.time is not None for s in outputs) / n,
    }


TASKS = tuple(
    EvalTask(
        name=f"dates-{language}",
        description=f"{what} date/time phrases, start resolved (Recognizers-Text specs)",
        systems=SYSTEMS,
        load=partial(load, language),
        run=run,
        score=score,
        headline="accuracy",
    )
    for language, what in (("en", "English"), ("zh", "Chinese"))
)
