"""A real Radicale CalDAV server for the tests (PyPI ``radicale``, the ``dev`` extra) on 127.0.0.1.

It runs as a subprocess of this interpreter with a configuration written for the run: a free
port, storage in a temporary folder, htpasswd users with plain passwords. Each test gets its own
user (``new_user()``), whose calendars nobody else sees (rights: owner only). Tests change the
server "behind Deskmate's back" with plain HTTP (stdlib urllib, not the code under test).
"""

from __future__ import annotations

import base64
import itertools
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.mailserver import free_port, make_ca_and_cert

STARTUP_DEADLINE_S = 30.0
USERS = 40
_names = itertools.count(1)


@dataclass(frozen=True)
class CalUser:
    name: str
    password: str


class Radicale:
    def __init__(self, root: Path, tls: tuple[Path, Path] | None = None) -> None:
        """``tls``: (certificate, key) to serve HTTPS with."""
        self.root = root
        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}/"
        ssl = f"ssl = True\ncertificate = {tls[0]}\nkey = {tls[1]}\n" if tls else ""
        self.users = [CalUser(f"cal{i}", f"secret-{i}") for i in range(1, USERS + 1)]
        htpasswd = root / "users"
        htpasswd.write_text("".join(f"{u.name}:{u.password}\n" for u in self.users))
        self.config = root / "config"
        self.config.write_text(
            f"[server]\nhosts = 127.0.0.1:{self.port}\n{ssl}"
            f"[auth]\ntype = htpasswd\nhtpasswd_filename = {htpasswd}\n"
            "htpasswd_encryption = plain\ndelay = 0\n"
            f"[storage]\nfilesystem_folder = {root / 'collections'}\n"
            "[rights]\ntype = owner_only\n"
            "[logging]\nlevel = warning\nmask_passwords = True\n"
        )
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with (self.root / "radicale.log").open("wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(self.config)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        # Wait on the port, not a fixed time: the server is up once it accepts a connection.
        ready = threading.Event()
        deadline = threading.Timer(STARTUP_DEADLINE_S, ready.set)
        deadline.start()
        try:
            while not ready.is_set():
                if self.proc.poll() is not None:
                    pytest.fail(f"radicale exited: {(self.root / 'radicale.log').read_text()}")
                with socket.socket() as s, _quiet():
                    s.settimeout(0.2)
                    if s.connect_ex(("127.0.0.1", self.port)) == 0:
                        return
                ready.wait(0.05)
            pytest.fail("radicale did not start in time")
        finally:
            deadline.cancel()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)

    def new_user(self) -> CalUser:
        return self.users[next(_names) - 1]

    # --- plain HTTP, to act as another client of the server --------------------------------
    def request(
        self,
        user: CalUser,
        method: str,
        path: str,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes, dict[str, str]]:
        token = base64.b64encode(f"{user.name}:{user.password}".encode()).decode()
        req = urllib.request.Request(self.url.rstrip("/") + path, data=body or None, method=method)
        req.add_header("Authorization", f"Basic {token}")
        for key, value in (headers or {}).items():
            req.add_header(key, value)
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.read(), dict(resp.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(), dict(exc.headers)

    def make_calendar(self, user: CalUser, slug: str, name: str) -> str:
        """Create a calendar collection; return its path."""
        path = f"/{user.name}/{slug}/"
        body = (
            '<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
            f"<D:displayname>{name}</D:displayname></D:prop></D:set></C:mkcalendar>"
        )
        status, _, _ = self.request(user, "MKCALENDAR", path, body.encode())
        assert status == 201, status
        return path

    def put(self, user: CalUser, path: str, ics: str) -> str:
        """Store an event as another client would; return its new ETag."""
        status, _, headers = self.request(
            user, "PUT", path, ics.encode(), {"Content-Type": "text/calendar; charset=utf-8"}
        )
        assert status in (201, 204), status
        return headers.get("ETag", "")

    def get(self, user: CalUser, path: str) -> tuple[int, str]:
        status, body, _ = self.request(user, "GET", path)
        return status, body.decode("utf-8", "replace")

    def hrefs(self, user: CalUser, calendar_path: str) -> list[str]:
        """The object paths in a calendar (PROPFIND depth 1)."""
        status, body, _ = self.request(user, "PROPFIND", calendar_path, b"", {"Depth": "1"})
        assert status == 207, status
        import re

        found = re.findall(rb"<(?:\w+:)?href>([^<]+)</(?:\w+:)?href>", body)
        paths = (urllib.parse.unquote(h.decode()) for h in found)
        return sorted(p for p in paths if p.endswith(".ics"))


class _quiet:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return isinstance(exc[1], OSError)


class SilentServer:
    """A TCP server that accepts connections and never answers: a hung CalDAV server."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        self.held: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    """The running Radicale server (started once per session, stopped at the end; pytest
    removes its folder)."""
    server = Radicale(tmp_path_factory.mktemp("radicale"))
    server.start()
    yield server  # teardown runs after failed tests too
    server.stop()


@pytest.fixture
def radicale_other_host(tmp_path: Path) -> Iterator[tuple[Radicale, Path]]:
    """Radicale over HTTPS with a certificate for another host name, and the CA that signed
    it: (server, CA file)."""
    ca, cert, key = make_ca_and_cert(tmp_path, "caldav", "elsewhere.example")
    server = Radicale(tmp_path, tls=(cert, key))
    server.start()
    yield server, ca
    server.stop()


@pytest.fixture
def cal_user(radicale: Radicale) -> CalUser:
    return radicale.new_user()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    try:
        yield server
    finally:
        server.close()
