"""A long summary's sections sent to a real llama.cpp server several at a time (issue 18).

The server (``conftest.server``) is reached through a small real proxy (``failing_proxy``) that
counts the chat connections open at once, sees them close, and can answer one section's request
with a 500. Nothing of Deskmate's own code is replaced.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from assistant.errors import RemoteServerError, SectionFailed
from assistant.task_events import Done, SectionDone, TaskEvent
from tests.assistant.llm.failing_proxy import FailingProxy
from tests.assistant.llm.llama_server import ALIAS, API_KEY, Server
from tests.helpers import make_pdf

SLOTS = 2
PAGES = 3  # more sections than slots: one waits for a free slot
N_CTX = 800  # room for ~150 tokens of text per section: one page each
PAGE_WORDS = 60  # ~90 tokens: two pages never fit one section

pytestmark = [pytest.mark.model, pytest.mark.network_loopback]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{5,}", text.lower())}


@pytest.fixture
def proxy(server: Server) -> Iterator[FailingProxy]:
    port = urlsplit(server.url).port
    assert port is not None
    relay = FailingProxy(port)
    yield relay
    relay.close()


@pytest.fixture
def remote_core(
    data_dir: Path, proxy: FailingProxy, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    from assistant.core import Core

    monkeypatch.setenv("DESKMATE_REMOTE_API_KEY", API_KEY)  # wins over any keyring
    core = Core(data_dir)
    for key, value in (
        ("remote_url", proxy.url),
        ("remote_model", ALIAS),
        ("n_ctx", N_CTX),
        ("temperature", 0.0),
        ("remote_concurrency", SLOTS),
    ):
        core.settings.set(key, value)
    yield core
    core.close()


@pytest.fixture
def pages(scitldr: list[dict[str, Any]]) -> list[str]:
    def page(item: dict[str, Any]) -> str:
        words = item["abstract"].split()[:PAGE_WORDS]
        return f"{item['title'].strip()}\n\n{' '.join(words)}"

    return [page(item) for item in scitldr[:PAGES]]


def _summarize(core: Any, pdf: Path) -> Iterator[TaskEvent]:
    return iter(core.summarize(pdf, language="en", length="brief", max_tokens=16))


def _section_workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("deskmate-remote-section")]


def test_sections_at_once_in_order_a_failure_reported_then_resumed(
    remote_core: Any, proxy: FailingProxy, pages: list[str], tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "three.pdf", pages)
    title = pages[0].split("\n")[0]  # the first page's title: in its section's request only
    proxy.fail(title, times=2)  # the request and its one retry
    seen: list[TaskEvent] = []
    with pytest.raises(SectionFailed) as raised:
        seen.extend(_summarize(remote_core, pdf))
    assert isinstance(raised.value, RemoteServerError) and raised.value.exit_code == 6
    assert "page 1" in raised.value.message and "500" in raised.value.message
    assert "resume" in raised.value.hint
    assert proxy.failed == 2
    # No section starts after the failure; the one under way beside it (page 2) finishes and
    # is shown in its place, after the gap.
    kept = [e for e in seen if isinstance(e, SectionDone)]
    indexes = [s.index for s in kept]
    assert indexes == [1]
    run = remote_core.store.list_runs(task="summarize")[0]
    assert run["status"] == "failed" and "page 1" in run["error"]
    assert run["data"] == {"sections_done": len(kept), "sections": PAGES, "resumable": True}
    assert all(s.text in run["output"] for s in kept)
    assert not _section_workers()

    # Again: the kept sections come from the store; the missing ones go to the server at
    # once; the first page's request fails once more and its retry succeeds.
    proxy.fail(title, times=1)
    proxy.peak_chats = 0
    events = list(_summarize(remote_core, pdf))
    done = events[-1]
    assert isinstance(done, Done) and done.data["mode"] == "map-reduce"
    assert done.data["resumed"] == len(kept) and done.data["sections"] == PAGES
    assert proxy.failed == 3
    sections = [e for e in events if isinstance(e, SectionDone)]
    assert [s.index for s in sections] == list(range(PAGES))  # document order
    assert [s.pages for s in sections] == [str(p) for p in range(1, PAGES + 1)]
    assert [s for s in sections if s.index in indexes] == kept  # not asked again
    assert proxy.peak_chats == SLOTS  # the two missing ones at once, within the setting
    # Each answer is filed under the page it summarizes: it shares most words with that page.
    for section in sections:
        shared = [len(_words(section.text) & _words(page)) for page in pages]
        assert shared.index(max(shared)) == section.index, (section, shared)
    assert done.text.index("## Sections") < done.text.index(sections[-1].text)
    assert not _section_workers()


def test_cancel_stops_every_request_under_way(
    remote_core: Any, server: Server, proxy: FailingProxy, pages: list[str], tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "three.pdf", pages)
    disconnects = server.log_text().count("Disconnected from client")
    events = _summarize(remote_core, pdf)
    with contextlib.closing(events):  # type: ignore[type-var]
        for event in events:
            assert not isinstance(event, Done), "the summary finished before the requests ran"
            if proxy.open_chats >= 2:
                break
    # Nothing runs once the cancel has returned: no worker, no connection of ours.
    assert not _section_workers()
    assert proxy.wait_until(lambda: proxy.open_chats == 0), proxy.open_chats
    # The server stopped the answer it was writing (llama-cpp-python logs the closed stream).
    assert server.wait_for_log("Disconnected from client", disconnects + 1, 60.0)
    run = remote_core.store.list_runs(task="summarize")[0]
    assert run["status"] == "cancelled"
