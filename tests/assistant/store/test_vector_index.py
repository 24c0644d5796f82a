"""What a search asks the store on every query stays cheap and exact: the chunks still missing
an embedding (a table kept by triggers), the in-memory vector matrix (reloaded only when a
generation number moved, extended in place by this process's own writes), bm25 bounded to the
newest matches. Every change must be seen by the next query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

import assistant.store.index as index_module
from assistant.errors import UserError
from assistant.paths import db_path
from assistant.store import MIGRATIONS, Store
from tests.assistant.store.conftest import make_chunks, make_doc

DIM = 8


def _unit(rows: int, seed: int) -> np.ndarray:
    vecs = np.random.default_rng(seed).normal(size=(rows, DIM)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def _add(store: Store, title: str, texts: list[str]) -> list[int]:
    doc_id = store.add_document(make_doc(title, texts), make_chunks(texts))
    return [int(c["id"]) for c in store.get_chunks(doc_id)]


def _missing(store: Store) -> list[int]:
    return [cid for cid, _text in store.chunks_missing_vectors(1000)]


def test_missing_vectors_follow_inserts_vectors_and_deletes(store: Store) -> None:
    first = _add(store, "first", ["alpha one", "alpha two", "alpha three"])
    assert _missing(store) == first
    store.add_vectors(first[:2], _unit(2, 0))
    assert _missing(store) == first[2:]
    second = _add(store, "second", ["beta one", "beta two"])
    assert _missing(store) == [first[2], *second]
    store.add_vectors([first[2]], _unit(1, 1))  # and replacing a vector keeps it indexed
    store.add_vectors([first[0]], _unit(1, 2))
    assert _missing(store) == second
    store.delete_document(store.get_chunks_by_id(second)[0]["document_id"])
    assert _missing(store) == []
    assert store._read("SELECT count(*) AS n FROM chunks_unindexed")[0]["n"] == 0


def test_next_vector_search_sees_appends_replacements_and_deletions(
    store: Store, loads: list[str]
) -> None:
    ids = _add(store, "doc", [f"chunk {i}" for i in range(4)])
    vecs = _unit(4, 3)
    store.add_vectors(ids, vecs)
    assert store.nearest_chunks(vecs[2], 1)[0][0] == ids[2]
    assert store.nearest_chunks(vecs[1], 1)[0][0] == ids[1]
    assert loads == ["chunk_vectors"]  # loaded once, then O(1) freshness checks
    store.add_vectors([], np.zeros((0, DIM), dtype=np.float32))
    assert store.nearest_chunks(vecs[3], 1)[0][0] == ids[3]

    # Appended by this process: in the cached matrix at once, with no reload.
    new = _add(store, "more", ["chunk new"])
    extra = _unit(1, 4)
    store.add_vectors(new, extra)
    assert store.nearest_chunks(extra[0], 1)[0][0] == new[0]
    assert len(store.nearest_chunks(extra[0], 10)) == 5
    assert loads == ["chunk_vectors"]

    # A replaced vector: the old one must not be found any more.
    store.add_vectors([ids[0]], extra)
    found = dict(store.nearest_chunks(extra[0], 2))
    assert set(found) == {ids[0], new[0]} and found[ids[0]] == pytest.approx(0.0, abs=1e-3)
    moved = float(np.linalg.norm(extra[0] - vecs[0]))
    assert dict(store.nearest_chunks(vecs[0], 5))[ids[0]] == pytest.approx(moved, abs=1e-3)

    # A deleted (trashed) document: its chunks leave the next search.
    store.delete_document(store.get_chunks_by_id(new)[0]["document_id"])
    assert new[0] not in dict(store.nearest_chunks(extra[0], 10))
    assert len(store.nearest_chunks(extra[0], 10)) == 4
    # One reload per change this process could not patch in place: the replaced vector (the
    # trashed document's vectors were dropped from the cached matrix).
    assert len(loads) == 2


def test_writes_by_another_store_are_seen(data_dir: Path, loads: list[str]) -> None:
    with Store(data_dir) as searcher, Store(data_dir) as other:
        ids = _add(other, "doc", ["one", "two"])
        vecs = _unit(2, 5)
        other.add_vectors(ids, vecs)
        assert searcher.nearest_chunks(vecs[1], 1)[0][0] == ids[1]
        more = _add(other, "more", ["three"])
        other.add_vectors(more, _unit(1, 6))  # the searcher's cache cannot know: the gen moved
        assert searcher.nearest_chunks(_unit(1, 6)[0], 1)[0][0] == more[0]
        assert searcher.search_vectors(_unit(1, 6)[0], 1)[0][0] == more[0]
        run = other.start_run("summarize", input_text="x")
        other.finish_run(run, status="done", output="y")
        other.add_run_vectors([run], _unit(1, 7))
        assert searcher.nearest_runs(_unit(1, 7)[0], 1)[0][0] == run
        other.add_run_vectors([run], _unit(1, 8))  # replaced
        with pytest.raises(UserError):
            other.add_run_vectors([run], _unit(2, 8))
        hit = searcher.nearest_runs(_unit(1, 8)[0], 1)[0]
        assert hit[0] == run and hit[1] == pytest.approx(0.0, abs=1e-3)


def test_migration_indexes_an_existing_database(data_dir: Path) -> None:
    step = [m.__name__ for m in MIGRATIONS].index("v5_search_bookkeeping")
    with Store(data_dir, migrations=MIGRATIONS[:step]) as old:
        ids = _add(old, "doc", ["one", "two", "three"])
        run = old.start_run("summarize", input_text="x")
        old.finish_run(run, status="done", output="a summary")
    conn = sqlite3.connect(db_path(data_dir))  # vectors written by the schema before this one
    with conn:
        conn.execute(
            "INSERT INTO chunk_vectors (chunk_id, dim, embedding) VALUES (?, ?, ?)",
            [ids[1], DIM, _unit(1, 9)[0].tobytes()],
        )
    conn.close()
    with Store(data_dir) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert _missing(store) == [ids[0], ids[2]]
        assert [r for r, _ in store.runs_missing_vectors()] == [run]
        assert store.nearest_chunks(_unit(1, 9)[0], 1)[0][0] == ids[1]
        store.add_vectors([ids[0], ids[2]], _unit(2, 10))
        assert _missing(store) == []
        assert store.integrity_check() == "ok"


def test_bm25_ranks_the_newest_matches_when_too_many(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"river report {i}" + " river" * (i % 3) for i in range(6)]
    ids = _add(store, "rivers", texts)
    exact = [h["chunk_id"] for h in store.search_text("river", limit=50)]
    assert sorted(exact) == ids
    assert [h["chunk_id"] for h in store.rank_text("river")] == exact  # under the window
    monkeypatch.setattr(index_module, "RANK_WINDOW", 4)
    newest = [h["chunk_id"] for h in store.rank_text("river")]
    assert newest == [cid for cid in exact if cid in ids[-4:]]
    both, *partial = store.rank_text("report 5")  # every word first, then some of them
    assert both["chunk_id"] == ids[5] and all(h["coverage"] < 1 for h in partial)
    assert store.rank_text("reports 1")[0]["text"] == texts[1]  # stemmed words
