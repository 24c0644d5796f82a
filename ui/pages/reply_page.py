"""The Reply page: the task page with an envelope above the draft (who it is from, who it goes
to), and a warning with a button to set up who you are when no identity is set."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.task_events import Done
from ui.pages.task_page import TaskPage

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from assistant.core import Core
    from ui.pages.specs import TaskSpec


def _who(name: str, addr: str) -> str:
    if name and addr:
        return f"{escape(name)} &lt;{escape(addr)}&gt;"
    return escape(name or addr)


class ReplyPage(TaskPage):
    def __init__(self, core: Core, spec: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(core, spec, parent)
        self.refresh_identity()

    def _place_result(self, layout: QVBoxLayout) -> None:
        envelope = QWidget()
        row = QHBoxLayout(envelope)
        row.setContentsMargins(0, 0, 0, 0)
        lines = QVBoxLayout()
        self.envelope = QLabel()  # From (or the warning that nobody is set)
        self.envelope.setObjectName("replyEnvelope")
        self.to_line = QLabel()
        self.to_line.setObjectName("replyTo")
        self.to_line.hide()
        lines.addWidget(self.envelope)
        lines.addWidget(self.to_line)
        self.identity_button = QPushButton(self.tr("Set up who you are…"))
        self.identity_button.setObjectName("replyIdentityButton")
        self.identity_button.clicked.connect(self.edit_identity)
        row.addLayout(lines, 1)
        row.addWidget(self.identity_button)
        layout.addWidget(envelope)
        super()._place_result(layout)

    def _from_line(self) -> tuple[str, bool]:
        from assistant.mail.identity import identity_from_settings

        identity = identity_from_settings(self.core.settings)
        if identity is None:
            warning = self.tr(
                "⚠ Who you are is not set: drafts have no From and are signed without a name."
            )
            return f"<span style='color:#b36b00'>{escape(warning)}</span>", False
        label = self.tr("From")
        return f"<b>{label}:</b> {_who(identity.name, identity.address)}", True

    def refresh_identity(self) -> None:
        """The From line (or the warning) before a draft exists."""
        line, known = self._from_line()
        self.envelope.setText(line)
        self.to_line.hide()
        self.identity_button.setVisible(not known)

    def showEvent(self, event: QShowEvent) -> None:
        if self.last_done is None:
            self.refresh_identity()
        super().showEvent(event)

    def _on_done(self, done: Done) -> None:
        super()._on_done(done)
        data = done.data
        to = _who(str(data.get("to_name", "")), str(data.get("to", "")))
        if data.get("from"):
            sender = _who(str(data.get("from_name", "")), str(data["from"]))
            label = self.tr("From")
            line = f"<b>{label}:</b> {sender}"
            self.identity_button.hide()
        else:
            line, _known = self._from_line()
            self.identity_button.show()
        to_label = self.tr("To")
        self.envelope.setText(line)
        self.to_line.setText(f"<b>{to_label}:</b> {to}")
        self.to_line.show()

    def _render(self) -> None:
        """A draft is shown as written: plain text, its lines kept (Markdown would join the
        sign-off's lines)."""
        bar = self.result.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        self.result.setPlainText(self.result_text)
        if at_end:
            bar.setValue(bar.maximum())

    def edit_identity(self) -> None:
        from ui.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.core, self)
        dialog.finished.connect(lambda _result: self.refresh_identity())
        dialog.finished.connect(dialog.deleteLater)
        self.identity_dialog = dialog
        dialog.open()
