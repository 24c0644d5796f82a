"""Typed errors raised by the core.

Two families, so every front end can decide how to show them in one place:

* ``UserError``: the input or a choice of the user is at fault (a corrupt PDF, an unknown model
  id). Shown as a plain message; nothing to report.
* ``EnvironmentProblem``: the machine is at fault (disk full, model file missing or truncated,
  server unreachable, not enough memory). Shown as a plain message with what to do.

Anything else that escapes the core is a bug: front ends show a crash dialog / traceback for it.
Each class carries a stable ``code`` (used in ``--json`` output and logs) and an ``exit_code`` for
the CLI (documented in README "Exit codes").
"""

from __future__ import annotations

from pathlib import Path


class DeskmateError(Exception):
    """Base class of every error the core raises on purpose."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def user_text(self) -> str:
        """One clear line (plus hint) for a person."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UserError(DeskmateError):
    code = "user_error"
    exit_code = 2


class EnvironmentProblem(DeskmateError):
    code = "environment_error"
    exit_code = 3


class Cancelled(DeskmateError):
    """A run was stopped by the user. Partial results are kept."""

    code = "cancelled"
    exit_code = 130


# --- documents -------------------------------------------------------------------------------
class DocumentError(UserError):
    code = "document_error"
    exit_code = 4


class UnsupportedFormat(DocumentError):
    code = "unsupported_format"


class EncryptedDocument(DocumentError):
    code = "encrypted_document"


class CorruptDocument(DocumentError):
    code = "corrupt_document"


class EmptyDocument(DocumentError):
    code = "empty_document"


class DocumentTooLarge(DocumentError):
    code = "document_too_large"


# --- context window --------------------------------------------------------------------------
class ContextTooSmall(UserError):
    """The context window (the n_ctx setting) cannot hold a task's prompt and a useful piece of
    the document."""

    code = "context_too_small"


# --- models ----------------------------------------------------------------------------------
class ModelError(EnvironmentProblem):
    code = "model_error"
    exit_code = 5


class ModelNotFound(ModelError):
    code = "model_not_found"


class BadModelFile(ModelError):
    """Not a GGUF, truncated, unreadable metadata, or wrong checksum."""

    code = "bad_model_file"


class ModelTooLarge(ModelError):
    """The model would not fit in available memory."""

    code = "model_too_large"


class RemoteServerError(EnvironmentProblem):
    code = "remote_server_error"
    exit_code = 6


class SectionFailed(RemoteServerError):
    """A section of a long summary failed on the server twice; the finished ones are kept."""

    code = "section_failed"


# --- store / disk ----------------------------------------------------------------------------
class StoreError(EnvironmentProblem):
    code = "store_error"
    exit_code = 7


class DiskFull(StoreError):
    code = "disk_full"


class SettingError(UserError):
    code = "setting_error"


class ActionError(UserError):
    """A custom action that cannot be saved, or an actions file that cannot be imported."""

    code = "action_error"


class NotificationsUnavailable(EnvironmentProblem):
    """No desktop notification service answers (reminders then show in the tray)."""

    code = "notifications_unavailable"


# --- mail servers (IMAP) ---------------------------------------------------------------------
class MailServerError(EnvironmentProblem):
    """The mail server could not be reached or did not do what was asked."""

    code = "mail_server_error"
    exit_code = 8


class MailAuthError(MailServerError):
    """The server refused the user name, password or token."""

    code = "mail_auth_error"


class MailTLSError(MailServerError):
    """The server's certificate did not verify (never downgraded to an unverified link)."""

    code = "mail_tls_error"


class MailTimeout(MailServerError):
    """The server did not answer in time."""

    code = "mail_timeout"


# --- calendar servers (CalDAV) ------------------------------------------------------------
class CalendarServerError(EnvironmentProblem):
    """The CalDAV server could not be reached or did not do what was asked."""

    code = "calendar_server_error"
    exit_code = 8


class CalendarAuthError(CalendarServerError):
    """The CalDAV server refused the user name or password."""

    code = "calendar_auth_error"


class CalendarTLSError(CalendarServerError):
    """The CalDAV server's certificate did not verify (never downgraded to an unverified link)."""

    code = "calendar_tls_error"


class CalendarTimeout(CalendarServerError):
    """The CalDAV server did not answer in time."""

    code = "calendar_timeout"


class CalendarUnreachable(CalendarServerError):
    """The CalDAV server could not be reached (connection refused or dropped, no network):
    changes made meanwhile wait in the outbox for the next sync."""

    code = "calendar_unreachable"


class CalendarRefused(CalendarServerError):
    """The CalDAV server answered but refused one change (an HTTP error status): the other
    queued changes are still sent."""

    code = "calendar_refused"


class CalendarConflict(CalendarServerError):
    """The event changed on the server since the last sync (ETag mismatch): Deskmate synced
    again and did not overwrite it; the user decides."""

    code = "calendar_conflict"


# --- eval ------------------------------------------------------------------------------------
class EvalDataError(UserError):
    """An eval data set is missing or malformed (``deskmate eval --data DIR``)."""

    code = "eval_data_error"


# --- data folder -----------------------------------------------------------------------------
class DataFolderError(UserError):
    """A data folder that cannot be used (not writable, not empty, inside the current one...)."""

    code = "data_folder_error"


class FolderHoldsData(DataFolderError):
    """The chosen folder already holds a Deskmate database: use it as is, or choose another."""

    code = "data_folder_has_data"

    def __init__(self, path: Path, *, left_behind: bool = False) -> None:
        older = " (an older copy left there by a previous move)" if left_behind else ""
        super().__init__(
            f"{path} already holds Deskmate data{older}",
            hint="use it as is (--use-existing), or choose an empty folder",
        )
        self.path = path
        self.left_behind = left_behind


class FolderInUse(DataFolderError):
    code = "data_folder_in_use"


# --- calendar --------------------------------------------------------------------------------
class CalendarError(UserError):
    """A calendar file or a calendar input cannot be used (corrupt .ics, bad time zone...)."""

    code = "calendar_error"
    exit_code = 2


class ImpossibleDate(CalendarError):
    """A phrase names a date or time that does not exist ("2月30日", "2019年2月29日", "25:00"):
    it cannot be resolved, and it is never replaced by another date."""

    code = "impossible_date"
