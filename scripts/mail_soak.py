"""Reliability figures of the auto-draft watcher on a real Dovecot (docs/RELIABILITY.md).

Run: PYTHONPATH=. .venv/bin/python scripts/mail_soak.py [--rounds 20]
Each round delivers new mail (real corpus mails, some automatic, some repeated); every other
round the server is stopped while the watcher IDLEs, mail arrives meanwhile (straight into the
Maildir) and the server starts again. At the end: reconnects survived, drafts missing or
duplicated, and any change on the server other than new drafts (from folder snapshots).
"""

from __future__ import annotations

import argparse
import functools
import shutil
import tempfile
from collections import Counter
from email import message_from_bytes
from pathlib import Path

from assistant.imap.auth import PasswordAuth
from assistant.mail import parse_email
from assistant.mail.account import MailAccount
from assistant.store import Store
from tests.assistant.imap.watching import ENRON, Running, variant, watching
from tests.mailserver import Dovecot, drafts_folder_wire


def _handled_at_least(count: int, run: Running) -> bool:
    return run.handled() >= count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="deskmate-soak-"))
    root.chmod(0o755)
    data = Path(tempfile.mkdtemp(prefix="deskmate-soak-data-"))
    server = Dovecot(root)
    server.start()
    store = Store(data)
    try:
        return soak(server, store, args.rounds)
    finally:
        store.close()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)


def soak(server: Dovecot, store: Store, rounds: int) -> int:
    user = server.new_user()
    account = MailAccount(
        name=user.name, host=server.host, port=server.tls_port, tls="tls",
        username=user.name, ca_file=str(server.ca_file), address=user.address,
    )  # fmt: skip
    auth = PasswordAuth(user.name, user.password)
    server.append(user, ENRON[0].read_bytes(), folder="Archive", flags="(\\Flagged)")
    with watching(account, auth, store) as run:
        run.wait_for(lambda r: r.count("idle") >= 1)
    before = server.snapshot(user)
    expected: set[str] = set()
    delivered = 0
    restarts = 0
    with watching(account, auth, store, backoff_s=(0.2, 0.5, 1.0)) as run:
        run.wait_for(lambda r: r.count("idle") >= 1)
        for n in range(rounds):
            mails = [
                variant(ENRON[(2 * n + k) % len(ENRON)].read_bytes(), 1000 * n + k) for k in (0, 1)
            ]
            if n % 2:
                server.stop()
                restarts += 1
                for mail in mails:
                    server.deliver_offline(user, mail)
                server.deliver_offline(user, mails[0])  # the same mail twice
                server.start()
                delivered += 3
            else:
                for mail in mails:
                    server.append(user, mail)
                server.append(
                    user, variant(mails[0], 99, headers="Auto-Submitted: auto-replied\r\n")
                )
                delivered += 3
            expected |= {parse_email(m).message_id for m in mails}
            run.wait_for(functools.partial(_handled_at_least, delivered), timeout=120)
    after = server.snapshot(user)
    wire = drafts_folder_wire()
    answers = Counter(
        message_from_bytes(raw)["In-Reply-To"] for _f, raw in server.fetch_folder(user, wire)
    )
    other_changes = sum(
        len(set(after[f].items()) ^ set(before[f].items()))
        for f in before
        if f not in (wire, "INBOX")
    )
    inbox_new = {uid: flags for uid, flags in after["INBOX"].items() if uid not in before["INBOX"]}
    other_changes += sum(1 for uid, f in before["INBOX"].items() if after["INBOX"].get(uid) != f)
    other_changes += sum(1 for flags in inbox_new.values() if flags)  # no \Seen, no flags
    other_changes += sum(1 for uid in before[wire] if after[wire].get(uid) != before[wire][uid])
    print(
        f"rounds: {rounds}, mails delivered: {delivered}, server restarts during IDLE: {restarts}"
    )
    print(f"connections: {run.watcher.stats.connects if run.watcher else 0} "
          f"(reconnects survived: {restarts}), failed connection attempts: "
          f"{run.count('disconnected')}")  # fmt: skip
    print(f"drafts expected: {len(expected)}, written: {sum(answers.values())}, "
          f"missing: {len(expected - set(answers))}, "
          f"duplicated: {sum(c - 1 for c in answers.values() if c > 1)}")  # fmt: skip
    print(f"server changes other than new drafts: {other_changes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
