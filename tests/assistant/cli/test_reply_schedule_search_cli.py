"""``deskmate reply``, ``deskmate reply --watch``, ``deskmate schedule`` and ``deskmate search``
as real subprocesses on a temp data dir, with the bundled 0.5B model."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import CalEvent
from assistant.settings import Settings
from assistant.store import Store
from tests.helpers import deskmate as run_deskmate

SH = ZoneInfo("Asia/Shanghai")


def deskmate(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_deskmate(data_dir, *args, timeout=600)


def _prepare(data_dir: Path) -> None:
    store = Store(data_dir)
    settings = Settings(store)
    settings.set("n_ctx", 2048)
    settings.set("identity.name", "Alex Chen")
    settings.set("identity.addresses", "alex@example.com")
    store.close()


def _mail(path: Path, msgid: str, subject: str, body: str) -> Path:
    msg = EmailMessage()
    msg["From"] = "Anna Berg <anna@example.com>"
    msg["To"] = "Alex Chen <alex@example.com>"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 02 Apr 2024 10:00:00 +0800"
    msg["Message-ID"] = msgid
    msg.set_content(body)
    path.write_bytes(msg.as_bytes())
    return path


def _one_line_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deskmate: error: "), result.stderr
    return lines[0]


@pytest.mark.model
def test_reply_file_writes_a_draft_eml(
    data_dir: Path, tmp_path: Path, fast_model_path: Path
) -> None:
    _prepare(data_dir)
    mail = _mail(
        tmp_path / "in.eml",
        "<cli1@example.com>",
        "Project kickoff",
        "Hi Alex,\n\nCan you join the project kickoff on Monday at 10am?\n\nAnna",
    )
    out = tmp_path / "drafts" / "draft.eml"
    result = deskmate(
        data_dir,
        "--json",
        "reply",
        str(mail),
        "--intent",
        "accept",
        "--tone",
        "brief",
        "--out",
        str(out),
        "--model",
        str(fast_model_path),
        "--max-tokens",
        "32",
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["draft"].strip() and payload["to"] == "anna@example.com"
    draft = message_from_bytes(out.read_bytes(), policy=policy.default)
    assert str(draft["To"]) == "Anna Berg <anna@example.com>"
    assert str(draft["Subject"]) == "Re: Project kickoff"
    assert draft["In-Reply-To"] == "<cli1@example.com>"
    assert draft["References"] == "<cli1@example.com>"
    body = draft.get_content()
    assert payload["draft"].strip().splitlines()[0] in body
    assert "> Can you join the project kickoff on Monday at 10am?" in body
    assert not list(out.parent.glob("*.partial"))

    missing = deskmate(data_dir, "reply", str(tmp_path / "nope.eml"))
    assert "no such file" in _one_line_error(missing, 2)


@pytest.mark.model
def test_reply_watch_drafts_each_mail_once_across_restarts(
    data_dir: Path, tmp_path: Path, fast_model_path: Path
) -> None:
    _prepare(data_dir)
    maildir = tmp_path / "Maildir"
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True)
    _mail(
        maildir / "new" / "1700000000.M1P1.host",
        "<w1@example.com>",
        "Lunch",
        "Lunch tomorrow at noon?",
    )
    _mail(
        maildir / "new" / "1700000001.M2P1.host",
        "<w2@example.com>",
        "Report",
        "Could you send me the report by Friday?",
    )
    drafts = tmp_path / "drafts"
    watch = (
        "--json",
        "reply",
        "--watch",
        str(maildir),
        "--out-dir",
        str(drafts),
        "--once",
        "--model",
        str(fast_model_path),
        "--max-tokens",
        "24",
    )

    first = deskmate(data_dir, *watch)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout.strip().splitlines()[-1]) == {"drafted": 2}
    assert len(list(drafts.glob("*.reply.eml"))) == 2

    # A restart: nothing is drafted again, not even a copy of a handled mail under a new name.
    shutil.copy(maildir / "new" / "1700000000.M1P1.host", maildir / "new" / "1700000002.M3.host")
    second = deskmate(data_dir, *watch)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout.strip().splitlines()[-1]) == {"drafted": 0}

    # A new mail arrives: exactly that one is drafted.
    _mail(
        maildir / "new" / "1700000003.M4P1.host",
        "<w3@example.com>",
        "Budget",
        "Please approve the budget by Thursday.",
    )
    third = deskmate(data_dir, *watch)
    assert json.loads(third.stdout.strip().splitlines()[-1]) == {"drafted": 1}
    subjects = sorted(
        str(message_from_bytes(p.read_bytes(), policy=policy.default)["Subject"])
        for p in drafts.glob("*.reply.eml")
    )
    assert subjects == ["Re: Budget", "Re: Lunch", "Re: Report"]
    with Store(data_dir) as store:
        runs = store.list_runs(task="reply")
    assert len(runs) == 3 and {r["status"] for r in runs} == {"done"}

    same = deskmate(
        data_dir, "reply", "--watch", str(maildir), "--out-dir", str(maildir / "new"), "--once"
    )
    assert "must not be the watched folder" in _one_line_error(same, 2)


@pytest.mark.model
def test_schedule_ics_accept_then_search(
    data_dir: Path, tmp_path: Path, fast_model_path: Path
) -> None:
    _prepare(data_dir)
    with Store(data_dir) as store:
        start = datetime(2026, 12, 3, 10, 0, tzinfo=SH)
        store.add_event(
            CalEvent(
                "zh@test", "项目评审会", start, start + timedelta(hours=1), location="三楼会议室"
            )
        )
    ics = tmp_path / "out.ics"
    result = deskmate(
        data_dir,
        "--json",
        "schedule",
        "Lunch with Anna next Tuesday 3pm at Cafe Rio.",
        "--now",
        "2026-11-23T09:00",
        "--tz",
        "Asia/Shanghai",
        "--ics",
        str(ics),
        "--accept",
        "all",
        "--model",
        str(fast_model_path),
        "--max-tokens",
        "120",
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    starts = [s["start"] for s in payload["suggestions"]]
    assert "2026-12-01T15:00:00+08:00" in starts, payload
    assert payload["accepted"], payload
    import icalendar

    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert datetime(2026, 12, 1, 15, 0, tzinfo=SH) in [
        c.decoded("DTSTART") for c in cal.walk("VEVENT")
    ]
    with Store(data_dir) as store:
        stored = store.events_between(
            datetime(2026, 12, 1, tzinfo=SH), datetime(2026, 12, 2, tzinfo=SH)
        )
    assert [e.start for e in stored] == [datetime(2026, 12, 1, 15, 0, tzinfo=SH)]

    found = deskmate(data_dir, "--json", "search", "Cafe Rio")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert ("event", stored[0].uid) in {(h["kind"], h["ref"]) for h in hits}, hits
    assert any(h["kind"] == "run" and h["where"] == "schedule" for h in hits), hits
    zh = json.loads(deskmate(data_dir, "--json", "search", "评审").stdout)
    assert [h["title"] for h in zh if h["kind"] == "event"] == ["项目评审会"]

    bad = deskmate(data_dir, "schedule", "x", "--tz", "Mars/Olympus")
    assert "time zone" in _one_line_error(bad, 2)
    bad_accept = deskmate(data_dir, "schedule", "x", "--accept", "first")
    assert "--accept" in _one_line_error(bad_accept, 2)
