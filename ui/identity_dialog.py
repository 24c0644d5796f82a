"""Who you are, asked once at first start (and from the Reply page): the name, addresses and
sign-off reply drafts are written with. Skippable: drafts then have no From, and the Reply page
says so."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError

if TYPE_CHECKING:
    from assistant.core import Core

ASKED_MARKER = "identity-asked"  # in the data dir: the first-run question was shown once


def identity_asked(data_dir: Path) -> bool:
    return (data_dir / ASKED_MARKER).exists()


def mark_identity_asked(data_dir: Path) -> None:
    with contextlib.suppress(OSError):  # not written: asked again at the next start
        (data_dir / ASKED_MARKER).touch()


class IdentityDialog(QDialog):
    """Name, addresses and sign-off, saved to the identity.* settings."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Deskmate: who are you?"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Reply drafts are written as you: from your address, signed with your name. "
                "You can change this later in Settings."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        settings = core.settings
        self.name = QLineEdit(settings.get_str("identity.name"))
        self.name.setPlaceholderText(self.tr("e.g. Alex Chen / 陈亚历"))
        self.addresses = QLineEdit(settings.get_str("identity.addresses"))
        self.addresses.setPlaceholderText("alex@example.com, a.chen@work.example")  # an example
        self.signoff = QLineEdit(settings.get_str("identity.signoff"))
        self.signoff.setPlaceholderText(self.tr("e.g. Best regards (empty: usual closing)"))
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Your email addresses"), self.addresses)
        form.addRow(self.tr("Sign-off"), self.signoff)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("identityError")
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.skip_button = buttons.addButton(
            self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Validate and store all three; on a bad address the dialog stays open and says why."""
        from ui.message_bar import error_text

        settings = self.core.settings
        try:
            settings.set("identity.addresses", self.addresses.text())
            settings.set("identity.name", self.name.text().strip())
            settings.set("identity.signoff", self.signoff.text().strip())
        except DeskmateError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()
