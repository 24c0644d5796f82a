"""``deskmate gui`` / ``deskmate quick``: the application, single instance via QLocalServer.

The window is on screen before the model loads (the model loads in the background). A second
``deskmate gui`` raises the first window; ``deskmate quick`` opens the quick popup in the running
app (users on Wayland bind that command to a key in their desktop settings).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.single_instance import send_line, server_name

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QApplication

    from assistant.core import Core
    from assistant.reminders import Reminder
    from ui.hotkey import GlobalHotkey
    from ui.main_window import MainWindow
    from ui.quick_popup import QuickPopup
    from ui.reminders_ui import Reminders
    from ui.tray import Tray

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_MS = 500


def send_message(name: str, message: str) -> bool:
    """Send ``message`` to a running instance; ``False`` if none is listening."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(message.encode() + b"\n")
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class DeskmateApp:
    """Owns the window, the (pre-built) quick popup, the tray, the hotkey and the server."""

    def __init__(self, core: Core, *, tray: bool = True, hotkey: bool = True) -> None:
        from ui.crash import show_crash
        from ui.look import app_icon
        from ui.main_window import MainWindow
        from ui.quick_popup import QuickPopup

        self.core = core
        self.window: MainWindow = MainWindow(core)
        self.window.setWindowIcon(app_icon())
        self.popup: QuickPopup = QuickPopup(core)
        self.popup.error.connect(self.window.show_error)
        self.popup.crashed.connect(show_crash)
        self.server: QLocalServer | None = None
        self.tray: Tray | None = None
        self.hotkey: GlobalHotkey | None = None
        self.reminders: Reminders | None = None
        if tray:
            self._make_tray()
            self._start_reminders()
        if hotkey:
            self._start_hotkey()
        self.window.setting_changed.connect(self._setting_changed)
        self.window.run_finished.connect(lambda *_: self.refresh_recent())
        self._start_mail_watch()

    # --- pieces ------------------------------------------------------------------------------
    def _make_tray(self) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        from ui.look import app_icon
        from ui.tray import Tray

        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.info("no system tray: closing the window quits")
            return
        self.tray = Tray(
            app_icon(),
            quick=self.quick,
            open_window=self.show_window,
            open_run=self._open_run,
            quit_app=self.quit,
        )
        self.tray.show()
        self.window.allow_close_to_tray = True
        self.refresh_recent()

    def _start_reminders(self) -> None:
        """Reminders run with the app, window closed or not (see ui/reminders_ui.py)."""
        from ui.reminders_ui import Reminders

        self.reminders = Reminders(self.core, self.tray)
        self.reminders.opened.connect(self._open_reminder)
        self.reminders.missed.connect(self._show_missed)
        self.reminders.start()

    def _open_reminder(self, reminder: Reminder) -> None:
        self.show_window()
        if reminder.kind == "event" and reminder.start is not None:
            self.window.open_event(reminder.start)
        else:
            self.window.show_page("schedule")

    def _show_missed(self, missed: list[Reminder]) -> None:
        assert self.reminders is not None
        text = self.reminders.away_text(missed)
        self.window.message_bar.show_message(text)
        if self.tray is not None:
            self.tray.showMessage("Deskmate", text)

    def _start_mail_watch(self) -> None:
        """Auto-draft for the accounts with the switch on; a notice when drafts are ready."""
        from PySide6.QtCore import QTimer

        from ui.mail_watchers import MailWatchers

        self.mail_watchers = MailWatchers(self.core, self.window)
        self.mail_watchers.drafts_ready.connect(self.drafts_ready)
        self.window.mail_accounts_changed.connect(self.mail_watchers.start)
        QTimer.singleShot(0, self.mail_watchers.start)
        # CalDAV: one sync thread per account, at start and every calendar_sync_min minutes
        QTimer.singleShot(0, self.window.calendar_sync.start)

    def drafts_ready(self, count: int) -> None:
        from ui.mail_watchers import drafts_ready_text

        text = drafts_ready_text(count)
        if self.tray is not None:
            self.tray.showMessage("Deskmate", text)
        else:
            self.window.message_bar.show_message(text)

    def _start_hotkey(self) -> None:
        from PySide6.QtCore import QCoreApplication

        from ui.hotkey import GlobalHotkey

        self.hotkey = GlobalHotkey()
        self.hotkey.activated.connect(self.quick)
        reason = self.hotkey.start(self.core.settings.get_str("hotkey"))
        if reason:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Global hotkey unavailable (%1): bind `deskmate quick` instead."
                ).replace("%1", reason),
                15000,
            )

    def listen(self, name: str) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer()
        if not server.listen(name):
            QLocalServer.removeServer(name)  # a stale socket from a crashed run
            if not server.listen(name):
                log.warning("single-instance server failed: %s", server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()

            def read(s: Any = socket) -> None:
                while s.canReadLine():
                    self.handle_message(bytes(s.readLine().data()).decode().strip())

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            read()

    def handle_message(self, message: str) -> None:
        if message == "quick":
            self.quick()
        elif message == "show":
            self.show_window()

    # --- actions -----------------------------------------------------------------------------
    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def quick(self) -> None:
        self.popup.popup()

    def _open_run(self, run: dict[str, Any]) -> None:
        self.show_window()
        self.window.open_run(run)

    def refresh_recent(self) -> None:
        if self.tray is None:
            return
        from ui.worker import run_in_background

        store, tray = self.core.store, self.tray
        run_in_background(self.window, lambda: store.list_runs(limit=5), tray.set_recent)

    def _setting_changed(self, key: str, value: object) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        from ui.look import apply_theme

        if key == "theme":
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, str(value))
        elif key == "hotkey" and self.hotkey is not None:
            self._start_hotkey()
        elif key == "start_on_login":
            self._apply_autostart(bool(value))
        elif key == "ui_language":
            self.window.message_bar.show_message(
                QCoreApplication.translate(
                    "MainWindow", "The new language is used after a restart."
                )
            )

    def _apply_autostart(self, enabled: bool) -> None:
        from assistant.autostart import set_autostart
        from assistant.errors import DeskmateError

        try:
            set_autostart(enabled, self.core.data_dir)
        except DeskmateError as exc:
            self.window.show_error(exc)

    def quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.window.quitting = True
        self.popup.close()
        self.window.close()
        QApplication.quit()

    def shutdown(self) -> None:
        if self.reminders is not None:
            self.reminders.stop()
        self.mail_watchers.stop()
        if self.hotkey is not None:
            self.hotkey.stop()
        if self.tray is not None:
            self.tray.hide()
        if self.server is not None:
            self.server.close()
        self.window.shutdown()
        self.popup.deleteLater()


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="deskmate gui")
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--quick", action="store_true", help="open the quick popup")
    parser.add_argument("--page", default="", help="start on this page (summarize, settings...)")
    parser.add_argument("--model-path", default=None, help="use this GGUF file (development)")
    args, _ = parser.parse_known_args(argv)
    return args


def _qapp(argv: list[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else "deskmate", *argv])
    app.setApplicationName("Deskmate")
    app.setDesktopFileName("io.github.deskmate.Deskmate")  # packaging/linux
    return app


def main(argv: list[str] | None = None) -> int:
    """Entry of ``deskmate gui``; returns the exit code."""
    from assistant.data_move import data_dir_at_start
    from assistant.errors import DeskmateError

    args = _parse(list(sys.argv[1:] if argv is None else argv))
    data_dir = data_dir_at_start(args.data_dir)
    name = server_name(data_dir)
    app = _qapp([])
    if send_message(name, "quick" if args.quick else "show"):
        return 0  # the running instance takes over
    from assistant.core import Core
    from assistant.lang import stop_detector_process, use_detector_process
    from ui.crash import install_excepthooks, setup_logging
    from ui.look import app_icon, apply_theme, install_translators

    setup_logging(data_dir)
    install_excepthooks()
    try:
        core = Core(data_dir, model_path=Path(args.model_path) if args.model_path else None)
    except DeskmateError as exc:
        print(f"deskmate: error: {exc.user_text()}", file=sys.stderr)
        return exc.exit_code
    install_translators(app, core.settings.get_str("ui_language"))
    apply_theme(app, core.settings.get_str("theme"))
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    deskmate = DeskmateApp(core)
    deskmate.listen(name)
    deskmate.window.closed.connect(app.quit)
    _quit_on_signals(deskmate)
    if args.page:
        deskmate.window.show_page(args.page)
    from ui.first_run import FirstRun

    first_run = FirstRun(core, deskmate.window)  # a model not in place yet: assemble or explain
    deskmate.window.show()  # on screen first; the model loads in the background
    use_detector_process()  # lingua's model load holds the GIL: not in this process
    first_run.start()
    if args.quick:
        deskmate.quick()
    try:
        return app.exec()
    finally:
        deskmate.shutdown()
        stop_detector_process()
        core.close(wait_for_model=False)


def _quit_on_signals(deskmate: DeskmateApp) -> None:
    """SIGTERM / SIGINT (logout, ``kill``, Ctrl+C in a terminal) quit cleanly even while the
    Qt event loop idles: the C-level handler writes to a socket that Qt watches."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    read_end, write_end = socket.socketpair()
    read_end.setblocking(False)
    write_end.setblocking(False)
    signal.set_wakeup_fd(write_end.fileno())
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: None)  # the notifier below does the work
    notifier = QSocketNotifier(read_end.fileno(), QSocketNotifier.Type.Read, deskmate.window)

    def woke() -> None:
        try:
            read_end.recv(64)
        except OSError:
            return
        log.info("quit on a signal")
        deskmate.quit()

    notifier.activated.connect(woke)
    _signal_sockets.extend([read_end, write_end])


_signal_sockets: list[object] = []  # kept open for the life of the process


def open_quick_popup(data_dir: str | None = None) -> int:
    """``deskmate quick`` on the slow path: open the popup in the running app (or start it).
    ``assistant.cli.quick`` already tried a plain Unix socket (no Qt start-up) before this."""
    from assistant.data_location import resolve_data_dir

    name = server_name(resolve_data_dir(data_dir))
    if send_line(name, "quick"):
        return 0
    _qapp([])
    if send_message(name, "quick"):  # QLocalSocket: also where Unix sockets are missing
        return 0
    return main([*(["--data-dir", data_dir] if data_dir else []), "--quick"])
