"""The generic task page: input, options, Run/Stop, streamed Markdown result, Copy/Save."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.task_events import Done, SectionDone, TaskEvent
from assistant.tasks.sections import summary_markdown
from ui.pages.specs import OptionSpec, TaskSpec
from ui.worker import TaskRunner

if TYPE_CHECKING:
    from assistant.core import Core


def format_eta(seconds: float) -> str:
    if seconds < 0:
        return ""
    if seconds < 60:
        return QCoreApplication.translate(
            "TaskPage", "about %n s left", None, max(1, round(seconds))
        )
    return QCoreApplication.translate(
        "TaskPage", "about %n min left", None, max(1, round(seconds / 60))
    )


class TaskPage(QWidget):
    error = Signal(object)  # DeskmateError -> the window's message bar
    crashed = Signal(str)
    run_finished = Signal(object)  # Done or None (cancelled / failed)

    def __init__(self, core: Core, spec: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.spec = core, spec
        self.setObjectName(f"page_{spec.key}")
        self.runner = TaskRunner(self)
        self.file: Path | None = None
        self.queue: deque[Path] = deque()
        self.result_text = ""
        self.sections: dict[int, SectionDone] = {}  # a long summary's parts, shown as they come
        self.last_done: Done | None = None
        self._option_widgets: dict[str, QComboBox | QLineEdit] = {}
        self._build()
        self._wire()
        self._set_running(False)
        self.set_file(None)

    # --- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{self.spec.title}</h2>")
        layout.addWidget(title)
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(self.spec.placeholder)
        self.input.setMaximumHeight(140)
        self.input.setAcceptDrops(False)  # files dropped anywhere go to the window's router
        layout.addWidget(self.input)
        file_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open file…"))
        self.file_label = QLabel()
        self.clear_file_button = QPushButton(self.tr("Clear"))
        self.clear_file_button.setFlat(True)
        file_row.addWidget(self.open_button)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.clear_file_button)
        layout.addLayout(file_row)
        if self.spec.options:
            form = QFormLayout()
            for option in self.spec.options:
                widget = self._option_widget(option)
                self._option_widgets[option.key] = widget
                form.addRow(option.label, widget)
            layout.addLayout(form)
        run_row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.eta_label = QLabel()
        for button in (self.run_button, self.stop_button):  # no stretching once the bar hides
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.stop_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.eta_label)
        run_row.addStretch(0)  # takes the room of the hidden progress bar
        layout.addLayout(run_row)
        self.status_label = QLabel()
        self.status_label.setObjectName("pageStatus")
        layout.addWidget(self.status_label)
        self.result = QTextBrowser()
        self.result.setOpenExternalLinks(True)
        self.result.setAcceptDrops(False)
        self.result.setPlaceholderText(self.tr("The result appears here."))
        self._place_result(layout)
        out_row = QHBoxLayout()
        out_row.addStretch(1)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.save_button = QPushButton(self.tr("Save…"))
        out_row.addWidget(self.copy_button)
        out_row.addWidget(self.save_button)
        layout.addLayout(out_row)

    def _place_result(self, layout: QVBoxLayout) -> None:
        """Where the result view goes (the Schedule page adds its suggestions and week)."""
        layout.addWidget(self.result, 1)

    def _option_widget(self, option: OptionSpec) -> QComboBox | QLineEdit:
        default = ""
        if option.setting is not None:
            default = str(self.core.settings.get(option.setting))
        if not option.choices:
            line = QLineEdit(default)
            line.setPlaceholderText(option.placeholder)
            return line
        combo = QComboBox()
        combo.setEditable(option.editable)
        for value, label in option.choices:
            combo.addItem(label, value)
        index = combo.findData(default)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif option.editable and default:
            combo.setEditText(default)
        return combo

    def _wire(self) -> None:
        self.open_button.clicked.connect(self.choose_file)
        self.clear_file_button.clicked.connect(lambda: self.set_file(None))
        self.run_button.clicked.connect(self.run)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.run)
        self.stop_button.clicked.connect(self.stop)
        self.copy_button.clicked.connect(self.copy_result)
        self.save_button.clicked.connect(self.choose_save)
        r = self.runner
        r.token.connect(self._on_token)
        r.progress.connect(self._on_progress)
        r.status.connect(self.status_label.setText)
        r.section.connect(self._on_section)
        r.done.connect(self._on_done)
        r.error.connect(self.error)
        r.crashed.connect(self.crashed)
        r.cancelled.connect(self._on_cancelled)
        r.finished.connect(self._on_finished)

    # --- input -------------------------------------------------------------------------------
    def set_file(self, path: Path | None) -> None:
        self.file = path
        self.file_label.setText(path.name if path else "")
        self.file_label.setToolTip(str(path) if path else "")
        self.clear_file_button.setVisible(path is not None)
        self.input.setEnabled(path is None or self.spec.key == "reply")

    def set_text(self, text: str) -> None:
        self.set_file(None)
        self.input.setPlainText(text)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), "", self.spec.file_filter)
        if name:
            self.set_file(Path(name))

    def enqueue(self, paths: list[Path]) -> None:
        """Files dropped on the window: run them one after another."""
        self.queue.extend(paths)
        if not self.runner.is_running():
            self._next_from_queue()

    def _next_from_queue(self) -> None:
        if not self.queue:
            return
        self.set_file(self.queue.popleft())
        self.run()

    def options(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for key, widget in self._option_widgets.items():
            if isinstance(widget, QLineEdit):
                values[key] = widget.text().strip()
            else:
                text = widget.currentText().strip()
                index = widget.currentIndex()
                picked = index >= 0 and widget.itemText(index) == widget.currentText()
                values[key] = str(widget.itemData(index)) if picked else text
        return values

    # --- running -----------------------------------------------------------------------------
    def run(self) -> None:
        if self.runner.is_running():
            return
        source: Path | str = self.file if self.file is not None else self.input.toPlainText()
        if isinstance(source, str) and not source.strip():
            self.status_label.setText(self.tr("Type or open something first."))
            return
        core, options, call = self.core, self.options(), self.spec.call
        self.start(lambda: call(core, source, options), self.spec.key)

    def start(self, make: Callable[[], Iterator[TaskEvent]], name: str) -> None:
        """Run the events ``make()`` returns on the page's worker, the result shown here."""
        self.result_text, self.last_done = "", None
        self.sections = {}
        self.result.clear()
        self.progress.setRange(0, 0)
        self.eta_label.clear()
        self.status_label.setText(self.tr("Working…"))
        self._set_running(True)
        self.runner.start(make, name)

    def stop(self) -> None:
        self.runner.cancel()
        self.stop_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.progress.setVisible(running)
        self.eta_label.setVisible(running)
        self.open_button.setEnabled(not running)

    def _on_token(self, text: str) -> None:
        self.result_text += text
        self._render()

    def _on_section(self, section: SectionDone) -> None:
        self.sections[section.index] = section
        self.status_label.setText(
            self.tr("Section %1 of %2 done; the overview comes when all are done.")
            .replace("%1", str(len(self.sections)))
            .replace("%2", str(section.total))
        )
        self._render()

    def shown_text(self) -> str:
        """What Copy and Save take: the result, with the finished sections of a long summary."""
        return summary_markdown(self.result_text, self.sections.values())

    def _render(self) -> None:
        bar = self.result.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        text = self.shown_text()
        if self.sections and not self.result_text.strip() and self.runner.is_running():
            waiting = self.tr("The overview is written when all sections are done.")
            text = f"*{waiting}*\n\n{text}"
        self.result.setMarkdown(text)
        if at_end:
            self.result.moveCursor(QTextCursor.MoveOperation.End)
            bar.setValue(bar.maximum())

    def _on_progress(self, done: int, total: int, stage: str, eta: float) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.eta_label.setText(format_eta(eta))

    def _on_done(self, done: Done) -> None:
        self.last_done = done
        if done.text:
            self.result_text, self.sections = done.text, {}  # the text has its sections
            self._render()
        status = self.tr("Done.")
        if done.data.get("glossary_violations"):
            status += " " + self.tr("Some glossary terms were not used (see the glossary).")
        if done.data.get("missed"):  # a reply draft that may not do what was asked
            status += " " + self.tr("Check this draft: it may not do what you asked.")
        if done.data.get("untranslated"):
            status += " " + self.tr(
                "Sentences giving the assistant orders were kept untranslated: %n.",
                "",
                len(done.data["untranslated"]),
            )
        self.status_label.setText(status)

    def _on_cancelled(self) -> None:
        if not self.sections:
            self.status_label.setText(self.tr("Stopped."))
            return
        self._render()
        self.status_label.setText(self.resume_note(len(self.sections)))

    def resume_note(self, kept: int) -> str:
        return self.tr(
            "Stopped with %n section(s) done. They are kept: summarize the same document "
            "again to resume from there.",
            "",
            kept,
        )

    def _on_finished(self) -> None:
        self._set_running(False)
        self.run_finished.emit(self.last_done)
        self._next_from_queue()

    def show_result(self, text: str, note: str = "") -> None:
        """Show a stored result again (from History)."""
        self.result_text, self.sections = text, {}
        self._render()
        self.status_label.setText(note)

    # --- output ------------------------------------------------------------------------------
    def copy_result(self) -> None:
        QGuiApplication.clipboard().setText(self.shown_text())

    def choose_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save result"), f"{self.spec.key}.md", self.tr("Markdown (*.md)")
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        try:
            path.write_text(self.shown_text(), encoding="utf-8")
        except OSError as exc:
            from assistant.errors import EnvironmentProblem

            self.error.emit(
                EnvironmentProblem(self.tr("Could not save: %1").replace("%1", str(exc)))
            )
