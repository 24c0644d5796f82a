"""Deleted documents go to a trash: hidden from listings, full-text and vector search and the
indexer, restorable, exported marked, purged for good (chunks, vectors, index entries) only on
request; an existing (v5) database gains the trash by a migration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import UserError
from assistant.export import JSON_NAME, export_all
from assistant.store import MIGRATIONS, Store
from tests.assistant.store.conftest import make_chunks, make_doc

EN = ["The quick brown fox jumps.", "Budget meeting on Thursday."]
OTHER = ["A quick note about lunch."]


def _unit(n: int, seed: int, dim: int = 8) -> np.ndarray:
    vecs = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def _add(store: Store, title: str, texts: list[str]) -> tuple[int, list[int]]:
    doc_id = store.add_document(make_doc(title, texts), make_chunks(texts))
    return doc_id, [int(c["id"]) for c in store.get_chunks(doc_id)]


def _docs(hits: list[dict[str, object]]) -> set[object]:
    return {h["document_id"] for h in hits if h["kind"] == "chunk"}


def _fts_ok(data_dir: Path, *, all_chunks: bool = True) -> None:
    """FTS5's own check (raises when corrupt); ``all_chunks``: also that the index holds
    exactly the chunks table (not while a document is in the trash: its chunks are out)."""
    conn = sqlite3.connect(data_dir / "deskmate.sqlite3")
    try:
        conn.execute(
            "INSERT INTO chunk_words_fts(chunk_words_fts, rank) VALUES ('integrity-check', ?)",
            [int(all_chunks)],
        )
    finally:
        conn.close()


def test_trash_hides_everywhere_and_restore_brings_back(store: Store, data_dir: Path) -> None:
    doc_id, ids = _add(store, "english", EN)
    other_id, other_ids = _add(store, "other", OTHER)
    vecs = _unit(2, 0)
    store.add_vectors(ids, vecs)
    assert store.nearest_chunks(vecs[0], 1)[0][0] == ids[0]  # cached matrix loaded
    store.delete_document(doc_id)

    assert [d["id"] for d in store.list_documents()] == [other_id]
    assert [(d["id"], d["chunks"], bool(d["deleted_at"])) for d in store.list_document_trash()] == [
        (doc_id, 2, True)
    ]
    assert store.get_document(doc_id) is not None  # still there, in the trash
    assert store.find_document(make_doc("english", EN).sha256) is None
    assert _docs(store.search_text("quick")) == {other_id}  # full text (words)
    assert _docs(store.rank_text("quick")) == {other_id}
    assert store.search_text("Budget") == []
    assert ids[0] not in dict(store.nearest_chunks(vecs[0], 10))  # vectors: cache reloaded
    assert ids[0] not in dict(store.search_vectors(vecs[0], 10))
    assert store.get_chunks_by_id(ids) == []
    assert [c for c, _ in store.chunks_missing_vectors()] == other_ids  # not re-embedded
    with pytest.raises(UserError, match="no document"):
        store.delete_document(doc_id)  # already in the trash
    with pytest.raises(UserError, match="no document"):
        store.restore_document(other_id)  # not in the trash
    _fts_ok(data_dir, all_chunks=False)

    store.restore_document(doc_id)
    assert {d["id"] for d in store.list_documents()} == {doc_id, other_id}
    assert store.list_document_trash() == []
    assert _docs(store.search_text("quick")) == {doc_id, other_id}
    assert _docs(store.search_text("budgets")) == {doc_id}  # stemmed
    assert store.nearest_chunks(vecs[1], 1)[0][0] == ids[1]  # the same vectors, not re-embedded
    assert [c for c, _ in store.chunks_missing_vectors()] == other_ids
    assert store.integrity_check() == "ok"
    _fts_ok(data_dir)


def test_unindexed_chunks_wait_in_the_trash_and_storing_again_restores(store: Store) -> None:
    doc_id, ids = _add(store, "english", EN)
    store.delete_document(doc_id)
    assert store.chunks_missing_vectors() == []
    # Same content stored again (e.g. summarized again): out of the trash, queued again.
    assert store.add_document(make_doc("english", EN), make_chunks(EN)) == doc_id
    assert store.list_document_trash() == []
    assert [c for c, _ in store.chunks_missing_vectors()] == ids
    assert _docs(store.search_text("Budget")) == {doc_id}


def test_vectors_embedded_while_the_document_was_trashed_go_to_the_trash(store: Store) -> None:
    doc_id, ids = _add(store, "english", EN)
    pending = store.chunks_missing_vectors()  # the indexer took a batch...
    store.delete_document(doc_id)  # ...the user deleted the document meanwhile...
    vecs = _unit(2, 1)
    store.add_chunk_vectors([c for c, _ in pending], vecs)  # ...and the batch is written
    assert store.vector_count() == 0
    assert store.nearest_chunks(vecs[0], 5) == []
    store.restore_document(doc_id)
    assert store.nearest_chunks(vecs[0], 1)[0][0] == ids[0]
    assert store.chunks_missing_vectors() == []


def test_purge_deletes_for_good_and_keeps_runs(store: Store, data_dir: Path) -> None:
    doc_id, ids = _add(store, "english", EN)
    other_id, _ = _add(store, "other", OTHER)
    store.add_vectors(ids, _unit(2, 2))
    run_id = store.start_run("summarize", input_sha256=make_doc("english", EN).sha256)
    store.delete_document(doc_id)
    assert store.purge_documents(older_than_days=1) == 0  # trashed just now: kept
    assert store.purge_documents() == 1
    assert store.get_document(doc_id) is None
    assert store.get_chunks(doc_id) == []
    counts = store._read(
        "SELECT (SELECT count(*) FROM chunk_vectors) AS v,"
        " (SELECT count(*) FROM chunk_vectors_trash) AS t,"
        " (SELECT count(*) FROM chunks_unindexed WHERE chunk_id IN (?, ?)) AS u",
        ids,
    )[0]
    assert counts == {"v": 0, "t": 0, "u": 0}
    assert store.get_run(run_id) is not None  # a summary made from it is the user's own
    assert store.purge_documents() == 0
    assert [d["id"] for d in store.list_documents()] == [other_id]
    assert _docs(store.search_text("quick")) == {other_id}
    assert store.integrity_check() == "ok"
    _fts_ok(data_dir)


def test_export_keeps_trashed_documents_marked(data_dir: Path, tmp_path: Path) -> None:
    with Store(data_dir) as store:
        doc_id, _ = _add(store, "english", EN)
        _add(store, "other", OTHER)
        store.delete_document(doc_id)
    export_all(data_dir, tmp_path / "out")
    payload = json.loads((tmp_path / "out" / JSON_NAME).read_text(encoding="utf-8"))
    trashed = {d["title"]: d["deleted_at"] for d in payload["documents"]}
    assert trashed["other"] is None and trashed["english"]
    text = (tmp_path / "out" / "documents.md").read_text(encoding="utf-8")
    assert "## english — in the trash" in text and "## other\n" in text
    assert "Budget meeting" in text  # the trashed document's text is exported too


def test_v5_database_gains_the_document_trash(data_dir: Path) -> None:
    with Store(data_dir, migrations=MIGRATIONS[:5]) as old:
        assert old.schema_version() == 5
        doc_id, ids = _add(old, "english", EN)
        rows = [(cid, 8, v.tobytes()) for cid, v in zip(ids, _unit(2, 3), strict=True)]
        old._write(  # as a v5 Deskmate stored them: no model column yet
            lambda db: db.conn.executemany(
                "INSERT INTO chunk_vectors (chunk_id, dim, embedding) VALUES (?, ?, ?)", rows
            )
        )
    with Store(data_dir) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert list((data_dir / "backups").glob("deskmate-v5-*.sqlite3"))
        assert [d["id"] for d in store.list_documents()] == [doc_id]
        store.delete_document(doc_id)
        assert store.search_text("Budget") == [] and store.vector_count() == 0
        store.restore_document(doc_id)
        assert _docs(store.search_text("Budget")) == {doc_id} and store.vector_count() == 2


def test_trashing_patches_the_cached_matrix_without_a_reload(
    store: Store, loads: list[str]
) -> None:
    doc_id, ids = _add(store, "english", EN)
    _, other_ids = _add(store, "other", OTHER)
    empty_id, _ = _add(store, "never embedded", ["no vectors yet"])
    vecs = _unit(3, 4)
    store.add_vectors(ids + other_ids, vecs)
    assert store.nearest_chunks(vecs[0], 1)[0][0] == ids[0]
    store.delete_document(doc_id)
    store.delete_document(empty_id)  # no vectors moved: the cached matrix stays current
    assert [c for c, _ in store.nearest_chunks(vecs[0], 10)] == other_ids
    assert loads == ["chunk_vectors"]  # loaded once; the trashing was patched in
    store.restore_document(doc_id)  # vectors back under older ids: one reload
    assert {c for c, _ in store.nearest_chunks(vecs[0], 10)} == {*ids, *other_ids}
    assert store.nearest_chunks(vecs[1], 1)[0][0] == ids[1]
    assert loads == ["chunk_vectors"] * 2
