"""HTML mail bodies to plain text lines (lxml), with an optional hook that marks quote blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "meta", "link"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
        "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
        "tfoot", "tr", "ul", "body", "html",
    }
)  # fmt: skip
_CELL = frozenset({"td", "th"})
_RE_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_RE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_RE_SPACE = re.compile(r"[ \t\r\n\f]+")
_MAX_HTML = 5_000_000

Marker = Callable[[Any], str | None]


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: blocks and <br> become line breaks, scripts/styles go."""
    return "\n".join(html_to_lines(html)).strip()


def html_to_lines(html: str, marker: Marker | None = None) -> list[str]:
    """Text lines of ``html``; ``marker(element)`` may return a line to emit before an element."""
    root = _parse(html)
    if root is None:
        return []
    from lxml import etree

    out = _Lines()
    pre_depth = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in _SKIP or _hidden(el):
                if tag:
                    walker.skip_subtree()
                out.text(el.tail, pre_depth)
                continue
            mark = marker(el) if marker is not None else None
            if mark:
                out.soft_break()
                out.lines.append(mark)
            if tag in _BLOCK:
                out.soft_break()
            elif tag == "br":
                out.hard_break()
            if tag == "pre":
                pre_depth += 1
            out.text(el.text, pre_depth)
        else:
            if not tag or tag in _SKIP or _hidden(el):
                continue
            if tag == "pre":
                pre_depth = max(0, pre_depth - 1)
            if tag == "p" and "msonormal" not in (el.get("class") or "").lower():
                out.soft_break()
                out.lines.append("")  # a paragraph: blank line after (not Outlook's MsoNormal)
            elif tag in _BLOCK:
                out.soft_break()
            elif tag in _CELL:
                out.text("  ", 1)
            out.text(el.tail, pre_depth)
    out.soft_break()
    return _tidy(out.lines)


class _Lines:
    """Line builder: a block edge ends a non-empty line, a <br> always ends one."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def text(self, text: str | None, pre_depth: int) -> None:
        if not text:
            return
        if not pre_depth:
            self.buf.append(_RE_SPACE.sub(" ", text))
            return
        first, *rest = text.split("\n")
        self.buf.append(first)
        for part in rest:
            self.hard_break()
            self.buf.append(part)

    def soft_break(self) -> None:
        if "".join(self.buf).strip():
            self.hard_break()
        elif self.buf and "\xa0" in "".join(self.buf):
            self.hard_break()  # an intentionally blank paragraph (&nbsp;)
        else:
            self.buf.clear()

    def hard_break(self) -> None:
        self.lines.append("".join(self.buf))
        self.buf.clear()


def _hidden(el: Any) -> bool:
    """Invisible elements (display:none...) are dropped: a common place to hide instructions."""
    if el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _parse(html: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    text = _RE_CONTROL.sub("", _RE_XML_DECL.sub("", html[:_MAX_HTML]))
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def _tidy(lines: list[str]) -> list[str]:
    out: list[str] = []
    for raw in lines:
        raw = raw.replace("\xa0", " ")
        line = raw.strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
