"""Search in Chinese and across languages: the jieba word index (no model), vectors of two
embedding models never compared, re-embedding after a model switch that resumes after a restart,
and the real multilingual-e5 model finding translations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.core import Core
from assistant.documents import Chunk, document_from_text
from assistant.embed import Embedder
from assistant.models.catalog import E5_EMBEDDING, MINILM_EMBEDDING
from assistant.store import Store

AUTO_REPLY = "当您不在办公室时，系统会替您向发件人发送一封说明。"
PRIVACY = "我们重视数据隐私：未经同意，不会与第三方共享任何 customer data。"
OTHER = "下周三在北京召开第三季度预算评审，请各部门提前提交报告。"
PAIRS = [  # Tatoeba-style sentence pairs
    ("Water turns into steam when it is boiled.", "水沸腾后变为蒸汽。"),
    ("The nurse will tell you how to do it.", "护士会告诉你怎么做。"),
    ("I forgot my umbrella on the train.", "我把伞忘在火车上了。"),
    ("My brother plays the guitar very well.", "我哥哥吉他弹得很好。"),
    ("The museum is closed on Mondays.", "博物馆星期一闭馆。"),
    ("Please turn off the lights when you leave.", "离开时请关灯。"),
    ("She drinks green tea every morning.", "她每天早上喝绿茶。"),
    ("We missed the last bus home.", "我们错过了回家的末班车。"),
]


def _store_chunks(store: Store, texts: list[tuple[str | None, str]]) -> list[int]:
    doc = document_from_text("\n\n".join(t for _h, t in texts), title="notes")
    chunks = [Chunk(i, t, None, None, h) for i, (h, t) in enumerate(texts)]
    doc_id = store.add_document(doc, chunks)
    return [int(c["id"]) for c in store.get_chunks(doc_id)]


def test_chinese_two_character_words_are_found_and_ranked(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        auto, privacy, other = _store_chunks(
            store, [("自动回复", AUTO_REPLY), (None, PRIVACY), (None, OTHER)]
        )
        found = {q: [h["chunk_id"] for h in store.search_text(q)] for q in ("隐私", "预算")}
        assert found == {"隐私": [privacy], "预算": [other]}
        # A query with more words than the paragraph still finds it (its heading matches).
        assert store.search_text("自动回复邮件")[0]["chunk_id"] == auto
        # Mixed Chinese and English, and English words stemmed.
        assert store.search_text("数据隐私 customer")[0]["chunk_id"] == privacy
        assert store.search_text("customers")[0]["chunk_id"] == privacy
        assert store.search_text("蒸汽") == []
        store.delete_document(int(store.list_documents()[0]["id"]))
        assert store.search_text("隐私") == []  # the trash leaves the word index
        assert store.integrity_check() == "ok"
    finally:
        store.close()


def test_vectors_of_two_models_are_never_compared(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        ids = _store_chunks(store, [(None, AUTO_REPLY), (None, PRIVACY)])
        store.set_embedding_model("model-a")
        store.add_vectors(ids, np.eye(2, 8, dtype=np.float32), "model-a")
        assert store.set_embedding_model("model-b") == 2  # both queued for re-embedding
        query = np.eye(1, 8, dtype=np.float32)[0]
        assert store.nearest_chunks(query, 5, "model-b") == []
        assert [c for c, _d in store.nearest_chunks(query, 5, "model-a")] == ids
        # A late batch of the old model is dropped; its chunk stays queued for the new one.
        store.add_vectors(ids[:1], np.eye(1, 8, dtype=np.float32), "model-a")
        assert [c for c, _t in store.chunks_missing_vectors()] == ids
        store.add_vectors(ids[:1], np.eye(1, 8, dtype=np.float32), "model-b")
        assert [c for c, _d in store.nearest_chunks(query, 5, "model-b")] == ids[:1]
        assert store.reembed_progress() == (1, 2)
    finally:
        store.close()


@pytest.fixture(scope="module")
def e5() -> Embedder:
    return Embedder(E5_EMBEDDING)


def test_switching_models_re_embeds_and_resumes_after_a_restart(
    data_dir: Path, e5: Embedder
) -> None:
    core = Core(data_dir)
    core.settings.set("embedding_model", MINILM_EMBEDDING)
    texts = [zh for _en, zh in PAIRS]
    for text in texts:
        core.remember_document(document_from_text(text, title=text[:4]))
    core.indexer.drain()
    assert core.store.reembed_progress() == (len(texts), len(texts))
    core.settings.set("embedding_model", E5_EMBEDDING)
    core.reset_embedder()
    assert core.indexer.progress().done == 0
    # Part of the work is done, then the app stops.
    first = core.store.chunks_missing_vectors(3)
    core.store.add_vectors([c for c, _t in first], e5.encode([t for _c, t in first]), E5_EMBEDDING)
    core.close()
    again = Core(data_dir)
    try:
        assert again.indexer.progress().done == 3
        assert again.indexer.drain() == len(texts) - 3  # only what was left
        progress = again.indexer.progress()
        assert (progress.done, progress.total, progress.eta_s) == (len(texts), len(texts), 0.0)
        hits = again.search("water turns into steam", limit=3)
        assert hits[0].snippet.startswith("水沸腾")
    finally:
        again.close()


def test_e5_finds_translations_in_both_directions(e5: Embedder) -> None:
    en = e5.encode([a for a, _b in PAIRS])
    zh = e5.encode([b for _a, b in PAIRS])
    to_zh = np.argmax(e5.encode_queries([a for a, _b in PAIRS]) @ zh.T, axis=1)
    to_en = np.argmax(e5.encode_queries([b for _a, b in PAIRS]) @ en.T, axis=1)
    rows = np.arange(len(PAIRS))
    assert (to_zh == rows).sum() >= 6 and (to_en == rows).sum() >= 6  # wide floor: 8 measured
    assert en.dtype == np.float32 and np.allclose(np.linalg.norm(en, axis=1), 1.0, atol=1e-3)
