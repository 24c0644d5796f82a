"""HTML to text with lxml: scripts/styles dropped, h1-h6 start sections.

The tree is walked iteratively (``etree.iterwalk``), never recursively, so deeply nested
markup cannot hit Python's recursion limit; markup nested deeper than libxml2 builds trees
goes through BeautifulSoup instead.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from assistant.documents.encoding import decode_text
from assistant.documents.model import Section, normalize_text

_DROP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "section", "article",
    "header", "footer", "main", "nav", "aside", "blockquote", "pre", "hr", "figure",
    "figcaption", "form", "address", "fieldset", "details", "summary", "caption", "body",
}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLANKS = re.compile(r"[ \t]*\n[ \t\n]*")


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def load_html(data: bytes) -> tuple[str | None, list[Section]]:
    return html_to_sections(decode_text(data, declared=declared_charset(data)))


# Inside <pre>, spaces, tabs and newlines stand in as private-use characters until the
# cleaning below is done, so code keeps its indentation and blank lines.
_PRE_KEEP = str.maketrans({" ": "\ue000", "\t": "\ue001", "\n": "\ue002"})
_PRE_BACK = str.maketrans({"\ue000": " ", "\ue001": "\t", "\ue002": "\n"})


def _clean(parts: list[str]) -> str:
    text = "".join(parts)
    # Paragraph breaks (blank lines) survive; other runs of whitespace around newlines collapse.
    text = _BLANKS.sub(lambda m: "\n\n" if m.group(0).count("\n") > 1 else "\n", text)
    return normalize_text(text).translate(_PRE_BACK)


class _Sections:
    """Collects text parts into sections that start at each heading."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.heading: str | None = None
        self.parts: list[str] = []

    def flush(self) -> None:
        text = _clean(self.parts)
        if text:
            self.sections.append(Section(text, heading=self.heading))
        self.parts.clear()

    def start_section(self, heading_text: str) -> None:
        self.flush()
        self.heading = _SPACES.sub(" ", heading_text).strip() or None
        if self.heading:
            self.parts.append(self.heading + "\n\n")

    def opening(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def text(self, text: str | None, keep_spaces: bool = False) -> None:
        if text:
            self.parts.append(text.translate(_PRE_KEEP) if keep_spaces else _SPACES.sub(" ", text))


def html_to_sections(markup: str) -> tuple[str | None, list[Section]]:
    """(the <title>, sections split at h1-h6)."""
    parser = lxml_html.HTMLParser(encoding="utf-8", recover=True, huge_tree=True)
    data = markup.encode("utf-8", errors="replace")
    try:
        root = etree.fromstring(data, parser) if data.strip() else None
    except etree.ParserError:  # "Document is empty" and kin
        root = None
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        return _soup_sections(markup)  # nested deeper than libxml2 builds trees (2,048)
    if root is None:
        return None, []
    title_tag = root.find(".//title")
    out = _Sections()
    in_pre = 0  # how many <pre> elements we are inside: their whitespace is kept
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""  # "": comment, PI
        if event == "end":
            if tag == "pre":
                in_pre -= 1
            out.text(element.tail, keep_spaces=in_pre > 0)  # text after it, in its parent
        elif not tag or tag in _DROP or tag in _HEADINGS:
            if tag in _HEADINGS:
                out.start_section(" ".join(element.itertext()))
            walker.skip_subtree()  # its "end" event still comes, with the tail
        else:
            out.opening(tag)
            if tag == "pre":
                in_pre += 1
            out.text(element.text, keep_spaces=in_pre > 0)
    out.flush()
    title = _SPACES.sub(" ", title_tag.text_content()).strip() if title_tag is not None else ""
    return title or None, out.sections


def _soup_sections(markup: str) -> tuple[str | None, list[Section]]:
    """The same with BeautifulSoup, for markup nested too deep for a libxml2 tree: ~30x
    slower, and its tree builder retakes the GIL for every tag (the window stutters), so it
    is only the fallback. (lxml's own parse runs without the GIL: a 5 MB page takes 0.05 s
    with no stall, against 1.3-1.8 s with 110-300 ms stalls through BeautifulSoup.)"""
    from bs4 import (
        BeautifulSoup,
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns about markup that looks like a URL/XML
        soup = BeautifulSoup(markup, "lxml")
    title_tag = soup.find("title")
    title = _SPACES.sub(" ", title_tag.get_text()).strip() if title_tag is not None else ""
    out = _Sections()
    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    node: Any = soup.contents[0] if soup.contents else None
    while node is not None:
        if isinstance(node, Tag):
            name = node.name.lower()
            if name in _DROP or name in _HEADINGS:
                if name in _HEADINGS:
                    out.start_section(node.get_text(" "))
                node = _after(node)
                continue
            out.opening(name)
        elif isinstance(node, NavigableString) and not isinstance(node, skipped):
            parent = node.parent
            out.text(str(node), keep_spaces=parent is not None and parent.name == "pre")
        node = node.next_element
    out.flush()
    return title or None, out.sections


def _after(node: Any) -> Any:
    """The first node after ``node`` and all its descendants."""
    current = node
    while current is not None:
        if current.next_sibling is not None:
            return current.next_sibling
        current = current.parent
    return None
