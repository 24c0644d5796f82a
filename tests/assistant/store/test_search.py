from __future__ import annotations

import numpy as np
import pytest

from assistant.errors import UserError
from assistant.store import Store
from tests.assistant.store.conftest import make_chunks, make_doc

ZH = ["我们明天下午在北京开会讨论项目预算。", "会议纪要：请各位提前准备季度报告。"]
EN = ["The quick brown fox jumps over the lazy dog.", "Quarterly budget review on Friday."]


def _add(store: Store, title: str, texts: list[str]) -> int:
    return store.add_document(make_doc(title, texts), make_chunks(texts))


def test_add_document_stores_chunks_and_dedupes(store: Store) -> None:
    doc_id = _add(store, "notes", EN)
    assert _add(store, "notes again", EN) == doc_id  # same sha256: reused
    chunks = store.get_chunks(doc_id)
    assert [c["text"] for c in chunks] == EN
    assert (chunks[1]["first_page"], chunks[1]["heading"]) == (2, "part 1")
    docs = store.list_documents()
    assert len(docs) == 1 and docs[0]["chunks"] == 2 and docs[0]["title"] == "notes"
    assert store.find_document(make_doc("x", EN).sha256)["id"] == doc_id  # type: ignore[index]


def test_chinese_word_search_finds_chunk(store: Store) -> None:
    _add(store, "中文", ZH)
    _add(store, "english", EN)
    hits = store.search_text("北京开会")
    assert [h["text"] for h in hits if h["kind"] == "chunk"] == [ZH[0]]
    assert hits[0]["title"] == "中文"
    # A two-character word: a term of the jieba-segmented index.
    hits = store.search_text("纪要")
    assert [h["text"] for h in hits] == [ZH[1]]


def test_english_search_is_case_insensitive_and_ands_words(store: Store) -> None:
    _add(store, "english", EN)
    assert [h["text"] for h in store.search_text("QUICK fox")] == [EN[0]]
    # No chunk has both words: each one with one of them, marked as a partial match.
    assert {(h["text"], h["coverage"]) for h in store.search_text("quick budget")} == {
        (EN[0], 0.5),
        (EN[1], 0.5),
    }
    assert [h["text"] for h in store.search_text("Friday reviews")] == [EN[1]]  # stemmed


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "fox*", "a:b", "(((", "100%", "x_y", "  "])
def test_search_never_breaks_on_operators(store: Store, query: str) -> None:
    _add(store, "english", EN)
    assert isinstance(store.search_text(query), list)


def test_search_covers_runs_but_not_trashed_ones(store: Store) -> None:
    run_id = store.start_run("summarize", input_text="关于北京开会的邮件")
    other = store.start_run("summarize", input_text="unrelated")
    store.finish_run(other, status="done", output="总结：北京开会")
    hits = store.search_text("北京开会")
    assert {h["run_id"] for h in hits if h["kind"] == "run"} == {run_id, other}
    store.delete_run(run_id)
    hits = store.search_text("北京开会")
    assert {h["run_id"] for h in hits if h["kind"] == "run"} == {other}
    assert [h["run_id"] for h in store.search_text("北京") if h["kind"] == "run"] == [other]
    store.restore_run(run_id)
    store.update_run_output(other, "changed")
    assert {h["run_id"] for h in store.search_text("北京开会")} == {run_id}


def test_delete_document_removes_chunks_from_search(store: Store) -> None:
    doc_id = _add(store, "english", EN)
    ids = [c["id"] for c in store.get_chunks(doc_id)]
    store.add_vectors(ids, np.eye(2, 4, dtype=np.float32))
    store.delete_document(doc_id)  # to the trash: out of search at once
    assert store.search_text("quick") == []
    assert store.vector_count() == 0
    assert store.purge_documents() == 1  # then for good
    assert store.get_chunks(doc_id) == []
    assert store.vector_count() == 0
    assert store.integrity_check() == "ok"


def test_vectors_nearest_first(store: Store) -> None:
    doc_id = _add(store, "english", [f"chunk {i}" for i in range(5)])
    ids = [c["id"] for c in store.get_chunks(doc_id)]
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(5, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    store.add_vectors(ids, vecs)
    hits = store.search_vectors(vecs[3], limit=3)
    assert len(hits) == 3
    assert hits[0][0] == ids[3] and hits[0][1] == pytest.approx(0.0, abs=1e-5)
    assert [d for _, d in hits] == sorted(d for _, d in hits)
    expected = np.linalg.norm(vecs - vecs[3], axis=1)
    assert hits[1][1] == pytest.approx(float(np.sort(expected)[1]), rel=1e-4)

    store.add_vectors([ids[0]], vecs[3:4])  # replace one vector
    assert {cid for cid, _ in store.search_vectors(vecs[3], limit=2)} == {ids[0], ids[3]}
    assert store.vector_count() == 5
    assert [r["chunk_id"] for r in store.get_chunks_by_id([ids[2], ids[0]])] == [ids[2], ids[0]]


def test_vectors_bad_shapes_and_empty(store: Store) -> None:
    assert store.search_vectors(np.zeros(384, dtype=np.float32)) == []
    with pytest.raises(UserError):
        store.add_vectors([1, 2], np.zeros((3, 384), dtype=np.float32))
    with pytest.raises(UserError):
        store.add_vectors([1], np.zeros((1, 2, 3), dtype=np.float32))
