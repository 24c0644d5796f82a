"""A real Dovecot IMAP server for the tests: Debian ``dovecot-imapd`` on 127.0.0.1.

The server runs with a configuration written for the run into a temporary folder (base_dir,
state_dir and logs there), a Maildir per user, TLS on both an implicit-TLS port (993-style) and
a STARTTLS port, with a CA and a server certificate made for the run (openssl CLI). The folder
marked ``\\Drafts`` (RFC 6154 SPECIAL-USE) is named "草稿箱". Each test gets its own user
(``new_user()``), so tests never see each other's mail. Mails are put into INBOX over IMAP
APPEND (stdlib imaplib, not the code under test) or straight into the Maildir.

Dovecot missing is a failure, not a skip: ``packaging/linux/install-sysdeps.sh`` installs it.
"""

from __future__ import annotations

import contextlib
import imaplib
import itertools
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DOVECOT = "/usr/sbin/dovecot"
MAIL_UID = MAIL_GID = 4242  # any unprivileged uid: Dovecot switches to it for mail access
DRAFTS = "草稿箱"
STARTUP_DEADLINE_S = 30.0
USERS = 60  # one per test that asks for a mailbox
_names = itertools.count(1)


@dataclass(frozen=True)
class MailUser:
    name: str
    password: str
    address: str


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _openssl(*args: str, cwd: Path) -> None:
    proc = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode:
        pytest.fail(f"openssl {' '.join(args[:2])} failed: {proc.stderr}")


def make_ca_and_cert(folder: Path, name: str, hostname: str) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for ``hostname`` (DNS SAN) signed by it: (ca, cert, key)."""
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    _openssl(
        "req", "-x509", *ec, "-keyout", f"{name}-ca.key", "-out", f"{name}-ca.crt",
        "-days", "3", "-subj", f"/CN=Deskmate test CA {name}",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip
    (folder / f"{name}.ext").write_text(
        f"subjectAltName=DNS:{hostname}\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n",
        encoding="ascii",
    )
    _openssl(
        "req", *ec, "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={hostname}",
        cwd=folder,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", f"{name}.csr", "-CA", f"{name}-ca.crt", "-CAkey", f"{name}-ca.key",
        "-CAcreateserial", "-out", f"{name}.crt", "-days", "3", "-extfile", f"{name}.ext",
        cwd=folder,
    )  # fmt: skip
    return folder / f"{name}-ca.crt", folder / f"{name}.crt", folder / f"{name}.key"


CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1000
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = yes
# XOAUTH2: Dovecot 2.3 checks the bearer token against the passdb like a password.
auth_mechanisms = plain login xoauth2
auth_failure_delay = 0
mail_location = maildir:~/Maildir
mail_privileged_group =
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox "{drafts}" {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Archive {{
    auto = subscribe
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {starttls_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
"""


class Dovecot:
    """One Dovecot instance; ``stop()``/``start()`` keep its ports, users and mail."""

    host = "localhost"  # the name on the server certificate

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tls_port = free_port()
        self.starttls_port = free_port()
        self.ca_file, cert, key = make_ca_and_cert(root, "server", self.host)
        # A second CA whose certificate names another host (for the refused-certificate test).
        self.other_ca_file, self.other_cert, self.other_key = make_ca_and_cert(
            root, "other", "mail.example.org"
        )
        self.config = root / "dovecot.conf"
        self.config.write_text(
            CONFIG.format(
                root=root,
                cert=cert,
                key=key,
                drafts=DRAFTS,
                tls_port=self.tls_port,
                starttls_port=self.starttls_port,
            ),
            encoding="utf-8",
        )
        (root / "home").mkdir(mode=0o755)
        self.proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._free: list[MailUser] = []
        self._add_users(USERS)

    # --- life cycle ----------------------------------------------------------------------
    def start(self) -> None:
        if self.proc is not None:
            return
        with (self.root / "stderr.log").open("ab") as sink:
            self.proc = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(self.config)],
                stdout=subprocess.DEVNULL,
                stderr=sink,
                start_new_session=True,  # its own process group: stop() ends every session
            )
        deadline = time.monotonic() + STARTUP_DEADLINE_S
        while not self._answers():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                log = self.log_text()
                self.stop()
                pytest.fail(f"dovecot did not start:\n{log}")
            threading.Event().wait(0.05)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        # The imap processes of open connections outlive a stopped master: end the whole
        # group, so a stop really drops every client (as a crash or reboot of a server does).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            threading.Event().wait(0.05)

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.starttls_port), timeout=1) as s:
                s.settimeout(2)
                return s.recv(64).startswith(b"* OK")
        except OSError:
            return False

    def log_text(self) -> str:
        parts = []
        for name in ("dovecot.log", "stderr.log"):
            path = self.root / name
            if path.exists():
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(parts)

    # --- users and mail ------------------------------------------------------------------
    def _add_users(self, count: int) -> None:
        """Users made before the server starts: Dovecot re-reads the passwd-file at most once
        a second, so a user added while it runs may be unknown for a moment."""
        lines = []
        for n in range(1, count + 1):
            name = f"user{n}"
            home = self.root / "home" / name
            home.mkdir(mode=0o700)
            os.chown(home, MAIL_UID, MAIL_GID)
            user = MailUser(name, f"pw-{name}-s3cret", f"{name}@example.test")
            self._free.append(user)
            lines.append(f"{name}:{{PLAIN}}{user.password}:{MAIL_UID}:{MAIL_GID}::{home}\n")
        (self.root / "users").write_text("".join(lines), encoding="utf-8")

    def new_user(self) -> MailUser:
        """A user nobody used yet, with an empty mailbox (its own Maildir)."""
        with self._lock:
            if not self._free:
                pytest.fail(f"more than {USERS} mail users asked for: raise USERS")
            return self._free.pop(0)

    def deliver_offline(self, user: MailUser, data: bytes) -> None:
        """Put a mail straight into the user's Maildir (works while the server is stopped)."""
        maildir = self.root / "home" / user.name / "Maildir"
        for sub in ("new", "cur", "tmp"):
            (maildir / sub).mkdir(parents=True, exist_ok=True)
        for path in (maildir, maildir / "new", maildir / "cur", maildir / "tmp"):
            os.chown(path, MAIL_UID, MAIL_GID)
        name = f"{time.time_ns()}.M{next(_names)}P{os.getpid()}.deskmate-test"
        tmp = maildir / "tmp" / name
        tmp.write_bytes(data)
        os.chown(tmp, MAIL_UID, MAIL_GID)
        tmp.rename(maildir / "new" / name)

    def client(self, user: MailUser) -> imaplib.IMAP4_SSL:
        """A stdlib IMAP client logged in as ``user`` (helpers and snapshots only)."""
        context = ssl.create_default_context(cafile=str(self.ca_file))
        conn = imaplib.IMAP4_SSL(self.host, self.tls_port, ssl_context=context, timeout=20)
        conn.login(user.name, user.password)
        return conn

    def append(self, user: MailUser, data: bytes, folder: str = "INBOX", flags: str = "") -> None:
        conn = self.client(user)
        try:
            typ, detail = conn.append(_quoted(folder), flags or None, None, data)
            assert typ == "OK", detail
        finally:
            conn.logout()

    def snapshot(self, user: MailUser) -> dict[str, dict[int, frozenset[str]]]:
        """Every folder's UIDs and flags: {folder: {uid: flags}} (\\Recent left out: it belongs
        to a session, not to the mail)."""
        conn = self.client(user)
        out: dict[str, dict[int, frozenset[str]]] = {}
        try:
            typ, listing = conn.list()
            assert typ == "OK"
            for raw in listing:
                assert isinstance(raw, bytes)
                name = raw.decode("ascii").rsplit(' "/" ', 1)[1].strip('"')
                conn.select(_quoted(name), readonly=True)
                typ, data = conn.uid("FETCH", "1:*", "(FLAGS)")
                folder: dict[int, frozenset[str]] = {}
                for item in data:
                    if not isinstance(item, bytes):
                        continue
                    uid = re.search(rb"UID (\d+)", item)
                    flags = re.search(rb"FLAGS \(([^)]*)\)", item)
                    if uid and flags:
                        names = set(flags.group(1).decode().split()) - {"\\Recent"}
                        folder[int(uid.group(1))] = frozenset(names)
                out[name] = folder
        finally:
            conn.logout()
        return out

    def fetch_folder(self, user: MailUser, folder: str) -> list[tuple[frozenset[str], bytes]]:
        """(flags, raw message) of every mail in ``folder`` (modified UTF-7 name)."""
        conn = self.client(user)
        out: list[tuple[frozenset[str], bytes]] = []
        try:
            conn.select(_quoted(folder), readonly=True)
            _typ, data = conn.uid("FETCH", "1:*", "(FLAGS BODY.PEEK[])")
            for item in data:
                if isinstance(item, tuple):
                    flags = re.search(rb"FLAGS \(([^)]*)\)", item[0])
                    names = frozenset(flags.group(1).decode().split()) if flags else frozenset()
                    out.append((names, item[1]))
        finally:
            conn.logout()
        return out


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def drafts_folder_wire() -> str:
    """The Drafts folder's name on the wire (modified UTF-7)."""
    from imapclient.imap_utf7 import encode

    return encode(DRAFTS).decode("ascii")


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """The running Dovecot server (started once per session, stopped at the end)."""
    if not Path(DOVECOT).exists() or shutil.which("openssl") is None:
        pytest.fail(
            "dovecot-imapd and openssl are needed for the mail tests: "
            "run packaging/linux/install-sysdeps.sh (as root)"
        )
    # Not under pytest's 0700 temp root: the mail uid must reach its Maildir.
    root = Path(tempfile.mkdtemp(prefix="deskmate-dovecot-"))
    root.chmod(0o755)
    server = Dovecot(root)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def mail_user(dovecot: Dovecot) -> MailUser:
    dovecot.start()  # a fault test may have stopped it
    return dovecot.new_user()
