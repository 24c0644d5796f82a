"""To-dos: things to do with a due date, an estimated length and a priority, linked to the run,
mail or document they came from. Stored by the store (``TodosMixin``), listed next to the week,
placed into free time by the planner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from assistant.errors import UserError

Priority = Literal["high", "normal", "low"]
Status = Literal["open", "done"]
SourceKind = Literal["", "run", "mail", "document"]
PRIORITIES: tuple[Priority, ...] = ("high", "normal", "low")
DEFAULT_ESTIMATE_MIN = 60
MAX_ESTIMATE_MIN = 7 * 24 * 60


@dataclass(frozen=True, slots=True)
class TodoDraft:
    """A to-do before it is stored (from the CLI, the Tasks list, or found by Schedule)."""

    title: str
    due: datetime | None = None  # aware; the moment it must be done by
    estimate_min: int = DEFAULT_ESTIMATE_MIN
    priority: Priority = "normal"
    source_kind: SourceKind = ""
    source_ref: str = ""  # run id, mail or document path

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise UserError("a task needs a title")
        if self.due is not None and self.due.tzinfo is None:
            raise UserError("a task's due time needs a time zone")
        if not 1 <= self.estimate_min <= MAX_ESTIMATE_MIN:
            raise UserError(
                f"estimated minutes must be 1 to {MAX_ESTIMATE_MIN}, not {self.estimate_min}"
            )
        if self.priority not in PRIORITIES:
            raise UserError(f"priority must be high, normal or low, not {self.priority!r}")


@dataclass(frozen=True, slots=True)
class Todo:
    """A stored to-do."""

    id: int
    title: str
    due: datetime | None
    estimate_min: int
    priority: Priority
    status: Status
    source_kind: SourceKind
    source_ref: str
    created_at: str  # ISO 8601, UTC
    done_at: str | None = None

    @property
    def rank(self) -> int:
        """0 for high priority, 2 for low: the planner's tie-break after the deadline."""
        return PRIORITIES.index(self.priority)


def due_from_phrase(phrase: str, *, now: datetime, tz: str) -> datetime:
    """The due moment a person wrote ("friday", "by Friday 5pm", "月底前", ISO): a date alone
    means the end of that day. Raises ``UserError`` (``ImpossibleDate`` for "2月30日")."""
    from datetime import timedelta

    from assistant.calendar.resolver import resolve

    text = phrase.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        found = resolve(text, reference=now, tz=tz)
    else:
        from zoneinfo import ZoneInfo

        return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))
    if found is None or (found.due is None and found.start is None):
        raise UserError(f"cannot read a due date in {phrase!r}", hint="try 'friday 5pm' or ISO")
    if found.due is not None:
        return found.due
    assert found.start is not None
    if found.end is not None:
        return found.end  # "next week": by its end
    if found.granularity == "date":
        return found.start + timedelta(days=1)
    return found.start
