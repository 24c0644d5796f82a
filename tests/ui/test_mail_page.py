"""The Mail page and Settings → Mail accounts on the real Dovecot (scripted reply text: the
real-model draft is tested in tests/assistant/imap/test_model_draft.py)."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.mail.account import MailAccount
from tests.assistant.imap.watching import ENRON, variant
from tests.assistant.llm.helpers import MemoryKeyring, memory_keyring_installed
from tests.mailserver import DRAFTS, Dovecot, MailUser, dovecot, drafts_folder_wire, mail_user
from ui.pages.mail_accounts_box import MailAccountsBox
from ui.pages.mail_page import MailPage

__all__ = ["dovecot", "mail_user"]


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring_installed() as installed:
        yield installed


def _account(server: Dovecot, user: MailUser) -> MailAccount:
    return MailAccount(
        name="work", host=server.host, port=server.tls_port, tls="tls", username=user.name,
        ca_file=str(server.ca_file), display_name="Li Hua", address=user.address,
    )  # fmt: skip


def test_without_an_account_the_page_says_where_to_add_one(qtbot: Any, scripted_core: Any) -> None:
    page = MailPage(scripted_core)
    qtbot.addWidget(page)
    assert page.views.currentWidget() is page.empty
    assert "Settings" in page.empty.text() and not page.refresh_button.isEnabled()
    with qtbot.waitSignal(page.open_settings):
        page.empty.linkActivated.emit("settings")


def test_list_draft_and_save_to_drafts(
    qtbot: Any, scripted_core: Any, dovecot: Dovecot, mail_user: MailUser, ring: MemoryKeyring
) -> None:
    for i, path in enumerate(ENRON[:3]):
        dovecot.append(mail_user, variant(path.read_bytes(), i))
    ring.set_password("deskmate", "imap_password_work", mail_user.password)
    scripted_core.store.save_mail_account(_account(dovecot, mail_user))
    page = MailPage(scripted_core)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 3, timeout=30_000)
    first = page.tree.topLevelItem(0)
    assert first is not None and first.text(0) == "" and first.text(3)
    assert "T" not in first.text(3).split(",")[0][-3:]  # a date for people, not ISO
    page.tree.setCurrentItem(first)
    page.draft_button.click()
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=30_000)
    assert page.draft.toPlainText().startswith("word0")
    page.draft.setPlainText("Thanks, Friday works for me.")
    page.save_button.click()
    qtbot.waitUntil(lambda: "1 with a reply draft" in page.status.text(), timeout=30_000)
    assert f"Saved to {DRAFTS}" in page.status.text()
    marked = [page.tree.topLevelItem(i).text(0) for i in range(3)]  # type: ignore[union-attr]
    assert marked == ["✎", "", ""]
    [(flags, raw)] = dovecot.fetch_folder(mail_user, drafts_folder_wire())
    draft = message_from_bytes(raw, policy=default)
    assert {"\\Draft", "\\Seen"} <= flags
    assert draft["From"].addresses[0].display_name == "Li Hua"
    body = draft.get_body(("plain",))
    assert body is not None and "Friday works" in body.get_content()
    page.shutdown()


def test_accounts_box_tests_saves_and_removes(
    qtbot: Any, scripted_core: Any, dovecot: Dovecot, mail_user: MailUser, ring: MemoryKeyring
) -> None:
    box = MailAccountsBox(scripted_core)
    qtbot.addWidget(box)
    box.name.setText("work")
    box.host.setText(dovecot.host)
    box.port.setValue(dovecot.tls_port)
    box.user.setText(mail_user.name)
    box.password.setText("wrong")
    box.ca_file.setText(str(dovecot.ca_file))
    box.test_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("✖"), timeout=30_000)
    assert "refused the password" in box.result.text()
    box.password.setText(mail_user.password)
    box.test_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("✔ Connected"), timeout=30_000)
    assert DRAFTS in box.result.text() and box.password.text() == ""
    with qtbot.waitSignal(box.changed):
        box.save_button.click()
    assert [a.name for a in scripted_core.store.mail_accounts()] == ["work"]
    assert ring.get_password("deskmate", "imap_password_work") == mail_user.password
    box.list.setCurrentRow(0)
    with qtbot.waitSignal(box.changed):
        box.remove_button.click()
    assert scripted_core.store.mail_accounts() == [] and ring.store == {}
    assert not box.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable


def test_auto_draft_in_the_app_announces_the_drafts(
    qtbot: Any, scripted_core: Any, dovecot: Dovecot, mail_user: MailUser, ring: MemoryKeyring
) -> None:
    from tests.assistant.imap.watching import scripted_drafter
    from ui.mail_watchers import MailWatchers, drafts_ready_text

    ring.set_password("deskmate", "imap_password_work", mail_user.password)
    account = _account(dovecot, mail_user)
    scripted_core.store.save_mail_account(account.with_changes(auto_draft=True))
    watchers = MailWatchers(scripted_core, drafter=lambda a: scripted_drafter(a.address))
    announced: list[int] = []
    watchers.drafts_ready.connect(announced.append)
    watchers.start()
    try:
        watcher = watchers.watchers[0]
        qtbot.waitUntil(lambda: watcher.stats.idles >= 1, timeout=30_000)  # the baseline is set
        for i in (1, 2):
            dovecot.append(mail_user, variant(ENRON[i].read_bytes(), i))
        qtbot.waitUntil(lambda: sum(announced) == 2, timeout=60_000)
    finally:
        watchers.stop()
    assert drafts_ready_text(2) == "2 reply drafts ready"
    assert len(dovecot.fetch_folder(mail_user, drafts_folder_wire())) == 2
