"""One local search over everything stored: FTS5 over jieba-segmented words + embeddings
merged by reciprocal rank fusion, over documents, summaries, translations, mails, drafts and
events (English and Chinese); background indexing that resumes after a restart, each item
embedded and stored exactly once.

The embedding model is the real default multilingual-e5-small (no LLM is needed here).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from assistant.calendar import CalEvent
from assistant.core import Core
from assistant.documents import document_from_text
from assistant.embed import Embedder
from assistant.errors import StoreError
from assistant.indexer import BATCH
from assistant.search import LEXICAL_WEIGHT, Hit, fuse, search

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOSPITAL = "The committee approved the annual spending plan for the new hospital wing."
DISTRACTORS = [
    "Our cat likes to sleep on the sofa all afternoon.",
    "The football team won the championship after a dramatic final.",
    "Remember to water the tomato plants in the garden every morning.",
]
REPORT = "Helios project: quarterly revenue grew 12 percent thanks to new customers in Asia."
ZH_DOC = "项目预算会议纪要：下周三在北京召开第三季度预算评审，请各部门提前提交报告。"


class CountingEmbedder:
    """The real embedder, recording every text it is asked to embed."""

    def __init__(self, inner: Embedder, after_encode: Callable[[], None] | None = None) -> None:
        self.inner = inner
        self.texts: list[str] = []
        self.after_encode = after_encode

    @property
    def model(self) -> str:
        return self.inner.model

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        vectors = self.inner.encode(texts, batch_size=batch_size)
        self.texts.extend(texts)
        if self.after_encode is not None:
            self.after_encode()
        return vectors


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    """One real embedding model for the module (loading it costs seconds)."""
    return Embedder()


def _open(data_dir: Path, embedder: Any) -> Core:
    core = Core(data_dir)
    core.embedder = lambda: embedder  # type: ignore[method-assign]
    return core


@pytest.fixture
def seeded(data_dir: Path, embedder: Embedder) -> Iterator[Core]:
    """A Core holding one of each kind of thing search covers."""
    core = _open(data_dir, embedder)
    store = core.store
    core.remember_document(document_from_text(REPORT, title="helios-report.txt"))
    core.remember_document(document_from_text(ZH_DOC, title="会议纪要.txt"))
    core.remember_document(document_from_text(HOSPITAL, title="minutes.txt"))
    for i, text in enumerate(DISTRACTORS):
        core.remember_document(document_from_text(text, title=f"note-{i}.txt"))
    summary = store.start_run("summarize", input_text="(long board report)")
    store.finish_run(summary, status="done", output="- The board moved the Zephyr launch to May.")
    translation = store.start_run("translate", input_text="The warehouse inventory is complete.")
    store.finish_run(translation, status="done", output="仓库盘点已经完成。")
    reply = store.start_run(
        "reply", input_text="From: Carol <carol@example.com>\nSubject: Invoice 4471\n\nPlease pay."
    )
    store.finish_run(reply, status="done", output="Hi Carol, the payment is scheduled for Monday.")
    start = datetime(2026, 12, 2, 14, 0, tzinfo=SHANGHAI)
    store.add_event(
        CalEvent(
            "e1@deskmate",
            "Dentist appointment",
            start,
            start + timedelta(hours=1),
            location="Main Street clinic",
        )
    )
    store.add_event(
        CalEvent(
            "e2@deskmate",
            "项目评审会",
            start + timedelta(days=1),
            start + timedelta(days=1, hours=2),
            location="三楼会议室",
        )
    )
    core.runs = {"summary": summary, "translation": translation, "reply": reply}  # type: ignore[attr-defined]
    yield core
    core.close()


def _refs(hits: list[Hit]) -> set[tuple[str, str]]:
    return {(h.kind, h.ref) for h in hits}


def _first(hits: list[Hit], kind: str) -> Hit:
    found = [h for h in hits if h.kind == kind]
    assert found, hits
    return found[0]


def test_finds_every_kind_in_english_and_chinese(seeded: Core) -> None:
    runs = seeded.runs  # type: ignore[attr-defined]
    # A document chunk (English), with the query word in its snippet.
    hit = seeded.search("Helios quarterly")[0]
    assert (hit.kind, hit.title) == ("chunk", "helios-report.txt") and "Helios" in hit.snippet
    # A document chunk (Chinese, trigram substring match).
    assert seeded.search("预算评审")[0].title == "会议纪要.txt"
    # A summary, a translation (matched in Chinese output and in English input), a mail, a draft.
    assert _first(seeded.search("Zephyr launch"), "run").ref == str(runs["summary"])
    assert _first(seeded.search("仓库盘点"), "run").ref == str(runs["translation"])
    assert _first(seeded.search("warehouse inventory"), "run").ref == str(runs["translation"])
    assert _first(seeded.search("Invoice 4471"), "run").ref == str(runs["reply"])  # the mail
    assert _first(seeded.search("payment is scheduled"), "run").ref == str(runs["reply"])  # draft
    # Events, by title and by place, English and Chinese (2 characters: the LIKE path).
    dentist = _first(seeded.search("Dentist"), "event")
    assert dentist.ref == "e1@deskmate" and dentist.where.startswith("2026-12-02T14:00")
    assert _first(seeded.search("Main Street clinic"), "event").ref == "e1@deskmate"
    assert _first(seeded.search("评审会"), "event").ref == "e2@deskmate"
    assert _first(seeded.search("会议室"), "event").ref == "e2@deskmate"
    assert seeded.search("   ") == []


def test_semantic_match_without_shared_words(seeded: Core) -> None:
    query = "money for the clinic building"
    assert not [h for h in search(seeded, query, semantic=False) if h.kind == "chunk"]
    hits = seeded.search(query, limit=5)
    # chunks and runs compete on cosine: the reply about a payment may come first
    assert _first(hits, "chunk").title == "minutes.txt", hits
    assert _first(seeded.search("sports match", limit=3), "chunk").title == "note-1.txt"


def test_rank_fusion_puts_items_found_both_ways_first(seeded: Core) -> None:
    hits = seeded.search("hospital wing spending plan", limit=5)
    top = hits[0]
    assert (top.kind, top.title) == ("chunk", "minutes.txt")
    # Found by full text and by embeddings: its cosine plus a full-text strength above 0.
    assert all(h.score < top.score for h in hits[1:])


def test_full_text_breaks_near_ties_but_never_overturns_the_vector_half() -> None:
    a, b, c = ("chunk", "1"), ("chunk", "2"), ("chunk", "3")
    dist = {cos: (2 - 2 * cos) ** 0.5 for cos in (0.90, 0.85, 0.80, 0.895)}
    # b holds every query word (strength 1) but is clearly further in meaning: a stays first.
    clear = fuse([(a, dist[0.90]), (b, dist[0.85])], {b: 1.0}, [])
    assert max(clear, key=clear.__getitem__) == a
    # a near tie in meaning (0.005 < LEXICAL_WEIGHT) goes to the exact lexical match.
    tie = fuse([(a, dist[0.90]), (b, dist[0.895])], {b: 1.0}, [])
    assert max(tie, key=tie.__getitem__) == b and LEXICAL_WEIGHT > 0.005
    # a full-text hit outside the vector candidates starts from the weakest candidate.
    outside = fuse([(a, dist[0.90]), (b, dist[0.80])], {c: 1.0}, [])
    assert outside[b] < outside[c] < outside[a]
    # events (no vector) interleave rank for rank; without vectors, full-text order alone.
    ev = ("event", "e1@x")
    mixed = fuse([(a, dist[0.90]), (b, dist[0.85])], {}, [ev])
    assert mixed[a] > mixed[ev] > mixed[b]
    text_only = fuse([], {a: 0.4, b: 1.0}, [])
    assert text_only[b] > text_only[a] > 0


def test_trashed_runs_disappear_from_both_indexes(seeded: Core) -> None:
    summary = ("run", str(seeded.runs["summary"]))  # type: ignore[attr-defined]
    assert summary in _refs(seeded.search("Zephyr launch"))
    assert summary in _refs(seeded.search("board postponed rocket"))  # semantic
    seeded.store.delete_run(int(summary[1]))
    assert summary not in _refs(seeded.search("Zephyr launch"))
    assert summary not in _refs(seeded.search("board postponed rocket"))
    seeded.store.restore_run(int(summary[1]))
    assert summary in _refs(seeded.search("Zephyr launch"))


def _wait_until(condition: Callable[[], bool], timeout: float = 120.0) -> bool:
    """Poll ``condition`` until true or ``timeout`` (no fixed sleep: waits on an Event)."""
    tick = threading.Event()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        tick.wait(0.05)
    return condition()


def test_background_indexing_follows_writes(data_dir: Path, embedder: Embedder) -> None:
    core = _open(data_dir, embedder)
    try:
        core.start_background_indexing()
        core.remember_document(document_from_text(REPORT, title="helios-report.txt"))
        run = core.store.start_run("summarize", input_text="x")
        core.store.finish_run(run, status="done", output="A summary about the Helios project.")
        assert _wait_until(lambda: core.indexer.pending() == 0), core.indexer.last_error
        assert core.store.vector_count() == 1
        assert core.store.runs_missing_vectors() == []
        assert core.indexer.last_error == ""
    finally:
        core.close()
    assert not core.indexer.running


def test_indexing_resumes_after_restart_exactly_once(data_dir: Path, embedder: Embedder) -> None:
    texts = [
        f"Note {i}: the {w} meeting moved to room {i}."
        for i, w in enumerate(["budget", "design", "hiring", "safety", "launch"] * 20)
    ]
    second_batch = threading.Event()
    calls: list[int] = []

    def after_encode() -> None:  # the first batch is written before the second is embedded
        calls.append(1)
        if len(calls) == 2:
            second_batch.set()

    spy = CountingEmbedder(embedder, after_encode=after_encode)
    core = _open(data_dir, spy)
    for i, text in enumerate(texts):
        core.remember_document(document_from_text(text, title=f"note-{i}"))
    total = len(texts)
    assert total > 2 * BATCH
    core.start_background_indexing()
    assert second_batch.wait(180)
    core.close()  # mid-indexing: the batch being embedded is not written
    stored_before = len(texts) - _missing(data_dir)
    assert 0 < stored_before < total, "the restart must happen in the middle of indexing"

    spy2 = CountingEmbedder(embedder)
    core2 = _open(data_dir, spy2)
    try:
        core2.start_background_indexing()
        assert _wait_until(lambda: core2.indexer.pending() == 0)
        assert core2.store.vector_count() == total
        # Nothing stored before the restart was embedded again; everything else was, once.
        assert len(spy2.texts) == total - stored_before
        assert sorted(spy2.texts) == sorted(set(spy2.texts))
        hits = core2.search("safety meeting", limit=3)
        assert hits and "safety" in hits[0].snippet
    finally:
        core2.close()


def _missing(data_dir: Path) -> int:
    from assistant.store import Store

    with Store(data_dir) as store:
        return len(store.chunks_missing_vectors(10_000))


def test_full_text_still_answers_without_an_embedding_model(data_dir: Path) -> None:
    core = Core(data_dir)
    try:
        core.settings.set("embedding_model", str(data_dir / "no-such-model"))
        core.remember_document(document_from_text(REPORT, title="helios-report.txt"))
        hits = core.search("Helios")
        assert [(h.kind, h.title) for h in hits] == [("chunk", "helios-report.txt")]
    finally:
        core.close()


def test_next_search_sees_documents_added_and_deleted(data_dir: Path, embedder: Embedder) -> None:
    core = _open(data_dir, embedder)
    try:
        core.remember_document(document_from_text(HOSPITAL, title="minutes.txt"))
        assert "helios-report.txt" not in {h.title for h in core.search("Helios quarterly")}
        assert _first(core.search("sales up with overseas clients"), "chunk").title == "minutes.txt"
        doc_id = core.remember_document(document_from_text(REPORT, title="helios-report.txt"))
        # Found by full text and, with no shared word, by its embedding (made by this search).
        assert core.search("Helios quarterly")[0].title == "helios-report.txt"
        hits = core.search("sales up with overseas clients")
        assert hits[0].title == "helios-report.txt", hits
        core.store.delete_document(doc_id)
        assert {h.title for h in core.search("Helios quarterly")} == {"minutes.txt"}
        assert {h.title for h in core.search("sales up with overseas clients")} == {"minutes.txt"}
    finally:
        core.close()


def test_trashed_documents_leave_both_halves_until_restored_and_go_with_purge(
    data_dir: Path, embedder: Embedder
) -> None:
    core = _open(data_dir, embedder)
    try:
        core.remember_document(document_from_text(HOSPITAL, title="minutes.txt"))
        doc_id = core.remember_document(document_from_text(REPORT, title="helios-report.txt"))
        chunk_ids = {int(c["id"]) for c in core.store.get_chunks(doc_id)}
        words, meaning = "Helios quarterly", "sales up with overseas clients"  # no shared word
        query_vec = embedder.encode([meaning])[0]

        def found() -> tuple[bool, bool, bool]:
            """(by full text, by its vectors, in the merged search)"""
            merged = [  # first: a search embeds whatever is not indexed yet
                "helios-report.txt" in {h.title for h in core.search(q)} for q in (words, meaning)
            ]
            text = any(h["kind"] == "chunk" for h in core.store.rank_text(words))
            near = bool(chunk_ids & {c for c, _ in core.store.nearest_chunks(query_vec, 50)})
            return text, near, all(merged) if merged[0] == merged[1] else None

        assert found() == (True, True, True)
        core.store.delete_document(doc_id)
        assert found() == (False, False, False)
        assert core.indexer.pending() == 0  # nothing to embed again
        core.store.restore_document(doc_id)
        assert found() == (True, True, True)
        core.store.delete_document(doc_id)
        assert core.store.purge_documents() == 1
        assert found() == (False, False, False)
        assert core.store.get_chunks(doc_id) == []
    finally:
        core.close()


def test_the_indexer_skips_trashed_documents(data_dir: Path, embedder: Embedder) -> None:
    spy = CountingEmbedder(embedder)
    core = _open(data_dir, spy)
    try:
        doc_id = core.remember_document(document_from_text(REPORT, title="helios-report.txt"))
        core.remember_document(document_from_text(HOSPITAL, title="minutes.txt"))
        core.store.delete_document(doc_id)  # before it was embedded
        core.indexer.drain()
        assert spy.texts == [HOSPITAL]
        core.store.restore_document(doc_id)  # back: it is embedded now, once
        core.indexer.drain()
        assert spy.texts == [HOSPITAL, REPORT]
        assert core.search("sales up with overseas clients")[0].title == "helios-report.txt"
    finally:
        core.close()


def test_a_failing_full_text_half_raises_its_typed_error(
    seeded: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(query: str, limit: int = 50) -> list[dict[str, Any]]:
        raise StoreError("cannot read the database: disk I/O error")

    monkeypatch.setattr(seeded.store, "rank_text", broken)
    with pytest.raises(StoreError, match="disk I/O"):
        seeded.search("Helios quarterly")
    monkeypatch.undo()
    assert seeded.search("Helios quarterly")[0].title == "helios-report.txt"


def test_indexer_embeds_a_window_in_length_sorted_batches(
    data_dir: Path, embedder: Embedder
) -> None:
    """Items of similar length share a batch (less padding); no call exceeds BATCH items."""
    from assistant.indexer import WINDOW

    calls: list[list[str]] = []

    class Recording(CountingEmbedder):
        def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
            calls.append(list(texts))
            return super().encode(texts, batch_size)

    core = _open(data_dir, Recording(embedder))
    try:
        notes = [("word " * (1 + (i * 37) % 90)).strip() + f" note {i}" for i in range(BATCH + 9)]
        for i, text in enumerate(notes):
            core.remember_document(document_from_text(text, title=f"n{i}"))
        assert len(notes) < WINDOW
        assert core.indexer.drain() == len(notes)
        assert [len(c) for c in calls] == [BATCH, 9]
        lengths = [len(t) for c in calls for t in c]
        assert lengths == sorted(lengths)
        assert core.store.chunks_missing_vectors(10) == []
    finally:
        core.close()
