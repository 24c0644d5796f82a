"""CalDAV soak: Deskmate syncs a Radicale calendar that another client keeps changing, and writes
accepted suggestions back (new ones, re-accepted ones, some changed on the server meanwhile);
every fourth round the server is down while Deskmate accepts, re-accepts and deletes.

    python scripts/caldav_soak.py --rounds 20

Prints the figures of docs/RELIABILITY.md ("Calendar servers"): syncs by token, objects
downloaded, conflicts raised, duplicates on the server, and changes Deskmate made to objects it
did not create (must be 0)."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from assistant.calendar.ics import parse_ics
from assistant.calendar.model import CalEvent
from assistant.calendar.sync_model import CalendarAccount
from assistant.calsync.service import (
    choose,
    connect_account,
    delete_own_event,
    publish_accepted,
    sync_all,
)
from assistant.errors import CalendarConflict
from assistant.store import Store
from assistant.tasks.schedule import suggestion_uid
from tests.assistant.calsync.conftest import vevent
from tests.assistant.llm.helpers import memory_keyring_installed
from tests.calserver import CalUser, Radicale

TZ = "Asia/Shanghai"


def stamp(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    root = Path(tempfile.mkdtemp(prefix="deskmate-caldav-soak-"))
    server = Radicale(root)
    server.start()
    figures: Counter[str] = Counter()
    try:
        with memory_keyring_installed():
            run(server, root, rounds, figures)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    for key, value in figures.items():
        print(f"{key}: {value}")


def run(server: Radicale, root: Path, rounds: int, figures: Counter[str]) -> None:
    user = server.users[0]
    path = server.make_calendar(user, "work", "Work")
    store = Store(root / "data")
    account = CalendarAccount("soak", server.url, user.name)
    connect_account(store, account, user.password)
    choose(store, account.name, ["Work"])
    theirs: dict[str, str] = {}  # the other client's objects -> the ETag it last wrote
    ours: list[CalEvent] = []
    base = datetime(2027, 1, 4, 9, 0, tzinfo=ZoneInfo(TZ))
    started = time.perf_counter()
    for n in range(rounds):
        day = base + timedelta(days=n)
        for k in range(2):  # the other client adds two events and changes one
            name = f"{path}other-{n}-{k}.ics"
            ics = vevent(
                f"other-{n}-{k}", f"Meeting {n}.{k}", stamp(day), stamp(day + timedelta(hours=1))
            )
            theirs[name] = server.put(user, name, ics)
        if n:
            name = f"{path}other-{n - 1}-0.ics"
            ics = vevent(
                f"other-{n - 1}-0",
                f"Meeting {n - 1}.0 (moved)",
                stamp(day),
                stamp(day + timedelta(hours=2)),
            )
            theirs[name] = server.put(user, name, ics)
        if n > 1:  # ... and deletes one
            gone = f"{path}other-{n - 2}-1.ics"
            server.request(user, "DELETE", gone)
            theirs.pop(gone)
        for result in sync_all(store, TZ):
            figures[f"syncs ({result.mode})"] += 1
            figures["objects downloaded"] += result.added + result.changed
            figures["objects removed locally"] += result.removed
        start = day + timedelta(hours=5)
        event = CalEvent(suggestion_uid(f"Review {n}", start, start + timedelta(hours=1)),
                         f"Review {n}", start, start + timedelta(hours=1))  # fmt: skip
        store.add_event(event)
        publish_accepted(store, "", [event], TZ)
        ours.append(event)
        figures["suggestions accepted"] += 1
        again = ours[n // 2]
        if n % 5 == 4:  # the server copy changes before Deskmate writes again: a conflict
            href = f"{path}{again.uid}.ics"
            server.put(
                user,
                href,
                vevent(again.uid, again.title + " (edited)", stamp(again.start), stamp(again.end)),
            )
            try:
                publish_accepted(store, "", [again], TZ)
            except CalendarConflict:
                figures["ETag conflicts raised (never overwritten)"] += 1
        publish_accepted(store, "", [again], TZ)  # accepted again: an update
        figures["suggestions accepted again"] += 1
        if n % 4 == 3:  # the server goes down: changes made meanwhile wait in the outbox
            offline(server, (user, path), store, ours, day, n, figures)
    figures["seconds"] = round(time.perf_counter() - started)
    server_uids = Counter(
        server.get(user, h)[1].split("UID:")[1].split("\r\n")[0] for h in server.hrefs(user, path)
    )
    figures["duplicates on the server"] = sum(c - 1 for c in server_uids.values())
    figures["Deskmate's events on the server / accepted"] = sum(
        1 for e in ours if server_uids[e.uid]
    )
    changed = 0
    for href, etag in theirs.items():
        changed += server.request(user, "GET", href)[2].get("ETag", "") != etag
    figures["changes to objects Deskmate did not create"] = changed
    sync_all(store, TZ)
    local = {
        e.uid
        for e in store.events_between(base - timedelta(days=1), base + timedelta(days=rounds + 2))
    }
    figures["server objects missing locally after the last sync"] = len(set(server_uids) - local)
    figures["changes still waiting in the outbox at the end"] = len(store.caldav_outbox())
    store.close()


def offline(
    server: Radicale, where: tuple[CalUser, str], store: Store, ours: list[CalEvent],
    day: datetime, n: int, figures: Counter[str],
) -> None:  # fmt: skip
    """With the server down: accept a new suggestion, accept an earlier one again (moved by an
    hour) and delete one; then the server comes back and the next sync sends them."""
    server.stop()
    start = day + timedelta(hours=7)
    new = CalEvent(suggestion_uid(f"Offline {n}", start, start + timedelta(hours=1)),
                   f"Offline {n}", start, start + timedelta(hours=1))  # fmt: skip
    old = ours[n // 3]
    moved = CalEvent(old.uid, old.title, old.start + timedelta(hours=1),
                     old.end + timedelta(hours=1))  # fmt: skip
    for event in (new, moved):
        store.add_event(event)
        publish_accepted(store, "", [event], TZ)
    gone = ours.pop(n // 3 + 1)
    delete_own_event(store, gone.uid, TZ)
    ours.append(new)
    figures["changes made while the server was down"] += 3
    figures["of them queued (not lost)"] += len(store.caldav_outbox())
    server.start()
    sync_all(store, TZ)
    user, path = where
    hrefs = server.hrefs(user, path)
    there = parse_ics(server.get(user, f"{path}{moved.uid}.ics")[1].encode(), tz=TZ)
    figures["of them on the server after the next sync"] += (
        any(new.uid in h for h in hrefs)
        + (there[0].start == moved.start if there else False)
        + all(gone.uid not in h for h in hrefs)
    )
    figures["server restarts survived"] += 1


if __name__ == "__main__":
    main()
