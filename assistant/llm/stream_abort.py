"""Stop remote chat streams from another thread: shut their sockets down.

A thread blocked reading an HTTP stream cannot be stopped by closing its generator (only the
thread that runs a generator may close it), and closing a socket's file descriptor does not
wake a blocked ``recv`` on Linux. ``shutdown`` does: the reader gets end-of-stream at once, the
server sees the connection close and stops the request (llama.cpp's server and vLLM both drop a
request whose client is gone).

Every chat stream of ``OpenAIEngine`` opens its own connection (no keep-alive), so the socket a
request uses is known from the moment it connects (httpx's ``trace`` extension), before a byte
of the request is sent or while the server still holds it in its queue.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.llm.params import ChatMessage, DeviceInfo, GenParams
from assistant.task_events import TaskEvent

if TYPE_CHECKING:
    from assistant.llm.openai_backend import OpenAIEngine

_CONNECTED = ("connection.connect_tcp.complete", "connection.start_tls.complete")


class StreamAborter:
    """Watches the sockets of the streams it is given; ``abort()`` shuts all of them down."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._aborted = False

    @property
    def aborted(self) -> bool:
        return self._aborted

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpx's ``trace`` extension: called on the requesting thread at each step."""
        if event not in _CONNECTED:
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets = [s for s in self._sockets if s.fileno() != -1]  # drop closed ones
            self._sockets.append(sock)
            aborted = self._aborted
        if aborted:  # connected after the abort: the request must not go out
            _shut(sock)

    def abort(self) -> None:
        """Shut down every watched socket, now and as soon as a later one connects."""
        with self._lock:
            self._aborted = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by its reader, or never connected
        sock.shutdown(socket.SHUT_RDWR)


class AbortableEngine:
    """An ``LLMEngine`` view of a remote engine whose chat streams ``aborter`` can stop."""

    def __init__(self, engine: OpenAIEngine, aborter: StreamAborter) -> None:
        self._engine = engine
        self._aborter = aborter

    def chat(self, messages: list[ChatMessage], params: GenParams) -> Iterator[TaskEvent]:
        return self._engine.chat(messages, params, aborter=self._aborter)

    def count_tokens(self, text: str) -> int:
        return self._engine.count_tokens(text)

    def context_size(self) -> int:
        return self._engine.context_size()

    def model_name(self) -> str:
        return self._engine.model_name()

    def device_info(self) -> DeviceInfo:
        return self._engine.device_info()

    def close(self) -> None:
        """The view owns nothing: the engine stays open."""
