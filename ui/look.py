"""Language (Qt translators, zh_CN shipped) and the light/dark theme."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
I18N_DIR = RESOURCES / "i18n"
ICON_PATH = RESOURCES / "icons" / "deskmate.svg"
_installed: list[QTranslator] = []


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))


def ui_language(setting: str) -> str:
    """``system`` -> the system locale's name (e.g. ``zh_CN``); otherwise the setting."""
    return QLocale.system().name() if setting in ("", "system") else setting


def translating() -> bool:
    """Is a translation of the UI installed (the UI is not in English)?"""
    return bool(_installed)


def install_translators(app: QApplication, setting: str) -> str:
    """Install Deskmate's and Qt's translators for the chosen language; returns it."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = ui_language(setting)
    if language.startswith("en"):
        return "en"
    ours = QTranslator(app)
    if ours.load(f"deskmate_{language}", str(I18N_DIR)):
        app.installTranslator(ours)
        _installed.append(ours)
        QLocale.setDefault(QLocale(language))  # day and month names in that language too
    else:
        log.info("no translation for %s", language)
        return "en"
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(223, 225, 229)
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, window),
        (role.ToolTipBase, window),
        (role.ToolTipText, text),
        (role.Text, text),
        (role.Button, QColor(55, 57, 61)),
        (role.ButtonText, text),
        (role.BrightText, QColor(255, 90, 90)),
        (role.Link, QColor(110, 160, 255)),
        (role.Highlight, QColor(47, 111, 222)),
        (role.HighlightedText, QColor(255, 255, 255)),
        (role.PlaceholderText, QColor(140, 143, 150)),
    ):
        p.setColor(r, c)
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(120, 122, 128))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(120, 122, 128))
    return p


def is_dark(setting: str) -> bool:
    if setting == "dark":
        return True
    if setting == "light":
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


STYLE = """
#sidebar { font-size: 11pt; border: none; padding-top: 8px; }
#sidebar::item { padding: 8px 14px; }
#messageBar[level="error"] { background: #f8d7da; color: #611a15; }
#messageBar[level="warning"] { background: #fff3cd; color: #533f03; }
#messageBar[level="info"] { background: #d1ecf1; color: #0c4653; }
#settingHelp, #hint, #pageStatus { color: palette(placeholder-text); }
#settingError { color: #c0392b; }
QPushButton[chip="true"] { border-radius: 11px; padding: 3px 12px; }
QPushButton[chip="true"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
}
#quickPopup { border: 1px solid palette(highlight); border-radius: 8px; }
"""


def apply_theme(app: QApplication, setting: str) -> bool:
    """Fusion style with a light or dark palette; returns whether dark is used."""
    app.setStyle("Fusion")
    dark = is_dark(setting)
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    app.setStyleSheet(STYLE)
    return dark
