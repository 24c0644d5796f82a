"""Import and export iCalendar (.ics) files with icalendar."""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from assistant.calendar.model import CalEvent
from assistant.calendar.resolver import zone
from assistant.errors import CalendarError

MAX_ICS_BYTES = 20 * 1024 * 1024
PRODID = "-//Deskmate//Calendar//EN"


def _aware(value: date | datetime, tz: str) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone(tz))  # floating -> local
    return datetime.combine(value, time(), tzinfo=zone(tz))


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _participants(component: Any) -> tuple[str, ...]:
    raw = component.get("ATTENDEE")
    if raw is None:
        return ()
    people = []
    for attendee in raw if isinstance(raw, list) else [raw]:
        name = getattr(attendee, "params", {}).get("CN")
        address = str(attendee)
        if address.lower().startswith("mailto:"):
            address = address[7:]
        elif address.startswith("urn:deskmate:"):  # a person with no address (export_ics)
            address = "" if name else address[13:]
        people.append(f"{name} <{address}>" if name and address else name or address)
    return tuple(p for p in people if p)


def _prop(component: Any, name: str) -> Any:
    value = component.get(name)
    return value[0] if isinstance(value, list) and value else value


def _event(component: Any, tz: str) -> CalEvent | None:
    dtstart = _prop(component, "DTSTART")
    if dtstart is None:
        return None
    first = dtstart.dt
    all_day = not isinstance(first, datetime)
    start = _aware(first, tz)
    if _prop(component, "DTEND") is not None:
        end = _aware(_prop(component, "DTEND").dt, tz)
    elif _prop(component, "DURATION") is not None:
        end = start + _prop(component, "DURATION").dt
    else:
        end = start + (timedelta(days=1) if all_day else timedelta(0))
    rrule = _prop(component, "RRULE")
    rule_text = rrule.to_ical().decode() if rrule is not None else None
    if rule_text and (skipped := _exdates(component, tz)):
        rule_text = f"RRULE:{rule_text}\nEXDATE:{','.join(skipped)}"
    uid = _text(component, "UID") or str(uuid.uuid4())
    rid = _prop(component, "RECURRENCE-ID")
    if rid is not None:  # an overridden instance: its own event beside the series
        uid = f"{uid}/{_utc_stamp(_aware(rid.dt, tz))}"
    return CalEvent(
        uid=uid,
        title=_text(component, "SUMMARY"),
        start=start,
        end=max(end, start),
        all_day=all_day,
        location=_text(component, "LOCATION"),
        description=_text(component, "DESCRIPTION"),
        participants=_participants(component),
        rrule=rule_text,
        reminder_min=_alarm_minutes(component),
        busy=_text(component, "TRANSP").upper() != "TRANSPARENT",
    )


def _alarm_minutes(component: Any) -> int | None:
    """Minutes before the start of the event's first alarm (VALARM TRIGGER:-PT15M), if any."""
    for alarm in component.walk("VALARM"):
        trigger = alarm.get("TRIGGER")
        related_end = trigger is not None and trigger.params.get("RELATED") == "END"
        if trigger is not None and isinstance(trigger.dt, timedelta) and not related_end:
            before = -trigger.dt.total_seconds() / 60
            if 0 <= before <= 7 * 24 * 60:
                return int(before)
    return None


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _exdates(component: Any, tz: str) -> list[str]:
    """EXDATE values (one property or several, each with one or more dates) as UTC stamps."""
    found = component.get("EXDATE")
    props = found if isinstance(found, list) else [found] if found is not None else []
    return [_utc_stamp(_aware(d.dt, tz)) for prop in props for d in prop.dts]


def parse_ics(data: bytes, *, tz: str = "UTC") -> list[CalEvent]:
    """Events (VEVENT) of an iCalendar text; a VTODO or VJOURNAL is not an event."""
    from icalendar import Calendar

    try:
        with warnings.catch_warnings():
            # icalendar warns about quirks it repairs (vendor TZIDs...): the data is the user's
            warnings.simplefilter("ignore")
            calendars = Calendar.from_ical(data, multiple=True) if data.strip() else []
            if not calendars:
                raise CalendarError("no calendar (VCALENDAR) in the file")
            events = []
            for cal in calendars:
                for component in cal.walk("VEVENT"):
                    event = _event(component, tz)
                    if event is not None:
                        events.append(event)
            events = _skip_overridden(events)
    except CalendarError:
        raise
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError) as exc:
        raise CalendarError(f"not a valid iCalendar file: {exc}") from exc
    return events


def _skip_overridden(events: list[CalEvent]) -> list[CalEvent]:
    """A series does not repeat the instances stored as overrides ("uid/STAMP"): their
    original times join the series' EXDATE."""
    from dataclasses import replace

    moved: dict[str, list[str]] = {}
    for e in events:
        if "/" in e.uid:
            master, stamp = e.uid.rsplit("/", 1)
            moved.setdefault(master, []).append(stamp)
    result = []
    for e in events:
        if e.rrule and e.uid in moved:
            rule = e.rrule if e.rrule.startswith("RRULE:") else f"RRULE:{e.rrule}"
            e = replace(e, rrule=f"{rule}\nEXDATE:{','.join(moved[e.uid])}")
        result.append(e)
    return result


def import_ics(path: Path, *, tz: str = "UTC") -> list[CalEvent]:
    """Read ``path``; floating times and all-day dates are taken in ``tz``. Raises
    ``CalendarError`` for an unreadable, oversized or malformed file."""
    try:
        size = path.stat().st_size
        if size > MAX_ICS_BYTES:
            raise CalendarError(f"{path.name} is too large for a calendar ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise CalendarError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return parse_ics(data, tz=tz)


def _nameable(value: datetime) -> datetime:
    """A time icalendar can write with its zone: a fixed UTC offset (from an ISO string) has no
    TZID and would be written as a floating local time, so it goes out as UTC instead."""
    from zoneinfo import ZoneInfo

    if value.tzinfo is None or isinstance(value.tzinfo, ZoneInfo) or value.tzinfo is UTC:
        return value
    return value.astimezone(UTC)


def _add_rule(event: Any, text: str) -> None:
    """RRULE (and the EXDATE line of a series with skipped instances) back into iCalendar."""
    from icalendar import vRecur

    for line in text.splitlines():
        name, _, value = line.partition(":") if ":" in line else ("RRULE", "", line)
        if name == "EXDATE":
            stamps = [datetime.strptime(v, "%Y%m%dT%H%M%SZ") for v in value.split(",")]
            event.add("exdate", [stamp.replace(tzinfo=UTC) for stamp in stamps])
        else:
            event.add("rrule", vRecur.from_ical(value))


def export_ics(events: Iterable[CalEvent]) -> bytes:
    """One VCALENDAR with a VEVENT per event (all-day events as DATE values)."""
    from icalendar import Alarm, Calendar, vCalAddress
    from icalendar import Event as ICalEvent

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for item in events:
        event = ICalEvent()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        if item.all_day:
            event.add("dtstart", item.start.date())
            event.add("dtend", item.end.date())
        else:
            event.add("dtstart", _nameable(item.start))
            event.add("dtend", _nameable(item.end))
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        for person in item.participants:
            name, _, rest = person.partition(" <")
            address = rest.rstrip(">") if rest else (person if "@" in person else "")
            attendee = vCalAddress(f"mailto:{address}" if address else f"urn:deskmate:{name}")
            if rest or "@" not in person:
                attendee.params["CN"] = name
            event.add("attendee", attendee, encode=False)
        if item.rrule:
            _add_rule(event, item.rrule)
        if not item.busy:
            event.add("transp", "TRANSPARENT")
        if item.reminder_min is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.title)
            alarm.add("trigger", -timedelta(minutes=item.reminder_min))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
