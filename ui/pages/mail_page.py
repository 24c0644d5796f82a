"""The Mail page: the newest mails of an account's INBOX (headers only), a reply draft by the
reply task, and "Save to Drafts". Every IMAP call runs on the account's connection thread
(``MailSession``) via a background call, so a slow server never freezes the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.task_events import Done
from ui.crash import show_crash
from ui.worker import TaskRunner, run_in_background

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.errors import DeskmateError
    from assistant.imap.session import MailList, MailSession
    from assistant.mail.account import MailAccount

LIMIT = 50
INTENTS = ("", "accept", "decline", "ask")


class MailPage(QWidget):
    error = Signal(object)  # DeskmateError -> the window's message bar
    open_settings = Signal()

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("page_mail")
        self.sessions: dict[str, MailSession] = {}
        self.accounts: list[MailAccount] = []
        self.listing: MailList | None = None
        self.raw: bytes | None = None  # the mail the draft answers
        self.drafted = False  # the editor holds a finished draft of ``raw``
        self.note = ""  # what was just done, kept in front of the next list's counts
        self.runner = TaskRunner(self)
        self._build()
        self._wire()
        self.reload_accounts()

    # --- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        icon = self.style().standardIcon
        layout = QVBoxLayout(self)
        title = self.tr("Mail")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        top = QHBoxLayout()
        self.account_box = QComboBox()
        self.account_box.setObjectName("mailAccount")
        self.refresh_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("Refresh")
        )
        self.refresh_button.setToolTip(self.tr("Fetch the newest mails (F5)"))
        top.addWidget(QLabel(self.tr("Account:")))
        top.addWidget(self.account_box, 1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.views = QStackedWidget()
        self.empty = QLabel()
        self.empty.setObjectName("mailEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.linkActivated.connect(lambda _link: self.open_settings.emit())
        self.tree = QTreeWidget()
        self.tree.setObjectName("mailList")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(["", self.tr("From"), self.tr("Subject"), self.tr("Date")])
        self.tree.setColumnWidth(0, 28)
        self.tree.setColumnWidth(1, 200)
        self.tree.setColumnWidth(2, 380)
        self.views.addWidget(self.empty)
        self.views.addWidget(self.tree)
        layout.addWidget(self.views, 3)
        actions = QHBoxLayout()
        self.intent_box = QComboBox()
        for intent, text in zip(
            INTENTS,
            (self.tr("Answer"), self.tr("Accept"), self.tr("Decline"), self.tr("Ask questions")),
            strict=True,
        ):
            self.intent_box.addItem(text, intent)
        self.draft_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_FileDialogDetailedView), self.tr("Draft reply")
        )
        self.draft_button.setToolTip(self.tr("Write a reply to the selected mail (Ctrl+R)"))
        self.save_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("Save to Drafts")
        )
        self.save_button.setToolTip(
            self.tr("Add the draft to the account's Drafts folder; it is never sent (Ctrl+S)")
        )
        actions.addWidget(self.intent_box)
        actions.addWidget(self.draft_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        layout.addLayout(actions)
        self.draft = QPlainTextEdit()
        self.draft.setObjectName("mailDraft")
        self.draft.setPlaceholderText(
            self.tr("Select a mail and press Draft reply: the draft appears here to edit.")
        )
        layout.addWidget(self.draft, 2)
        self.status = QLabel()
        self.status.setObjectName("pageStatus")
        layout.addWidget(self.status)

    def _wire(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.account_box.activated.connect(lambda _i: self.refresh())
        self.draft_button.clicked.connect(self.draft_reply)
        self.save_button.clicked.connect(self.save_draft)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.runner.token.connect(self._on_token)
        self.runner.done.connect(self._on_done)
        self.runner.error.connect(self._failed)
        self.runner.crashed.connect(show_crash)
        self.runner.finished.connect(self._update_buttons)
        for keys, slot in (("F5", self.refresh), ("Ctrl+R", self.draft_reply)):
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        self._update_buttons()

    # --- accounts and the list ---------------------------------------------------------------
    def reload_accounts(self) -> None:
        """Read the accounts again (after a change in Settings)."""
        current = self.account_box.currentData()
        self.accounts = self.core.store.mail_accounts()
        self.account_box.clear()
        for account in self.accounts:
            self.account_box.addItem(f"{account.name} — {account.username}", account.name)
        index = self.account_box.findData(current)
        self.account_box.setCurrentIndex(max(index, 0))
        if not self.accounts:
            self._show_empty(
                self.tr(
                    "No mail account yet.<br>Add one in "
                    '<a href="settings">Settings → Mail accounts</a>, then press Refresh.'
                )
            )
        else:
            self._show_empty(self.tr("Press Refresh (F5) to fetch the newest mails."))
        self._update_buttons()

    def account(self) -> MailAccount | None:
        name = self.account_box.currentData()
        return next((a for a in self.accounts if a.name == name), None)

    def session(self, account: MailAccount) -> MailSession:
        from assistant.imap.auth import keyring_auth
        from assistant.imap.session import MailSession

        session = self.sessions.get(account.name)
        if session is None or session.account != account:
            if session is not None:
                session.close()
            session = MailSession(account, lambda: keyring_auth(account))
            self.sessions[account.name] = session
        return session

    def refresh(self) -> None:
        account = self.account()
        if account is None:
            return
        session = self.session(account)
        self.status.setText(self.tr("Fetching the newest mails of %1…").replace("%1", account.name))
        self.refresh_button.setEnabled(False)
        run_in_background(
            self, lambda: session.inbox(LIMIT), self.show_listing, self._failed, name="mail-list"
        )

    def show_listing(self, listing: MailList) -> None:
        self.listing = listing
        self.refresh_button.setEnabled(True)
        self.tree.clear()
        from assistant.imap.dates import people_date
        from ui.look import translating

        language = QLocale().name() if translating() else "en"
        for row in listing.rows:
            h = row.headers
            when = people_date(h.date, language) if h.date else ""
            mark = "✎" if row.has_draft else ""
            item = QTreeWidgetItem([mark, h.sender.name or h.sender.addr, h.subject, when])
            item.setToolTip(1, str(h.sender))
            if row.has_draft:
                item.setToolTip(0, self.tr("A reply draft is in Drafts"))
            item.setData(0, Qt.ItemDataRole.UserRole, h.uid)
            self.tree.addTopLevelItem(item)
        if listing.rows:
            self.views.setCurrentWidget(self.tree)
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        else:
            self._show_empty(self.tr("INBOX is empty."))
        drafted = sum(r.has_draft for r in listing.rows)
        counts = (
            self.tr("%1 mails in INBOX, newest %2 shown; %3 with a reply draft.")
            .replace("%1", str(listing.total))
            .replace("%2", str(len(listing.rows)))
            .replace("%3", str(drafted))
        )
        self.status.setText(f"{self.note} {counts}".strip())
        self.note = ""
        self._update_buttons()

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.views.setCurrentWidget(self.empty)

    def selected_uid(self) -> int | None:
        item = self.tree.currentItem()
        if item is None or self.views.currentWidget() is not self.tree:
            return None
        return int(item.data(0, Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        self._update_buttons()

    # --- drafting ----------------------------------------------------------------------------
    def draft_reply(self) -> None:
        account, uid = self.account(), self.selected_uid()
        if account is None or uid is None or self.runner.is_running():
            return
        session = self.session(account)
        self.status.setText(self.tr("Reading the mail…"))
        self.draft.clear()
        self.raw, self.drafted = None, False
        run_in_background(
            self, lambda: session.raw(uid), self._start_reply, self._failed, name="mail-body"
        )

    def _start_reply(self, raw: bytes) -> None:
        """The reply task writes the text; Save to Drafts makes it a mail from the account."""
        self.raw = raw
        intent = str(self.intent_box.currentData())
        self.status.setText(self.tr("Writing the draft…"))
        core = self.core
        self.runner.start(lambda: core.reply(raw, intent, ""), name="mail-reply")
        self._update_buttons()

    def _on_token(self, text: str) -> None:
        self.draft.moveCursor(self.draft.textCursor().MoveOperation.End)
        self.draft.insertPlainText(text)

    def _on_done(self, done: Done) -> None:
        self.drafted = True
        self.draft.setPlainText(done.text)
        self.status.setText(self.tr("Draft ready: edit it, then Save to Drafts."))

    def save_draft(self) -> None:
        account = self.account()
        text = self.draft.toPlainText().strip()
        if account is None or self.raw is None or not self.drafted or not text:
            return
        from assistant.imap.autodraft import draft_eml

        eml = draft_eml(self.core, account, self.raw, text)
        session = self.session(account)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving to Drafts…"))
        run_in_background(
            self, lambda: session.save_draft(eml), self._saved, self._failed, name="mail-save"
        )

    def _saved(self, folder: str) -> None:
        self.raw, self.drafted = None, False
        self.refresh()
        self.note = self.tr("Saved to %1. Open your mail app to send it.").replace("%1", folder)
        self.status.setText(self.note)

    # --- state -------------------------------------------------------------------------------
    def _failed(self, exc: DeskmateError) -> None:
        from ui.message_bar import error_text

        self.status.setText(error_text(exc))
        self.refresh_button.setEnabled(True)
        self._update_buttons()
        self.error.emit(exc)

    def _update_buttons(self) -> None:
        busy = self.runner.is_running()
        has_account = self.account() is not None
        self.refresh_button.setEnabled(has_account)
        self.draft_button.setEnabled(has_account and not busy and self.selected_uid() is not None)
        self.save_button.setEnabled(not busy and self.drafted)

    def shutdown(self) -> None:
        self.runner.cancel()
        for session in self.sessions.values():
            session.close()
        self.sessions.clear()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
