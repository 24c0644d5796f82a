"""The tray icon: Quick prompt, Open Deskmate, recent results, Quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

RECENT = 5


class Tray(QSystemTrayIcon):
    def __init__(
        self,
        icon: QIcon,
        *,
        quick: Callable[[], None],
        open_window: Callable[[], None],
        open_run: Callable[[dict[str, Any]], None],
        quit_app: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(icon, parent)
        self.setToolTip("Deskmate")
        self._open_run = open_run
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.addAction(self.tr("Quick prompt"), quick)
        self.menu.addAction(self.tr("Open Deskmate"), open_window)
        self.recent_menu = self.menu.addMenu(self.tr("Recent results"))
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Quit"), quit_app)
        self.setContextMenu(self.menu)
        self.activated.connect(
            lambda reason: (
                open_window() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
        self.set_recent([])

    def set_recent(self, runs: list[dict[str, Any]]) -> None:
        self.recent_menu.clear()
        for run in runs[:RECENT]:
            title = str(run.get("output") or "").strip().splitlines()
            label = f"{run.get('task', '')}: {(title[0] if title else '')[:40]}"
            action = QAction(label, self.recent_menu)
            action.triggered.connect(lambda _=False, r=run: self._open_run(r))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(runs))
