"""Screenshots of the Mail page and Settings → Mail accounts (English and Chinese) against a
real Dovecot with corpus mails, under Xvfb: docs/screenshots/mail-<lang>.png and
mail-accounts-<lang>.png.

Run: Xvfb :78 & DISPLAY=:78 QT_QPA_PLATFORM=xcb PYTHONPATH=. .venv/bin/python \
     scripts/mail_screenshots.py
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea

from assistant.core import Core
from assistant.imap.auth import PasswordAuth
from assistant.imap.session import MailSession
from assistant.mail import build_reply_eml, parse_email
from assistant.mail.account import MailAccount
from tests.assistant.imap.watching import ENRON, variant
from tests.mailserver import Dovecot
from ui.look import install_translators

OUT = Path("docs/screenshots")


def _rows(tree: object, count: int) -> bool:
    return bool(tree.topLevelItemCount() == count)  # type: ignore[attr-defined]


def wait(condition: object, seconds: float = 30) -> None:
    for _ in range(int(seconds * 20)):
        if condition():  # type: ignore[operator]
            return
        QTest.qWait(50)
    raise SystemExit("timed out")


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="deskmate-shots-"))
    root.chmod(0o755)
    server = Dovecot(root)
    server.start()
    try:
        return shoot(server)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def shoot(server: Dovecot) -> int:
    user = server.new_user()
    for i, path in enumerate(ENRON[:12]):
        server.append(user, variant(path.read_bytes(), i))
    account = MailAccount(
        name="work", host=server.host, port=server.tls_port, tls="tls", username=user.name,
        ca_file=str(server.ca_file), display_name="Sally Beck", address=user.address,
        auto_draft=True,
    )  # fmt: skip
    session = MailSession(account, lambda: PasswordAuth(user.name, user.password))
    newest = session.inbox(3).rows[1].headers.uid
    incoming = parse_email(session.raw(newest))
    session.save_draft(build_reply_eml(incoming, "Thanks, will do.", from_addr=user.address))
    session.close()
    os.environ["DESKMATE_IMAP_PASSWORD_WORK"] = user.password
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh_CN"):
        data = Path(tempfile.mkdtemp(prefix="deskmate-shots-data-"))
        core = Core(data)
        core.settings.set("ui_language", language)
        core.store.save_mail_account(account)
        install_translators(app, language)
        from ui.main_window import MainWindow

        window = MainWindow(core)
        window.autoload_model = False
        window.resize(1100, 760)
        window.show()
        page = window.show_page("mail")
        page.refresh()  # type: ignore[attr-defined]
        wait(functools.partial(_rows, page.tree, 12))  # type: ignore[attr-defined]
        QTest.qWait(300)
        window.grab().save(str(OUT / f"mail-{language}.png"))
        settings = window.show_page("settings")
        box = settings.mail_accounts  # type: ignore[attr-defined]
        box.list.setCurrentRow(0)
        box.test_button.click()
        wait(lambda b=box: b.result.text().startswith("✔ "))
        scroll = settings.findChild(QScrollArea)
        assert scroll is not None
        scroll.ensureWidgetVisible(box.test_button, 0, 200)
        QTest.qWait(300)
        window.grab().save(str(OUT / f"mail-accounts-{language}.png"))
        window.shutdown()
        window.close()
        core.close()
        shutil.rmtree(data, ignore_errors=True)
        QCoreApplication.processEvents()
    print("saved", sorted(str(p) for p in OUT.glob("mail*.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
