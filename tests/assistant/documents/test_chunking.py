"""chunk_document: token bound, nothing dropped, sections merged/split sensibly."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.documents import Chunk, Document, Section, chunk_document
from tests.assistant.documents.builders import count4


def _doc(*sections: Section) -> Document:
    return Document("t", "text", sections, sha256="0" * 64)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _check(
    doc: Document, chunks: list[Chunk], max_tokens: int, count: Callable[[str], int]
) -> None:
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert all(c.text.strip() for c in chunks)
    assert all(count(c.text) <= max_tokens for c in chunks)
    assert _squash("".join(c.text for c in chunks)) == _squash(doc.text)
    pages = [p for c in chunks for p in (c.first_page, c.last_page) if p is not None]
    assert pages == sorted(pages)


_alphabet = st.sampled_from(
    [
        *list("abcdefghij klmnop"),
        ".",
        "!",
        "?",
        "。",
        "！",
        "？",
        "，",
        "\n",
        "\n\n",
        "中",
        "文",
        " ",
    ]
)
_text = st.lists(_alphabet, max_size=400).map("".join)
_sections = st.lists(
    st.builds(
        Section,
        text=_text,
        page=st.one_of(st.none(), st.integers(1, 5)),
        heading=st.one_of(st.none(), st.sampled_from(["Intro", "结果"])),
    ),
    max_size=8,
).map(lambda ss: sorted(ss, key=lambda s: s.page or 0))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sections=_sections, max_tokens=st.integers(1, 120))
def test_chunks_fit_and_cover_everything(sections: list[Section], max_tokens: int) -> None:
    doc = _doc(*sections)
    chunks = chunk_document(doc, max_tokens=max_tokens, count_tokens=count4)
    _check(doc, chunks, max_tokens, count4)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sections=_sections, max_tokens=st.integers(2, 120), first=st.integers(1, 120))
def test_the_first_chunk_has_its_own_smaller_bound(
    sections: list[Section], max_tokens: int, first: int
) -> None:
    doc = _doc(*sections)
    chunks = chunk_document(doc, max_tokens=max_tokens, count_tokens=count4, first_max_tokens=first)
    _check(doc, chunks, max_tokens, count4)  # the others keep the full bound, nothing lost
    assert not chunks or count4(chunks[0].text) <= min(first, max_tokens)


def test_a_small_first_chunk_leaves_the_rest_at_full_size() -> None:
    doc = _doc(*(Section(f"page {n} " + "word " * 40, page=n) for n in range(1, 21)))
    plain = chunk_document(doc, max_tokens=200, count_tokens=count4)
    small = chunk_document(doc, max_tokens=200, count_tokens=count4, first_max_tokens=60)
    assert count4(small[0].text) <= 60 < count4(plain[0].text)
    assert max(count4(c.text) for c in small[1:]) > 150  # merged up to the bound again
    assert len(small) <= len(plain) + 1


def _words_plus_overhead(text: str) -> int:
    # A non-additive counter: the joined text may cost more than its parts.
    return len(text.split()) + text.count("\n") + 2


@settings(max_examples=200, deadline=None)
@given(sections=_sections, max_tokens=st.integers(3, 60))
def test_non_additive_counter(sections: list[Section], max_tokens: int) -> None:
    doc = _doc(*sections)
    chunks = chunk_document(doc, max_tokens=max_tokens, count_tokens=_words_plus_overhead)
    _check(doc, chunks, max_tokens, _words_plus_overhead)


def test_small_sections_merge_and_keep_first_heading_and_pages() -> None:
    doc = _doc(
        Section("Intro\n\nshort one", page=1, heading="Intro"),
        Section("short two", page=2),
        Section("short three", page=3, heading="End"),
    )
    chunks = chunk_document(doc, max_tokens=100, count_tokens=count4)
    assert chunks == [Chunk(0, doc.text, 1, 3, "Intro")]


def test_long_section_splits_at_paragraphs_first() -> None:
    paragraphs = [f"Paragraph {i} " + "word " * 30 for i in range(6)]
    doc = _doc(Section("\n\n".join(p.strip() for p in paragraphs), page=7, heading="H"))
    chunks = chunk_document(doc, max_tokens=90, count_tokens=count4)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.startswith("Paragraph") and chunk.text.endswith("word")
        assert (chunk.first_page, chunk.last_page, chunk.heading) == (7, 7, "H")


def test_chinese_sentences_split_at_full_stops() -> None:
    sentence = "今天我们讨论了下一季度的预算安排和人员调整。"
    doc = _doc(Section(sentence * 20))
    chunks = chunk_document(doc, max_tokens=30, count_tokens=count4)
    assert len(chunks) > 1
    assert all(c.text.endswith("。") for c in chunks)
    _check(doc, chunks, 30, count4)


def test_text_without_any_boundary_is_hard_split() -> None:
    doc = _doc(Section("x" * 10_000))
    chunks = chunk_document(doc, max_tokens=50, count_tokens=count4)
    assert "".join(c.text for c in chunks) == "x" * 10_000
    assert max(count4(c.text) for c in chunks) == 50


def test_ten_megabyte_single_line_chunks_quickly() -> None:
    doc = _doc(Section(("lorem ipsum dolor sit amet " * 400_000).strip()))
    chunks = chunk_document(doc, max_tokens=1000, count_tokens=count4)
    assert len(chunks) >= 2700
    _check(doc, chunks, 1000, count4)


def test_invalid_bounds() -> None:
    with pytest.raises(ValueError):
        chunk_document(_doc(Section("text")), max_tokens=0, count_tokens=count4)
    with pytest.raises(ValueError, match="one character"):
        chunk_document(_doc(Section("x" * 50)), max_tokens=1, count_tokens=lambda s: 5)
    assert chunk_document(_doc(), max_tokens=10, count_tokens=count4) == []
