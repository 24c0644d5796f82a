"""Deskmate's jobs, each a plain generator of events (``Iterator[TaskEvent]``)."""
