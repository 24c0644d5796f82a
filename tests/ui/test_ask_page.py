"""The Ask page shows answers with clickable citations and the cited chunk highlighted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl

from assistant.core import Core
from assistant.docqa.ask_docs import compose
from assistant.docqa.citations import Source, verify_citations
from assistant.task_events import Done
from ui.pages.ask_page import AskPage

CHUNK = "公司规定：员工每天下午三点可以在休息室喝茶，\n休息时间为十五分钟。"


def test_a_citation_opens_its_chunk_with_the_quote_highlighted(qtbot: Any, data_dir: Path) -> None:
    core = Core(data_dir)
    try:
        page = AskPage(core)
        qtbot.addWidget(page)
        assert "Enter" in page.view.toPlainText()  # the empty state says what to do
        cited = verify_citations(
            [(1, "可以在休息室喝茶， 休息时间")], {1: Source(1, 7, "规定.md", "", CHUNK)}
        )
        answer = compose("几点喝茶？", "zh", "c1", "下午三点 [1]", cited)
        page._on_done(Done("", data=answer.to_data()))
        assert "[1]" in page.view.toPlainText() and page.conversation == "c1"
        page._open_citation(QUrl("cite:0:1"))
        assert "#ffe27a" in page.chunk.toHtml() and "规定.md" in page.chunk.toPlainText()
        page.new_conversation()
        assert page.conversation is None and page.answers == []
    finally:
        core.close()
