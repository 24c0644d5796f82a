"""The Polish page: the result as changes to accept or reject one by one or all at once."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.task_events import Done
from assistant.writing.diff import diff_texts
from ui.actions_dialog import ActionsDialog
from ui.diff_view import DiffView
from ui.pages.specs import TaskSpec
from ui.pages.task_page import TaskPage

if TYPE_CHECKING:
    from assistant.core import Core


class PolishPage(TaskPage):
    def __init__(self, core: Core, spec: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(core, spec, parent)
        self.diff_view.changed.connect(self._accepted_changed)
        self.accept_all_button.clicked.connect(self.diff_view.accept_all)
        self.reject_all_button.clicked.connect(self.diff_view.reject_all)
        self._show_changes(False)
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, self.edit_actions)

    def _place_result(self, layout: QVBoxLayout) -> None:
        actions_row = QHBoxLayout()
        self.actions_button = QToolButton()
        self.actions_button.setText(self.tr("Actions"))
        self.actions_button.setToolTip(self.tr("Your own actions on the text (Alt+A)"))
        self.actions_button.setShortcut(QKeySequence("Alt+A"))
        self.actions_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        self.actions_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_menu = QMenu(self.actions_button)
        self.actions_menu.aboutToShow.connect(self._fill_actions_menu)
        self.actions_button.setMenu(self.actions_menu)
        actions_row.addWidget(self.actions_button)
        actions_row.addStretch(1)
        layout.addLayout(actions_row)
        layout.addWidget(self.result, 1)
        self.diff_view = DiffView()
        self.diff_view.setObjectName("polishChanges")
        self.diff_view.setAcceptDrops(False)
        layout.addWidget(self.diff_view, 1)
        row = QHBoxLayout()
        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        self.accept_all_button = QPushButton(self.tr("Accept all"))
        self.accept_all_button.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.accept_all_button.setToolTip(self.tr("Accept every change (Ctrl+Shift+A)"))
        self.reject_all_button = QPushButton(self.tr("Reject all"))
        self.reject_all_button.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reject_all_button.setToolTip(self.tr("Keep the original text (Ctrl+Shift+R)"))
        row.addWidget(self.changes_label, 1)
        row.addWidget(self.accept_all_button)
        row.addWidget(self.reject_all_button)
        layout.addLayout(row)

    # --- custom actions ----------------------------------------------------------------------
    def _fill_actions_menu(self) -> None:
        menu = self.actions_menu
        menu.clear()
        for number, action in enumerate(self.core.store.list_actions(), 1):
            label = f"&{number} {action.name}" if number <= 9 else action.name
            menu.addAction(label, functools.partial(self.run_action, action.name))
        menu.addSeparator()
        menu.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
            self.tr("Edit actions…"),
            QKeySequence("Ctrl+Shift+E"),
            self.edit_actions,
        )

    def run_action(self, name: str) -> None:
        """Run the custom action ``name`` on the text in the input box."""
        text = self.input.toPlainText()
        if self.runner.is_running():
            return
        if not text.strip():
            self.status_label.setText(self.tr("Type or paste a text first."))
            return
        core: Any = self.core
        self._show_changes(False)
        self.diff_view.set_diff(None)
        self.start(lambda: core.run_action(name, text), "action")

    def edit_actions(self) -> ActionsDialog:
        """The actions editor (list, add, edit, delete, reorder, import, export), non-modal."""
        dialog = ActionsDialog(self.core, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _show_changes(self, shown: bool) -> None:
        self.diff_view.setVisible(shown)
        self.result.setVisible(not shown)
        for widget in (self.accept_all_button, self.reject_all_button, self.changes_label):
            widget.setVisible(shown)

    def run(self) -> None:
        self._show_changes(False)
        self.diff_view.set_diff(None)
        super().run()

    def _on_done(self, done: Done) -> None:
        super()._on_done(done)
        original = done.data.get("original")
        if not isinstance(original, str):
            return
        diff = diff_texts(original, done.text)
        count = len(diff.hunks)
        if count == 0:
            self.status_label.setText(self.tr("No changes: the text is fine as it is."))
            return
        self.diff_view.set_diff(diff)
        self._show_changes(True)
        self.changes_label.setText(
            self.tr("%n change(s). Click a change to accept or reject it.", "", count)
        )
        kept = done.data.get("kept") or []
        if kept:
            self.status_label.setText(
                self.tr("Done. %n paragraph(s) kept as they were.", "", len(kept))
            )

    def _accepted_changed(self, text: str) -> None:
        self.result_text = text

    def show_result(self, text: str, note: str = "") -> None:
        self._show_changes(False)
        super().show_result(text, note)
