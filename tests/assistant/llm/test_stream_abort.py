"""``StreamAborter`` stops a remote chat blocked on a read, from another thread.

The server here is a real socket on 127.0.0.1 that takes the request and never answers (a
server still holding it in its queue): only shutting the socket down can wake the reader.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from assistant.errors import RemoteServerError
from assistant.llm.openai_backend import OpenAIEngine
from assistant.llm.params import GenParams
from assistant.llm.stream_abort import StreamAborter

pytestmark = pytest.mark.network_loopback
QUESTION = [{"role": "user", "content": "Hello?"}]


class SilentServer:
    """Accepts connections, reads what comes, never answers."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/v1"
        self.received = b""
        self.got_request = threading.Event()
        self.closed_by_peer = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.listener.accept()
        with conn:
            while data := conn.recv(65536):
                self.received += data
                if b"\r\n\r\n" in self.received:
                    self.got_request.set()
            self.closed_by_peer.set()  # recv returned b"": the client shut the socket down

    def close(self) -> None:
        self.listener.close()
        self.thread.join(timeout=10)


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def _chat_in_thread(
    engine: OpenAIEngine, aborter: StreamAborter
) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            list(engine.chat(QUESTION, GenParams(max_tokens=4), aborter=aborter))
        except BaseException as exc:  # the test looks at what the thread raised
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, errors


def test_abort_wakes_a_reader_waiting_for_the_answer(silent: SilentServer) -> None:
    engine = OpenAIEngine(silent.url, model="m")
    aborter = StreamAborter()
    try:
        thread, errors = _chat_in_thread(engine, aborter)
        assert silent.got_request.wait(30)  # the request is out; the reader blocks
        assert thread.is_alive()
        aborter.abort()
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert len(errors) == 1 and isinstance(errors[0], RemoteServerError)
        assert silent.closed_by_peer.wait(30)  # the server sees the connection go
    finally:
        engine.close()


def test_a_request_after_the_abort_never_goes_out(silent: SilentServer) -> None:
    engine = OpenAIEngine(silent.url, model="m")
    aborter = StreamAborter()
    aborter.abort()
    try:
        thread, errors = _chat_in_thread(engine, aborter)
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert len(errors) == 1 and isinstance(errors[0], RemoteServerError)
        assert silent.closed_by_peer.wait(30)
        assert silent.received == b""  # shut down on connecting, before a byte was sent
    finally:
        engine.close()
