"""Who the user is: addresses parsed and validated, the identity a mail was sent to chosen,
the settings declared once (and migrated from user_name / user_email), From set or absent."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from assistant.errors import SettingError
from assistant.mail import build_reply_eml, parse_email
from assistant.mail.identity import (
    Identity,
    choose_identity,
    identity_from_settings,
)
from assistant.settings import Settings
from assistant.settings.addresses import parse_addresses

WORK = Identity("Alex Chen", ("alex@work.example",), "Best regards")
HOME = Identity("Alex", ("alex@home.example", "al@home.example"), "Cheers")


def _mail(to: str, cc: str = "") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Anna Berg <anna@example.com>"
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = "Lunch"
    msg["Message-ID"] = "<m1@example.com>"
    msg.set_content("Hi Alex,\n\nLunch on Friday?\n\nAnna")
    return msg.as_bytes()


def test_addresses_are_parsed_lowercased_and_checked() -> None:
    assert parse_addresses("A@Work.example; b@y.com  a@work.example,") == (
        "a@work.example",
        "b@y.com",
    )
    assert parse_addresses("  ") == ()
    for bad in ("me@localhost", "alex", "a@b", "x@@y.com"):
        with pytest.raises(SettingError):
            parse_addresses(bad)


def test_the_identity_the_mail_was_sent_to_is_chosen() -> None:
    to_home = parse_email(_mail("Al <AL@home.example>"))
    assert choose_identity(to_home, [WORK, HOME], WORK) == Identity(
        "Alex", ("al@home.example", "alex@home.example"), "Cheers"
    )  # the address the mail went to is the From
    to_first = parse_email(_mail("alex@home.example"))
    assert choose_identity(to_first, [WORK, HOME], WORK) == HOME
    cc_work = parse_email(_mail("team@x.org", cc="alex@work.example"))
    assert choose_identity(cc_work, [HOME, WORK], HOME) == WORK
    elsewhere = parse_email(_mail("list@x.org"))
    assert choose_identity(elsewhere, [WORK, HOME], HOME) is HOME  # the default
    assert choose_identity(elsewhere, [], None) is None


def test_identity_settings_are_validated_and_old_ones_migrated(tmp_path: Path) -> None:
    from assistant.store import Store

    with Store(tmp_path) as store:
        settings = Settings(store)
        assert identity_from_settings(settings) is None  # nothing set: no identity, no From
        settings.set("identity.name", "Alex Chen")
        assert identity_from_settings(settings) is None  # a name alone is not a From
        with pytest.raises(SettingError):
            settings.set("identity.addresses", "me@localhost")
        settings.set("identity.addresses", "Alex@Work.example, alex@home.example")
        settings.set("identity.signoff", "Cheers,\\nAl")
        found = identity_from_settings(settings)
        assert found == Identity(
            "Alex Chen", ("alex@work.example", "alex@home.example"), "Cheers,\nAl"
        )
    with Store(tmp_path / "old") as store:  # settings stored by version 1
        store.save_settings(1, {"user_name": "Bo Li", "user_email": "bo@li.example"})
        migrated = identity_from_settings(Settings(store))
        assert migrated == Identity("Bo Li", ("bo@li.example",), "")
    with Store(tmp_path / "placeholder") as store:
        store.save_settings(1, {"user_name": "", "user_email": "me@localhost"})
        assert identity_from_settings(Settings(store)) is None


def test_a_draft_without_identity_has_no_from() -> None:
    mail = parse_email(_mail("alex@work.example"))
    draft = message_from_bytes(build_reply_eml(mail, "Yes."), policy=policy.default)
    assert draft["From"] is None and draft["To"] == "Anna Berg <anna@example.com>"
    signed = build_reply_eml(mail, "Yes.", from_addr=WORK.address, from_name=WORK.name)
    parsed = message_from_bytes(signed, policy=policy.default)
    assert str(parsed["From"]) == "Alex Chen <alex@work.example>"
    assert b"localhost" not in signed
