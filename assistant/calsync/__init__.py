"""The user's CalDAV calendars: connecting, syncing a local copy (RFC 6578 sync token, else
ETags) and writing accepted suggestions back with a stable UID. No Qt here."""
