"""Quote separation against mailgun/talon's reply fixtures (EXPECTED.md gives the answers)."""

from __future__ import annotations

import email
import re
from email.message import Message
from pathlib import Path

from assistant.mail import parse_email, split_html_reply, split_reply

HTML_REPLY = "Hi. I am fine.\n\nThanks,\nAlex"


def _nospace(text: str) -> str:
    return re.sub(r"\s", "", text)


def _plain_part(path: Path) -> str:
    msg = email.message_from_bytes(path.read_bytes())
    for part in msg.walk():
        if isinstance(part, Message) and part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode(part.get_content_charset() or "utf-8")
    raise AssertionError(f"no text/plain part in {path}")


def test_all_talon_fixtures_match(corpus: Path) -> None:
    base = corpus / "email" / "talon_reply_fixtures"
    results: dict[str, bool] = {}
    for path in sorted((base / "standard_replies").glob("*.eml")):
        expected_file = path.with_name(path.stem + "_reply_text")
        expected = expected_file.read_text().strip() if expected_file.exists() else "Hello"
        results[f"plain/{path.name}"] = split_reply(_plain_part(path)).newest.strip() == expected
        # The same through the full parser (which picks the text/plain part itself).
        results[f"parse/{path.name}"] = parse_email(path).newest.strip() == expected
    for path in sorted((base / "html_replies").glob("*.html")):
        newest = split_html_reply(path.read_text(encoding="utf-8")).newest
        results[f"html/{path.name}"] = _nospace(newest) == _nospace(HTML_REPLY)

    share = parse_email(base / "reply-quotations-share-block.eml")
    results["reply-quotations-share-block.eml"] = (
        share.newest.startswith("Hi Katharine.")
        and "From" not in share.newest
        and "New Booking Inquiry" in share.quoted
    )
    olk = split_html_reply((base / "OLK_SRC_BODY_SECTION.html").read_text(encoding="utf-8"))
    results["OLK_SRC_BODY_SECTION.html"] = olk.newest == "Reply" and "Bob" in olk.quoted
    hr = split_html_reply((base / "reply-separated-by-hr.html").read_text(encoding="utf-8"))
    # talon drops "Bob" here too; it is part of the reply (the sender's name above the <hr>).
    results["reply-separated-by-hr.html"] = hr.newest == "Hi\nthere\nBob" and hr.quoted.startswith(
        "From: bob@example.com"
    )

    matched = sum(results.values())
    print(f"\ntalon fixtures: {matched}/{len(results)} match")
    failed = [name for name, ok in results.items() if not ok]
    assert not failed, f"{matched}/{len(results)} match; failed: {failed}"


def test_html_replies_keep_the_quote(corpus: Path) -> None:
    for path in sorted((corpus / "email/talon_reply_fixtures/html_replies").glob("*.html")):
        split = split_html_reply(path.read_text(encoding="utf-8"))
        assert "How are you" in split.quoted, path.name
        assert "How are you" not in split.newest, path.name
