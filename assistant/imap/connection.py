"""Open a verified, signed-in IMAP connection, and turn every network failure into a typed
error. TLS is always on (implicit TLS or STARTTLS) and always verified, against the system's
certificate store or a CA file the user names; a certificate that does not verify, or a server
that does not offer STARTTLS, is refused: never a silent downgrade to an unverified link."""

from __future__ import annotations

import contextlib
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import (
    DeskmateError,
    MailServerError,
    MailTimeout,
    MailTLSError,
    UserError,
)

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from assistant.imap.auth import Authenticator
    from assistant.mail.account import MailAccount

DEFAULT_TIMEOUT_S = 30.0


def tls_context(account: MailAccount) -> ssl.SSLContext:
    """Certificate and host name verification on; the user's CA file, else the system store."""
    if account.ca_file:
        path = Path(account.ca_file).expanduser()
        if not path.is_file():
            raise UserError(f"the CA file {path} does not exist")
        try:
            return ssl.create_default_context(cafile=str(path))
        except ssl.SSLError as exc:
            raise UserError(f"{path} is not a PEM certificate file: {exc}") from exc
    return ssl.create_default_context()


@contextlib.contextmanager
def mail_errors(account: MailAccount) -> Iterator[None]:
    """Network, TLS and protocol failures of ``account``'s server as typed errors."""
    from imapclient.exceptions import IMAPClientError

    where = f"{account.host}:{account.port}"
    try:
        yield
    except DeskmateError:
        raise
    except ssl.SSLCertVerificationError as exc:
        raise MailTLSError(
            f"the certificate of {where} was refused: {exc.verify_message or exc.reason}",
            hint="check the server name; for a company CA, name its certificate file "
            "(--ca-file). Deskmate never connects without verifying",
        ) from exc
    except (ssl.SSLEOFError, ssl.SSLZeroReturnError, ssl.SSLSyscallError) as exc:
        # The server went away mid-connection (a restart): worth reconnecting, not a TLS fault.
        raise MailServerError(f"{where} closed the connection") from exc
    except ssl.SSLError as exc:
        raise MailTLSError(f"the TLS connection to {where} failed: {exc.reason or exc}") from exc
    except TimeoutError as exc:
        raise MailTimeout(
            f"{where} did not answer in time",
            hint="the server is slow or unreachable; Deskmate tries again later",
        ) from exc
    except socket.gaierror as exc:
        raise MailServerError(f"unknown mail server {account.host}: {exc.strerror}") from exc
    except OSError as exc:
        raise MailServerError(f"cannot reach {where}: {exc.strerror or exc}") from exc
    except IMAPClientError as exc:  # protocol errors and aborted connections
        raise MailServerError(f"{where}: {_text(exc)}") from exc


def connect(
    account: MailAccount, auth: Authenticator, *, timeout: float = DEFAULT_TIMEOUT_S
) -> IMAPClient:
    """A connected, TLS-verified, signed-in client. The caller owns it (one thread)."""
    from imapclient import IMAPClient, SocketTimeout

    context = tls_context(account)
    limits = SocketTimeout(connect=timeout, read=timeout)
    with mail_errors(account):
        if account.tls == "tls":
            client = IMAPClient(
                account.host, account.port, ssl=True, ssl_context=context, timeout=limits
            )
        else:
            client = IMAPClient(account.host, account.port, ssl=False, timeout=limits)
            try:
                if not client.has_capability("STARTTLS"):
                    raise MailTLSError(
                        f"{account.host}:{account.port} does not offer STARTTLS",
                        hint="use implicit TLS (usually port 993); Deskmate never signs in "
                        "over an unencrypted connection",
                    )
                client.starttls(context)
            except BaseException:
                _close_socket(client)
                raise
        try:
            auth.login(client)
            _send_id(client)
        except BaseException:
            _close_socket(client)
            raise
    return client


def _send_id(client: IMAPClient) -> None:
    """Say who the client is (RFC 2971): 163 Mail refuses other commands from a client that
    does not ("Unsafe Login"). Servers without ID are not asked."""
    from imapclient.exceptions import IMAPClientError

    if client.has_capability("ID"):
        with contextlib.suppress(IMAPClientError):
            client.id_({"name": "Deskmate", "vendor": "Deskmate"})


def disconnect(client: IMAPClient) -> None:
    """LOGOUT, or just close the socket when the connection is already broken."""
    try:
        client.logout()
    except Exception:
        _close_socket(client)


def _close_socket(client: IMAPClient) -> None:
    with contextlib.suppress(Exception):
        client.shutdown()


def _text(exc: BaseException) -> str:
    raw = exc.args[0] if exc.args else exc
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
