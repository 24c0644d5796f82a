"""The quick popup's Ask chip with "My documents": an answer from the library with verified
citations (a scripted engine stands in for the model); without the toggle, a plain answer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.core import Core
from assistant.documents import document_from_text
from assistant.task_events import Done, TaskEvent, Token
from ui.quick_popup import QuickPopup

TEA = "公司规定：员工每天下午三点可以在休息室喝茶，休息时间为十五分钟。"
# Ask's two steps (assistant/docqa/ask_prompts.py): a quote picked from the passages (JSON),
# then an answer from the verified quote.
PICK = json.dumps({"quote": "下午三点可以在休息室喝茶", "source": 1}, ensure_ascii=False)
ANSWER = "员工每天下午三点可以喝茶。"


class _Engine:
    def chat(self, messages: list[Any], params: Any) -> Iterator[TaskEvent]:
        reply = PICK if params.json_schema else ANSWER
        yield Token(reply)
        yield Done(reply, data={"finish_reason": "stop"})

    def count_tokens(self, text: str) -> int:
        return len(text)

    def context_size(self) -> int:
        return 4096

    def model_name(self) -> str:
        return "scripted"


def test_ask_chip_answers_from_my_documents_with_citations(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = Core(data_dir)
    try:
        core.remember_document(document_from_text(TEA, title="规定.md"))
        monkeypatch.setattr(core, "engine", lambda: _Engine())
        popup = QuickPopup(core)
        qtbot.addWidget(popup)
        popup.popup("员工几点可以喝茶？")
        assert popup.action() == "ask" and popup.docs_toggle.isEnabled()
        assert not popup.docs_toggle.isChecked()
        qtbot.keyClick(popup, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        assert popup.docs_toggle.isChecked()
        with qtbot.waitSignal(popup.runner.finished, timeout=120_000):
            popup.run()
        shown = popup.answer.toPlainText()
        # The quote is widened to its whole sentence in the document, and cited.
        assert shown.startswith(ANSWER) and f"[1] 规定.md: “{TEA}”" in shown, shown

        popup.docs_toggle.setChecked(False)  # a plain answer: no retrieval, no citation
        with qtbot.waitSignal(popup.runner.finished, timeout=60_000):
            popup.run()
        assert popup.answer_text and "规定.md" not in popup.answer.toPlainText()
        popup.chip_buttons["translate"].setChecked(True)
        assert not popup.docs_toggle.isEnabled()
        popup.close()
    finally:
        core.close()
