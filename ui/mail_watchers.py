"""Auto-draft in the app: one watcher thread per account with the switch on (each owns its IMAP
connection), and a tray notice "2 reply drafts ready" once a burst of new drafts is written."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.imap.watcher import DraftFn, Watcher, WatchEvent
    from assistant.mail.account import MailAccount

log = logging.getLogger(__name__)
NOTICE_DELAY_MS = 2000  # drafts written within this time make one notice
JOIN_TIMEOUT_S = 2.0


def drafts_ready_text(count: int) -> str:
    return QCoreApplication.translate("MailWatchers", "%n reply drafts ready", None, count)


class MailWatchers(QObject):
    drafts_ready = Signal(int)  # how many drafts were written in the last burst
    _event = Signal(object)  # WatchEvent, from a watcher thread to the GUI thread

    def __init__(
        self,
        core: Core,
        parent: QObject | None = None,
        *,
        drafter: Callable[[MailAccount], DraftFn] | None = None,
        **watch_options: object,
    ) -> None:
        """``drafter``: the reply writer of an account (default: the reply task on the
        user's model); ``watch_options`` go to each Watcher (tests: shorter backoff)."""
        super().__init__(parent)
        self.core = core
        self._drafter = drafter or self._model_drafter
        self._watch_options = watch_options
        self.watchers: list[Watcher] = []
        self.threads: list[threading.Thread] = []
        self.pending = 0
        self._notice = QTimer(self)
        self._notice.setSingleShot(True)
        self._notice.setInterval(NOTICE_DELAY_MS)
        self._notice.timeout.connect(self._flush)
        self._event.connect(self._on_event)

    def start(self) -> None:
        """Watch every account whose auto-draft switch is on (again after a change)."""
        from assistant.imap.auth import keyring_auth
        from assistant.imap.watcher import Watcher

        self.stop()
        for account in self.core.store.mail_accounts():
            if not account.auto_draft:
                continue
            watcher = Watcher(
                account,
                lambda a=account: keyring_auth(a),  # type: ignore[misc]
                self.core.store,
                self._drafter(account),
                on_event=self._event.emit,
                **self._watch_options,  # type: ignore[arg-type]
            )
            thread = threading.Thread(
                target=self._run, args=(watcher,), name=f"mail-watch-{account.name}", daemon=True
            )
            self.watchers.append(watcher)
            self.threads.append(thread)
            thread.start()

    def _model_drafter(self, account: MailAccount) -> DraftFn:
        from assistant.imap.autodraft import model_drafter
        from assistant.tasks.reply import ReplyOptions

        return model_drafter(self.core, account, ReplyOptions())

    @staticmethod
    def _run(watcher: Watcher) -> None:
        from assistant.errors import DeskmateError

        try:
            watcher.run()
        except DeskmateError as exc:  # wrong password or refused certificate: shown in the log
            log.warning("mail watch of %s stopped: %s", watcher.account.name, exc.user_text())

    def _on_event(self, event: WatchEvent) -> None:
        if event.kind == "drafted":
            self.pending += 1
            self._notice.start()

    def _flush(self) -> None:
        count, self.pending = self.pending, 0
        if count:
            self.drafts_ready.emit(count)

    def stop(self) -> None:
        for watcher in self.watchers:
            watcher.stop.set()
        for thread in self.threads:
            thread.join(JOIN_TIMEOUT_S)  # a draft being written ends on its own (daemon)
        self.watchers.clear()
        self.threads.clear()
