"""Every string of the UI is translatable and the shipped zh_CN translation covers it.

A literal passed to ``tr`` / ``translate`` (or the pages' ``_tr`` helpers) must be in
resources/i18n/deskmate_zh_CN.ts with a finished translation; the compiled .qm must translate
the About box, the data folder box and the week view at run time. When this fails, add the
Chinese text to resources/i18n/update_translations.py and run it.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "deskmate_zh_CN.ts"
TR_NAMES = {"tr", "translate", "_tr", "_page"}


def _literals() -> Iterator[tuple[str, str]]:
    """(file, text) of every literal given to a translation call under ui/."""
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in TR_NAMES or not node.args:
                continue
            arg = node.args[1] if name == "translate" and len(node.args) > 1 else node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield path.relative_to(ROOT).as_posix(), arg.value


def _messages() -> dict[str, tuple[str | None, str]]:
    """source -> (translation type, translated text) over all contexts."""
    out: dict[str, tuple[str | None, str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        out[message.findtext("source") or ""] = (translation.get("type"), text)
    return out


def test_every_ui_string_has_a_finished_chinese_translation() -> None:
    messages = _messages()
    unfinished = sorted(s for s, (kind, text) in messages.items() if kind or not text)
    assert not unfinished, f"unfinished translations: {unfinished}"
    literals = list(_literals())
    assert len(literals) > 100  # the scan really sees the UI's strings
    missing = sorted({f"{f}: {t}" for f, t in literals if t not in messages})
    assert not missing, "not in the .ts (run resources/i18n/update_translations.py): " + str(
        missing
    )


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("deskmate_zh_CN", str(TS.parent))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_about_data_folder_and_week_view_show_chinese(
    chinese: None, qtbot: Any, data_dir: Path
) -> None:
    from ui.about_box import AboutBox
    from ui.pages.data_folder_box import DataFolderBox
    from ui.week_view import WeekView

    about = AboutBox(data_dir)
    qtbot.addWidget(about)
    assert about.title() == "关于此安装"
    assert about.row_titles()["version"] == "版本"
    assert about.on_off() in ("开", "关")
    folder = DataFolderBox(data_dir)
    qtbot.addWidget(folder)
    assert folder.title() == "数据文件夹" and folder.change_button.text() == "更改…"
    assert folder.reset_button.text() == "恢复默认"
    week = WeekView()
    qtbot.addWidget(week)
    assert week.delete_button.text() == "删除日程"


@pytest.fixture
def chinese_ui(qapp: QApplication) -> Iterator[None]:
    """The app's own switch to zh_CN (translators + locale), undone afterwards."""
    from PySide6.QtCore import QLocale

    from ui.look import install_translators, translating

    locale = QLocale()
    assert install_translators(qapp, "zh_CN") == "zh_CN" and translating()
    yield
    install_translators(qapp, "en")
    QLocale.setDefault(locale)


def _errors() -> list[Any]:
    from assistant.errors import (
        CalendarError,
        DiskFull,
        EncryptedDocument,
        ModelTooLarge,
        RemoteServerError,
    )

    return [
        EncryptedDocument("report.pdf is encrypted.", hint="remove the password"),
        ModelTooLarge("model m.gguf needs about 9.00 GB of memory but only 2.00 GB is available"),
        RemoteServerError("the server at http://h:8000/v1 did not answer"),
        DiskFull("the disk is full"),
        CalendarError("x.ics is not a calendar"),
    ]


def test_core_errors_lead_with_a_chinese_headline(chinese_ui: None, qtbot: Any) -> None:
    from ui.message_bar import MessageBar

    bar = MessageBar()
    qtbot.addWidget(bar)
    heads = ["文档已加密", "内存不足，无法运行此模型", "模型服务器出错", "磁盘已满"]
    heads.append("无法读取日历文件")
    for error, head in zip(_errors(), heads, strict=True):
        bar.show_error(error)
        # the Chinese headline, then the core's exact message (file names, figures, hint)
        assert bar.label.text() == f"{head}：{error.user_text()}"


def test_core_errors_in_english_are_the_message_alone(qtbot: Any) -> None:
    from ui.look import translating
    from ui.message_bar import MessageBar

    assert not translating()
    bar = MessageBar()
    qtbot.addWidget(bar)
    for error in _errors():
        bar.show_error(error)
        assert bar.label.text() == error.user_text()


def test_model_status_in_chinese(chinese_ui: None, qtbot: Any, scripted_core: Any) -> None:
    from assistant.llm.params import DeviceInfo, ModelStatus
    from ui.main_window import MainWindow

    window = MainWindow(scripted_core)
    window.autoload_model = False
    qtbot.addWidget(window)
    gpu = DeviceInfo(True, 29, "all layers fit in free VRAM", gpu_build=True)
    window._model_ready(ModelStatus("/data/models/q.gguf", gpu))
    assert window.status_label.text() == "模型：q.gguf（GPU，29 层）"
    server = DeviceInfo(False, 0, "", server="http://host:8000/v1")
    window._model_ready(ModelStatus("Qwen/Qwen2.5-7B", server))
    assert window.status_label.text() == "模型：Qwen2.5-7B（服务器 http://host:8000/v1）"
    window._model_ready(ModelStatus("/m/q.gguf", DeviceInfo(False, 0, "no GPU support here")))
    assert window.status_label.text() == "模型：q.gguf（CPU）"
    assert "no GPU support" in window.status_label.toolTip()  # the reason, in the tooltip
