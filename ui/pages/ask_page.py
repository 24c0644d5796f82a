"""The Ask page: questions to your documents, answers with citations you can click and check.

Each answer comes from ``assistant.docqa.ask_docs`` (run on a worker); its citations were
verified by code. Clicking ``[n]`` shows the cited chunk with the quote highlighted. Follow-up
questions continue the conversation until "New conversation" (Ctrl+N).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.docqa.citations import Answer, Citation, normalize
from assistant.task_events import Done
from ui.worker import TaskRunner

if TYPE_CHECKING:
    from assistant.core import Core


def highlighted(citation: Citation) -> str:
    """The cited chunk as HTML with the quote marked (found again whatever the whitespace)."""
    text = citation.text
    chars = [re.escape(ch) for ch in normalize(citation.quote) if not ch.isspace()]
    match = re.search(r"\s*".join(chars), text) if chars else None
    if match is None:
        return html.escape(text)
    return (
        html.escape(text[: match.start()])
        + f"<span style='background:#ffe27a'>{html.escape(match.group(0))}</span>"
        + html.escape(text[match.end() :])
    )


class AskPage(QWidget):
    error = Signal(object)  # DeskmateError -> the window's message bar
    crashed = Signal(str)

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("page_ask")
        self.runner = TaskRunner(self)
        self.conversation: str | None = None
        self.answers: list[Answer] = []
        self._build()
        self._wire()
        self._set_running(False)
        self._render()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = self.tr("Ask your documents")  # outside the f-string, where lupdate sees it
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        row = QHBoxLayout()
        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("Ask a question about your documents…"))
        style = self.style()
        self.ask_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward), self.tr("Ask")
        )
        self.stop_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserStop), self.tr("Stop")
        )
        self.new_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.tr("New conversation")
        )
        self.new_button.setToolTip(self.tr("Forget the earlier questions (Ctrl+N)"))
        for widget in (self.question, self.ask_button, self.stop_button, self.new_button):
            row.addWidget(widget, 1 if widget is self.question else 0)
        layout.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setObjectName("pageStatus")
        layout.addWidget(self.status_label)
        split = QSplitter()
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)  # citation links open the chunk beside the answers
        self.chunk = QTextBrowser()
        self.chunk.setPlaceholderText(self.tr("Click a citation to see the passage it quotes."))
        split.addWidget(self.view)
        split.addWidget(self.chunk)
        split.setSizes([600, 400])
        layout.addWidget(split, 1)

    def _wire(self) -> None:
        self.ask_button.clicked.connect(self.ask)
        self.question.returnPressed.connect(self.ask)
        self.stop_button.clicked.connect(self.runner.cancel)
        self.new_button.clicked.connect(self.new_conversation)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_conversation)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.runner.cancel)
        self.view.anchorClicked.connect(self._open_citation)
        self.runner.status.connect(self.status_label.setText)
        self.runner.done.connect(self._on_done)
        self.runner.error.connect(self.error)
        self.runner.crashed.connect(self.crashed)
        self.runner.finished.connect(lambda: self._set_running(False))

    def ask(self) -> None:
        from assistant.docqa.ask_docs import ask_documents

        question = self.question.text().strip()
        if not question or self.runner.is_running():
            return
        conversation = self.conversation
        self._set_running(True)
        self.runner.start(
            lambda: ask_documents(self.core, question, conversation=conversation), "ask-docs"
        )

    def new_conversation(self) -> None:
        if self.runner.is_running():
            return
        self.conversation, self.answers = None, []
        self.chunk.clear()
        self._render()
        self.question.setFocus()

    def _on_done(self, done: Done) -> None:
        answer = Answer.from_data(done.data)
        self.conversation = answer.conversation
        self.answers.append(answer)
        self.question.clear()
        self._render()
        if answer.citations:
            self.show_citation(len(self.answers) - 1, 1)

    def _set_running(self, running: bool) -> None:
        self.ask_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.new_button.setEnabled(not running)
        if not running:
            self.status_label.clear()

    def _render(self) -> None:
        if not self.answers:
            self.view.setHtml(
                "<p>"
                + html.escape(
                    self.tr(
                        "Answers come from the documents you summarized or added with "
                        "`deskmate documents add`, with numbered citations you can click. "
                        "Type a question above and press Enter."
                    )
                )
                + "</p>"
            )
            return
        parts = []
        for turn, answer in enumerate(self.answers):
            parts.append(f"<p><b>{html.escape(answer.question)}</b></p>")
            body = html.escape(answer.text)
            for c in answer.citations:
                body = body.replace(
                    f"[{c.number}]", f"<a href='cite:{turn}:{c.number}'>[{c.number}]</a>"
                )
            parts.append(f"<p>{body}</p>")
            for c in answer.citations:
                where = f", {html.escape(c.where)}" if c.where else ""
                parts.append(
                    f"<p style='margin-left:12px'><a href='cite:{turn}:{c.number}'>[{c.number}]</a>"
                    f" {html.escape(c.document)}{where}: “{html.escape(normalize(c.quote))}”</p>"
                )
        self.view.setHtml("".join(parts))

    def _open_citation(self, url: QUrl) -> None:
        _scheme, turn, number = url.toString().split(":")
        self.show_citation(int(turn), int(number))

    def show_citation(self, turn: int, number: int) -> None:
        """Show the chunk cited by ``[number]`` of answer ``turn``, its quote highlighted."""
        citation = self.answers[turn].citations[number - 1]
        where = f" — {html.escape(citation.where)}" if citation.where else ""
        body = f"<p style='white-space:pre-wrap'>{highlighted(citation)}</p>"  # its line breaks
        self.chunk.setHtml(f"<p><b>{html.escape(citation.document)}</b>{where}</p>{body}")
