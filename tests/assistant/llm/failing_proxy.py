"""A small real HTTP proxy on 127.0.0.1 in front of the llama.cpp server, for the tests.

It forwards every connection byte for byte and watches the chat requests (each has its own
connection): how many are open now and at most, and whether their sockets closed. Asked to, it
answers a chat request whose body contains a given text with a 500 error instead of passing it
on, a set number of times: a server error on one section, from a real socket.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable

_BODY = b'{"error": {"message": "injected failure", "code": 500}}'
_ERROR = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
    b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(_BODY), _BODY)
)


class FailingProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/v1"
        self.changed = threading.Condition()
        self.open_chats = 0  # chat connections open now
        self.peak_chats = 0
        self.chats = 0  # chat requests seen
        self.failed = 0  # chat requests answered with the injected error
        self.fail_needle = b""
        self.fail_times = 0
        self.fail_when_open = 1
        self._closing = False
        self._threads: list[threading.Thread] = []
        self._spawn(self._accept)

    def fail(self, needle: str, times: int, when_open: int = 2) -> None:
        """Answer the next ``times`` chat requests whose body holds ``needle`` with a 500,
        each once ``when_open`` chat requests are open (or after 30 s): the failure then
        comes while another section is under way, whatever the threads' timing."""
        with self.changed:
            self.fail_needle, self.fail_times = needle.encode(), times
            self.fail_when_open = when_open

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 60.0) -> bool:
        with self.changed:
            return self.changed.wait_for(predicate, timeout)

    def close(self) -> None:
        self._closing = True
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=30)

    # --- plumbing ----------------------------------------------------------------------------
    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._spawn(self._serve, client)

    def _serve(self, client: socket.socket) -> None:
        with client:
            head, body = _read_request(client)
            chat = b"/chat/completions" in head.split(b"\r\n", 1)[0]
            if not chat:
                self._forward(client, head + body)
                return
            with self.changed:
                self.chats += 1
                self.open_chats += 1
                self.peak_chats = max(self.peak_chats, self.open_chats)
                inject = self.fail_times > 0 and self.fail_needle in body
                if inject:
                    self.fail_times -= 1
                    self.failed += 1
                self.changed.notify_all()
                if inject:
                    self.changed.wait_for(lambda: self.open_chats >= self.fail_when_open, 30)
            try:
                if inject:
                    client.sendall(_ERROR)
                else:
                    self._forward(client, head + body)
            finally:
                with self.changed:
                    self.open_chats -= 1
                    self.changed.notify_all()

    def _forward(self, client: socket.socket, first: bytes) -> None:
        """Pipe both ways until either side closes, then close both."""
        with socket.create_connection(self.upstream) as upstream:
            upstream.sendall(first)
            back = threading.Thread(target=_pipe, args=(upstream, client), daemon=True)
            back.start()
            _pipe(client, upstream)  # returns when our client closes (or the server did)
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            back.join()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    with contextlib.suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


def _read_request(sock: socket.socket) -> tuple[bytes, bytes]:
    """The request head and as much of the body as Content-Length says."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data, b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    head += b"\r\n\r\n"
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head, body
