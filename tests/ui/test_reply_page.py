"""The Reply page shows who a draft is from and to, warns while nobody is set, and the identity
dialog (first start, or the page's button) validates what it stores."""

from __future__ import annotations

from typing import Any

from assistant.task_events import Done
from ui.identity_dialog import IdentityDialog, identity_asked, mark_identity_asked
from ui.pages.reply_page import ReplyPage
from ui.pages.specs import task_specs


def _page(qtbot: Any, core: Any) -> ReplyPage:
    spec = next(s for s in task_specs() if s.key == "reply")
    page = ReplyPage(core, spec)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_envelope_warns_then_names_sender_and_recipient(qtbot: Any, scripted_core: Any) -> None:
    page = _page(qtbot, scripted_core)
    assert "not set" in page.envelope.text() and page.identity_button.isVisible()
    scripted_core.settings.set("identity.name", "Alex Chen")
    scripted_core.settings.set("identity.addresses", "alex@work.example")
    page.refresh_identity()
    assert "alex@work.example" in page.envelope.text() and "Alex Chen" in page.envelope.text()
    assert not page.identity_button.isVisible() and not page.to_line.isVisible()
    data = {"to": "sally@x.org", "to_name": "Sally <Beck>", "from": "alex@work.example",
            "from_name": "Alex Chen"}  # fmt: skip
    page._on_done(Done("Hi Sally,\n\nYes.\n\nBest regards,\nAlex Chen", data=data))
    assert "sally@x.org" in page.to_line.text() and page.to_line.isVisible()
    assert "&lt;Beck&gt;" in page.to_line.text()  # names are text, never markup
    assert page.result.toPlainText().splitlines()[-2:] == ["Best regards,", "Alex Chen"]
    page._on_done(Done("Hi Sally,\n\nYes.", data={**data, "from": "", "from_name": ""}))
    assert page.identity_button.isVisible()


def test_identity_dialog_validates_and_saves(qtbot: Any, scripted_core: Any) -> None:
    dialog = IdentityDialog(scripted_core)
    qtbot.addWidget(dialog)
    dialog.name.setText("Alex Chen")
    dialog.addresses.setText("me@localhost")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and dialog.result() == 0
    assert scripted_core.settings.get_str("identity.addresses") == ""
    dialog.addresses.setText("Alex@Work.example, alex@home.example")
    dialog.signoff.setText("Cheers")
    dialog.save()
    assert dialog.result() == IdentityDialog.DialogCode.Accepted
    settings = scripted_core.settings
    assert settings.get_str("identity.addresses") == "alex@work.example, alex@home.example"
    assert (settings.get_str("identity.name"), settings.get_str("identity.signoff")) == (
        "Alex Chen",
        "Cheers",
    )
    assert not identity_asked(scripted_core.data_dir)
    mark_identity_asked(scripted_core.data_dir)
    assert identity_asked(scripted_core.data_dir)
