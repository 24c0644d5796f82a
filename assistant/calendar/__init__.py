"""Calendar core: date/time phrase resolution (en, zh), .ics import/export, conflicts and free
slots, and the schema of model-extracted schedule suggestions."""

from assistant.calendar.ics import export_ics, import_ics, parse_ics
from assistant.calendar.model import CalEvent, Resolution, Suggestion
from assistant.calendar.resolver import resolve
from assistant.calendar.slots import find_conflicts, propose_slots
from assistant.calendar.suggest import SUGGESTION_SCHEMA, suggestions_from_extraction
from assistant.errors import CalendarError, ImpossibleDate

__all__ = [
    "SUGGESTION_SCHEMA",
    "CalEvent",
    "CalendarError",
    "ImpossibleDate",
    "Resolution",
    "Suggestion",
    "export_ics",
    "find_conflicts",
    "import_ics",
    "parse_ics",
    "propose_slots",
    "resolve",
    "suggestions_from_extraction",
]
