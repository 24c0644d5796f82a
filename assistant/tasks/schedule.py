"""Schedule suggestions from free text, an email or a document.

The model only extracts items as JSON (constrained by ``SUGGESTION_SCHEMA``) and copies each
date phrase as written; dates are resolved in code against a reference time and the user's
time zone. Suggestions are checked against stored events for conflicts; tasks without a time
get free-slot proposals inside working hours.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.errors import EmptyDocument, UserError
from assistant.llm.params import ChatMessage, GenParams
from assistant.task_events import Done, Progress, Status, TaskEvent
from assistant.tasks.chat import chat_answer
from assistant.tasks.recording import recorded
from assistant.tasks.schedule_plan import PlannedSuggestion, Span

if TYPE_CHECKING:
    from assistant.calendar import CalEvent, Suggestion
    from assistant.calendar.todo import SourceKind
    from assistant.host import TaskHost

DEFAULT_MINUTES = 60


@dataclass(frozen=True, slots=True)
class ScheduleOptions:
    now: datetime | None = None  # reference time; default: now in ``tz``
    tz: str = ""  # IANA zone; default: setting, else the system's
    max_tokens: int | None = None


def system_zone() -> str:
    import tzlocal

    try:
        return str(tzlocal.get_localzone_name() or "UTC")
    except Exception:  # tzlocal raises several kinds on odd systems: UTC is the safe answer
        return "UTC"


def resolve_zone(core: TaskHost, requested: str) -> str:
    name = requested or core.settings.get_str("time_zone") or system_zone()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserError(
            f"unknown time zone {name!r}", hint="use an IANA name like Asia/Shanghai"
        ) from exc
    return name


_EXAMPLE = {
    "en": (
        "Dinner with Tom on Friday at 7pm at Luigi's. Also send the slides to Maria.",
        '{"items": [{"kind": "event", "title": "Dinner with Tom", "when_text": "Friday at 7pm", '
        '"duration_min": null, "location": "Luigi\'s", "participants": ["Tom"]}, {"kind": '
        '"task", "title": "Send the slides to Maria", "when_text": "", "duration_min": null, '
        '"location": "", "participants": ["Maria"]}]}',
    ),
    "zh": (
        "周五晚上七点和老张在川菜馆吃饭。另外把幻灯片发给小李。",
        '{"items": [{"kind": "event", "title": "和老张吃饭", "when_text": "周五晚上七点", '
        '"duration_min": null, "location": "川菜馆", "participants": ["老张"]}, {"kind": '
        '"task", "title": "把幻灯片发给小李", "when_text": "", "duration_min": null, '
        '"location": "", "participants": ["小李"]}]}',
    ),
}
_EXTRACT_SYSTEM = (
    "You extract calendar items from text and answer only with JSON. Each item is a meeting, "
    "appointment, deadline or task the text asks for. For when_text copy the exact date/time "
    "words of the text; never compute or reformat dates. Use an empty when_text when the "
    "text gives no time for the item. Never invent items, times or places."
)


def extraction_messages(text: str, *, reference: datetime) -> list[ChatMessage]:
    """Rules, one worked example in the text's script, then the text and the task after it."""
    from assistant.calendar.resolver import detect_lang
    from assistant.framing import frame_untrusted

    example_text, example_json = _EXAMPLE[detect_lang(text)]

    def task(day: datetime) -> str:
        return (
            f"Today is {day:%A %Y-%m-%d}. Task: list every event and task in the text above as "
            'JSON: {"items": [{"kind": "event" or "task", "title": "...", "when_text": "...", '
            '"duration_min": minutes or null, "location": "...", "participants": ["..."]}]}.'
        )

    return [
        {"role": "system", "content": _EXTRACT_SYSTEM},
        {
            "role": "user",
            "content": f"{frame_untrusted(example_text, 'text')}\n\n{task(reference)}",
        },
        {"role": "assistant", "content": example_json},
        {"role": "user", "content": f"{frame_untrusted(text, 'text')}\n\n{task(reference)}"},
    ]


def _source_text(core: TaskHost, source: Path | str) -> str:
    max_bytes = core.settings.max_file_bytes()
    if isinstance(source, Path) and source.suffix.lower() == ".eml":
        from assistant.mail import parse_email

        mail = parse_email(source, max_bytes=max_bytes)
        return f"Subject: {mail.subject}\n\n{mail.newest or mail.body_text}"
    from assistant.documents import load_source

    return load_source(source, max_bytes=max_bytes).text


def suggestion_uid(title: str, start: datetime, end: datetime) -> str:
    """A stable uid: accepting the same suggestion twice stores one event, not two."""
    key = f"{title}\n{start.isoformat()}\n{end.isoformat()}".encode()
    return hashlib.sha256(key).hexdigest()[:24] + "@deskmate"


def to_event(s: Suggestion, tz: str) -> CalEvent | None:
    from assistant.calendar import CalEvent

    start = s.start
    if start is None:
        return None
    end = s.end or start + timedelta(minutes=s.duration_min or DEFAULT_MINUTES)
    all_day = s.resolution is not None and s.resolution.granularity == "date"
    if all_day and s.end is None:
        end = start + timedelta(days=1)
    return CalEvent(
        uid=suggestion_uid(s.title, start, end),
        title=s.title,
        start=start,
        end=end,
        all_day=all_day,
        location=s.location,
        participants=s.participants,
        rrule=s.resolution.rrule if s.resolution else None,
    )


def plan(
    core: TaskHost, suggestions: list[Suggestion], *, tz: str, now: datetime
) -> list[dict[str, Any]]:
    """Each suggestion as a dict with its event, conflicts and free-slot proposals."""
    from assistant.calendar import find_conflicts, propose_slots
    from assistant.calendar.occurrences import instances

    horizon = now + timedelta(days=60)
    begin = now - timedelta(days=1)
    # Series (synced or imported) block each of their instances, not only the first one.
    existing = instances(core.store.events_between(begin, horizon), begin, horizon, tz)
    planned: list[dict[str, Any]] = []
    for s in suggestions:
        event = to_event(s, tz)
        item: dict[str, Any] = {
            "uid": event.uid if event else None,
            "kind": s.kind,
            "title": s.title,
            "when_text": s.when_text,
            "start": event.start.isoformat() if event else None,
            "end": event.end.isoformat() if event else None,
            "all_day": event.all_day if event else False,
            "due": s.due.isoformat() if s.due else None,
            "date_error": s.date_error,
            "location": s.location,
            "participants": list(s.participants),
            "conflicts": [],
            "proposals": [],
        }
        if event is not None and not event.all_day:
            item["conflicts"] = [
                {"title": c.title, "start": c.start.isoformat(), "end": c.end.isoformat()}
                for c in find_conflicts(event, existing)
            ]
        if event is None or item["conflicts"]:
            slots = propose_slots(
                timedelta(minutes=s.duration_min or DEFAULT_MINUTES),
                existing,
                start_from=now,
                work_start=core.settings.get_str("work_start"),
                work_end=core.settings.get_str("work_end"),
                buffer_min=core.settings.get_int("meeting_buffer_min"),
                tz=tz,
            )
            item["proposals"] = [{"start": a.isoformat(), "end": b.isoformat()} for a, b in slots]
        planned.append(item)
    return planned


def _source_link(source: Path | str, run_id: int) -> tuple[SourceKind, str]:
    """Where found to-dos came from: the mail or document file, else the run (pasted text)."""
    if isinstance(source, Path):
        return ("mail" if source.suffix.lower() == ".eml" else "document"), str(source)
    return "run", str(run_id)


def store_todos(
    core: TaskHost,
    suggestions: list[Suggestion],
    planned: list[dict[str, Any]],
    link: tuple[SourceKind, str],
) -> None:
    """Store the to-dos Schedule found (kind "task"), linked to their source; each planned item
    gets the stored ``todo_id``. Found again in the same source, a to-do is not doubled."""
    from assistant.calendar.todo import DEFAULT_ESTIMATE_MIN, MAX_ESTIMATE_MIN, TodoDraft

    for s, item in zip(suggestions, planned, strict=True):
        if s.kind != "task":
            continue
        estimate = min(s.duration_min or DEFAULT_ESTIMATE_MIN, MAX_ESTIMATE_MIN)
        draft = TodoDraft(
            title=s.title, due=s.due or s.start, estimate_min=estimate, source_kind=link[0],
            source_ref=link[1],
        )  # fmt: skip
        item["todo_id"] = core.store.add_todo(draft).id


def render(planned: list[dict[str, Any]], *, lang: str, tz: str, now: datetime) -> str:
    """The suggestions as Markdown, times for people in ``tz`` ("Tue 24 Nov, 12:30")."""
    from assistant.calendar.human_dates import format_span, format_when, parse_stored

    if not planned:
        return "No events or tasks found."

    def span(item: dict[str, str], all_day: bool = False) -> str:
        start, end = parse_stored(item["start"]), parse_stored(item["end"])
        return format_span(start, end, lang=lang, tz=tz, now=now, all_day=all_day)

    lines: list[str] = []
    for i, item in enumerate(planned, start=1):
        if item["start"] and item["end"]:
            when = span(item, bool(item.get("all_day")))
        elif item["due"]:
            when = "due " + format_when(parse_stored(item["due"]), lang=lang, tz=tz, now=now)
        else:
            when = "no time given"
        lines.append(f"{i}. **{item['title']}** ({item['kind']}): {when}")
        if item["when_text"]:
            lines.append(f"   - from the text: “{item['when_text']}”")
        if item.get("date_error"):
            lines.append(f"   - ⚠ {item['date_error']}")
        if item["location"]:
            lines.append(f"   - where: {item['location']}")
        for c in item["conflicts"]:
            lines.append(f"   - ⚠ conflicts with {c['title']} ({span(c)})")
        for p in item["proposals"]:
            lines.append(f"   - free slot: {span(p)}")
    return "\n".join(lines)


def schedule(core: TaskHost, source: Path | str, options: ScheduleOptions) -> Iterator[TaskEvent]:
    from assistant.calendar import SUGGESTION_SCHEMA, suggestions_from_extraction
    from assistant.calendar.human_dates import language_of

    yield Status("reading")
    text = _source_text(core, source).strip()
    if not text:
        raise EmptyDocument("there is no text to find events in")
    tz = resolve_zone(core, options.tz)
    now = options.now or datetime.now(ZoneInfo(tz))
    if now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo(tz))
    engine = core.engine()
    found: list[Suggestion] = []

    def body() -> Iterator[TaskEvent]:
        params = GenParams(
            max_tokens=options.max_tokens or 400, temperature=0.0, json_schema=SUGGESTION_SCHEMA
        )
        messages = extraction_messages(text, reference=now)
        raw = yield from chat_answer(
            engine, messages, params, progress=Progress(0, 1, "finding events")
        )
        try:
            items = json.loads(raw).get("items", [])
        except (ValueError, AttributeError):
            items = []  # a cut-off answer (max_tokens) finds nothing rather than failing
        found.extend(suggestions_from_extraction(items, reference=now, tz=tz, source=text))
        planned = plan(core, found, tz=tz, now=now)
        lang = language_of(core.settings.get_str("ui_language"))
        yield Done(
            text=render(planned, lang=lang, tz=tz, now=now),
            data={"suggestions": planned, "tz": tz, "reference": now.isoformat()},
        )

    for event in recorded(
        core.store,
        "schedule",
        body,
        input_text=text,
        input_path=str(source) if isinstance(source, Path) else None,
        model=engine.model_name(),
        params={"tz": tz, "now": now.isoformat()},
    ):
        if isinstance(event, Done) and event.run_id is not None:
            # To-dos from pasted text link to their run, whose id exists once it is recorded;
            # each planned item gets its todo_id before the run's data is stored.
            link = _source_link(source, event.run_id)
            store_todos(core, found, event.data["suggestions"], link)
        yield event


def events_from_plan(planned: Sequence[PlannedSuggestion]) -> list[CalEvent | None]:
    """The storable event of each planned suggestion (None when it has no time)."""
    return [
        _event_at(item, Span(item.start, item.end)) if item.start and item.end else None
        for item in planned
    ]


def _event_at(item: PlannedSuggestion, span: Span) -> CalEvent:
    from assistant.calendar import CalEvent

    own_time = (item.start, item.end) == (span.start, span.end)
    return CalEvent(
        uid=(item.uid if own_time else None) or suggestion_uid(item.title, span.start, span.end),
        title=item.title,
        start=span.start,
        end=span.end,
        all_day=item.all_day and own_time,
        location=item.location,
        participants=item.participants,
    )


def accept_suggestions(
    core: TaskHost, planned: Sequence[PlannedSuggestion], numbers: Sequence[int] | None = None
) -> list[CalEvent]:
    """Store suggestions ``numbers`` (1-based; None = every one that can be stored) as events.

    A suggestion with a time is stored at that time (even when it conflicts: the conflict was
    shown); one without a time (a task) goes into its first free-slot proposal. Accepting the
    same suggestion again replaces the event rather than adding a second one.
    """
    picked = list(range(1, len(planned) + 1)) if numbers is None else list(numbers)
    events = events_from_plan(planned)
    accepted: list[CalEvent] = []
    for number in picked:
        if not 1 <= number <= len(planned):
            raise UserError(f"there is no suggestion {number} (1 to {len(planned)})")
        item, event = planned[number - 1], events[number - 1]
        if event is None and item.proposals:
            event = _event_at(item, item.proposals[0])
        if event is None:
            if numbers is None:
                continue
            raise UserError(f"suggestion {number} has no time and no free slot to store it in")
        core.store.add_event(event)
        accepted.append(event)
    from assistant.calsync.service import publish_accepted

    target = core.settings.get_str("calendar_for_suggestions")
    publish_accepted(core.store, target, accepted, resolve_zone(core, ""))
    return accepted


def import_calendar(core: TaskHost, path: Path) -> Iterator[TaskEvent]:
    """Import an .ics file into the stored events (a run is recorded like any task)."""
    from assistant.calendar import import_ics
    from assistant.calendar.human_dates import format_when, language_of

    tz = resolve_zone(core, "")

    def body() -> Iterator[TaskEvent]:
        yield Status(f"importing {path.name}")
        events = import_ics(path, tz=tz)
        for index, event in enumerate(events):
            core.store.add_event(event)
            yield Progress(index + 1, len(events), "importing")
        lang = language_of(core.settings.get_str("ui_language"))
        lines = [f"Imported {len(events)} events from {path.name}."]
        lines += [
            f"- {format_when(e.start, lang=lang, tz=tz, all_day=e.all_day)} **{e.title}**"
            for e in events[:50]
        ]
        yield Done(text="\n".join(lines), data={"imported": len(events)})

    yield from recorded(core.store, "calendar-import", body, input_path=str(path))
