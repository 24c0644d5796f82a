"""Settings → Mail accounts: the IMAP accounts, a form to add or change one, "Test connection"
and Remove. The password goes to the OS keyring only; the test runs off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError
from ui.message_bar import error_text
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.imap.session import AccountCheck
    from assistant.mail.account import MailAccount


class MailAccountsBox(QGroupBox):
    changed = Signal()  # an account was saved or removed

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mail accounts"), parent)
        self.core = core
        self.setObjectName("mailAccounts")
        icon = self.style().standardIcon
        column = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Deskmate reads your INBOX and saves reply drafts to your Drafts folder. "
                "It never sends, deletes or moves mail. Gmail, Outlook.com, QQ Mail and 163 "
                "need an app password (see docs/MAIL.md)."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("settingHelp")
        column.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("mailAccountList")
        self.list.setMaximumHeight(90)
        column.addWidget(self.list)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("work, gmail…"))
        self.host = QLineEdit()
        self.host.setPlaceholderText("imap.example.com")
        self.tls = QComboBox()
        self.tls.addItem(self.tr("TLS (port 993)"), "tls")
        self.tls.addItem(self.tr("STARTTLS (port 143)"), "starttls")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(993)
        self.user = QLineEdit()
        self.user.setPlaceholderText("you@example.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the OS keyring"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("empty: the system's certificates"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.display_name = QLineEdit()
        self.address = QLineEdit()
        self.auto_draft = QCheckBox(self.tr("Draft replies to new mail automatically"))
        for text, widget in (
            (self.tr("Name"), self.name),
            (self.tr("IMAP server"), self.host),
            (self.tr("Security"), self.tls),
            (self.tr("Port"), self.port),
            (self.tr("User"), self.user),
            (self.tr("Password"), self.password),
            (self.tr("Your name"), self.display_name),
            (self.tr("Your address"), self.address),
        ):
            form.addRow(text, widget)
        form.insertRow(6, self.tr("CA file"), ca_row)
        form.addRow("", self.auto_draft)
        column.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("Save account")
        )
        self.test_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_DialogApplyButton), self.tr("Test connection")
        )
        self.remove_button = QPushButton(
            icon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Remove")
        )
        for button in (self.save_button, self.test_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.result = QLabel()
        self.result.setObjectName("mailTestResult")
        self.result.setWordWrap(True)
        column.addWidget(self.result)
        self.tls.activated.connect(self._tls_changed)
        self.list.currentRowChanged.connect(self._load_selected)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test)
        self.remove_button.clicked.connect(self.remove)
        self.reload()

    # --- list and form -----------------------------------------------------------------------
    def reload(self) -> None:
        self.accounts = self.core.store.mail_accounts()
        self.list.clear()
        for a in self.accounts:
            auto = self.tr("auto-draft on") if a.auto_draft else self.tr("auto-draft off")
            self.list.addItem(f"{a.name} — {a.username} @ {a.host}:{a.port} ({auto})")
        if not self.accounts:
            self.list.addItem(self.tr("No account yet: fill in the form below and save."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.remove_button.setEnabled(bool(self.accounts))

    def _load_selected(self, row: int) -> None:
        if not 0 <= row < len(self.accounts):
            return
        a = self.accounts[row]
        self.name.setText(a.name)
        self.host.setText(a.host)
        self.tls.setCurrentIndex(max(0, self.tls.findData(a.tls)))
        self.port.setValue(a.port)
        self.user.setText(a.username)
        self.password.clear()
        self.ca_file.setText(a.ca_file)
        self.display_name.setText(a.display_name)
        self.address.setText(a.address)
        self.auto_draft.setChecked(a.auto_draft)

    def _tls_changed(self) -> None:
        from assistant.mail.account import DEFAULT_PORTS

        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[self.tls.currentData()])

    def _browse_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt)")
        )
        if name:
            self.ca_file.setText(name)

    def form_account(self) -> MailAccount:
        """The account the form describes (UserError naming the wrong field)."""
        from assistant.mail.account import MailAccount, validated

        return validated(
            MailAccount(
                name=self.name.text().strip(),
                host=self.host.text().strip(),
                port=self.port.value(),
                tls=self.tls.currentData(),
                username=self.user.text().strip(),
                ca_file=self.ca_file.text().strip(),
                display_name=self.display_name.text().strip(),
                address=self.address.text().strip(),
                auto_draft=self.auto_draft.isChecked(),
            )
        )

    # --- actions -----------------------------------------------------------------------------
    def _store_password(self, account: MailAccount) -> None:
        from assistant.secrets import set_secret

        if self.password.text():
            set_secret(account.secret_key, self.password.text())
            self.password.clear()

    def save(self) -> None:
        try:
            account = self.form_account()
            self._store_password(account)
            self.core.store.save_mail_account(account)
        except DeskmateError as exc:
            self._show(error_text(exc), ok=False)
            return
        self._show(self.tr("Saved %1.").replace("%1", account.name), ok=True)
        self.reload()
        self.changed.emit()

    def test(self) -> None:
        from assistant.imap.auth import keyring_auth
        from assistant.imap.session import MailSession

        try:
            account = self.form_account()
            self._store_password(account)
        except DeskmateError as exc:
            self._show(error_text(exc), ok=False)
            return
        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting to %1…").replace("%1", account.host), ok=None)

        def check() -> AccountCheck:
            session = MailSession(account, lambda: keyring_auth(account), timeout=20)
            try:
                return session.check()
            finally:
                session.close()

        run_in_background(self, check, self._tested, self._test_failed, name="mail-test")

    def _tested(self, found: AccountCheck) -> None:
        self.test_button.setEnabled(True)
        mode = self.tr("new mail is noticed at once (IDLE)") if found.idle else self.tr("polling")
        self._show(
            self.tr("Connected: %1 mails in INBOX; drafts go to “%2”; %3.")
            .replace("%1", str(found.inbox_total))
            .replace("%2", found.drafts_folder)
            .replace("%3", mode),
            ok=True,
        )

    def _test_failed(self, exc: DeskmateError) -> None:
        self.test_button.setEnabled(True)
        self._show(error_text(exc), ok=False)

    def remove(self) -> None:
        from assistant.secrets import set_secret

        row = self.list.currentRow()
        if not 0 <= row < len(self.accounts):
            return
        account = self.accounts[row]
        try:
            self.core.store.remove_mail_account(account.name)
            set_secret(account.secret_key, "")
        except DeskmateError as exc:
            self._show(error_text(exc), ok=False)
            return
        self._show(self.tr("Removed %1.").replace("%1", account.name), ok=True)
        self.reload()
        self.changed.emit()

    def _show(self, text: str, *, ok: bool | None) -> None:
        """A result line: ✔ success, ✖ failure, plain while waiting."""
        mark = {True: "✔ ", False: "✖ ", None: ""}[ok]
        self.result.setText(mark + text)
