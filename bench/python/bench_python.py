#!/usr/bin/env python3
"""libtracker from Python: to_dataframe() against pandas.read_sql, and single writes.

    python bench/python/bench_python.py --db items.db [--repeat 5] [--ops 2000] [--json out.json]

--db is a tracker file (bench/make_store.cpp writes one of generated items). The two ways to
a DataFrame alternate, round by round, over the same file: Tracker.to_dataframe() and
pandas.read_sql() of the same rows and columns through sqlite3. read_sql gets the raw stored
columns (dates as day numbers, states as integers, no categoricals), so it does strictly less
work than to_dataframe(); the ratio is a lower bound on the speed-up.

Single writes: Tracker.add() and Tracker.update() one at a time, each its own transaction, on a
new file in WAL mode with synchronous=NORMAL (the default: a commit is not synced to disk;
the WAL is at checkpoints), alternating with the same writes through Python's sqlite3 alone
(PlainWrites). Each call is timed on its own; the medians are reported.

With --server ADDRESS (a PostgreSQL server in libpq's key=value form, without schema=), the
same single add() and update() calls on a tracker there (schema py_writes, made again empty
for the run) over the connection the address names, beside the file's; and clients updating
together: --clients processes (8) each open the tracker, then for --seconds read a random item
of 200 and update its status note with the version read as expected_version, reading it again
and retrying on ConflictError (another client got there first). Updates per second are all the
clients' updates over the wall time from the first start to the last end, on the server and on
a file (WAL, synchronous=NORMAL), alternating round by round.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import multiprocessing
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

import pandas as pd

import libtracker as lt

READ_SQL = (
    "SELECT id, text, details, owners, due_date, due_text, state, status_note, tags, "
    "meeting_id, impact, effort, created, closed, version FROM items ORDER BY id"
)
OWNERS = ["Co-Chairs", "James Gannon", "Boban Krsic", "ICANN Org", "SSR2-RT", "Denise Michel"]


def timed(work: Callable[[], Any]) -> tuple[float, int]:
    """Seconds one call of work takes, and the length of what it returned."""
    gc.collect()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    rows = len(result)
    del result
    return seconds, rows


def dataframes(path: str, repeat: int) -> dict[str, Any]:
    tracker = lt.Tracker(path, read_only=True)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ours: list[float] = []
    theirs: list[float] = []
    rows = set()
    try:
        # Warm up both (imports, pandas' first use of each dtype), untimed.
        tracker.to_dataframe(limit=10)
        pd.read_sql(READ_SQL.replace("ORDER BY id", "ORDER BY id LIMIT 10"), connection)
        for round_ in range(repeat):
            sides = [
                ("ours", tracker.to_dataframe),
                ("theirs", lambda: pd.read_sql(READ_SQL, connection)),
            ]
            if round_ % 2:
                sides.reverse()
            for side, work in sides:
                seconds, n = timed(work)
                (ours if side == "ours" else theirs).append(seconds)
                rows.add(n)
    finally:
        connection.close()
        tracker.close()
    if len(rows) != 1:
        raise SystemExit(f"row counts differ: {sorted(rows)}")
    return {"rows": rows.pop(), "to_dataframe": ours, "read_sql": theirs}


class PlainWrites:
    """The same writes through Python's sqlite3 alone: the floor for a single add or update.

    The schema is libtracker's (an empty tracker file made by it), with the same settings (WAL,
    synchronous=NORMAL, foreign keys), and each write is one transaction with the same rows: the
    item, its owner links, its history event and, for an add, its full-text entry.
    """

    def __init__(self, path: str) -> None:
        lt.Tracker(path).close()
        self.db = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"):
            self.db.execute(f"PRAGMA {pragma}")
        self.owner_ids = {
            name: self.db.execute("INSERT INTO owners(name) VALUES (?)", (name,)).lastrowid
            for name in OWNERS
        }

    def add(self, text: str, owners: list[str], due: datetime.date) -> int:
        db = self.db
        day = (due - datetime.date(1970, 1, 1)).days
        db.execute("BEGIN IMMEDIATE")
        item_id = db.execute(
            "INSERT INTO items(text, due_kind, due_date, due_text, state, created, version, owners)"
            " VALUES (?, 2, ?, ?, 0, ?, 1, ?)",
            (text, day, due.isoformat(), day, "\x1f".join(owners)),
        ).lastrowid
        for position, name in enumerate(owners):
            db.execute(
                "INSERT INTO item_owners(item_id, position, owner_id) VALUES (?, ?, ?)",
                (item_id, position, self.owner_ids[name]),
            )
        db.execute(
            "INSERT INTO events(item_id, at, actor, kind, new_value, version)"
            " VALUES (?, 0, 'bench', 0, ?, 1)",
            (item_id, text),
        )
        db.execute("INSERT INTO items_fts(rowid, text, details) VALUES (?, ?, '')", (item_id, text))
        db.execute("COMMIT")
        return item_id or 0

    def update(self, item_id: int, note: str) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "UPDATE items SET status_note = ?, version = version + 1 WHERE id = ?", (note, item_id)
        )
        db.execute(
            "INSERT INTO events(item_id, at, actor, kind, field, new_value, version)"
            " VALUES (?, 0, 'bench', 1, 'status_note', ?, 2)",
            (item_id, note),
        )
        db.execute("COMMIT")


def single_writes(directory: str, ops: int) -> dict[str, Any]:
    """Single add() and update() calls, each timed, alternating with the plain sqlite3 ones."""
    for name in ("writes.db", "plain.db"):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(os.path.join(directory, name + suffix)):
                os.remove(os.path.join(directory, name + suffix))
    path = os.path.join(directory, "writes.db")
    today = datetime.date(2017, 6, 15)
    plain = PlainWrites(os.path.join(directory, "plain.db"))
    times: dict[str, list[float]] = {
        "add_us": [],
        "update_us": [],
        "plain_add_us": [],
        "plain_update_us": [],
    }
    clock = time.perf_counter_ns
    with lt.Tracker(path, synchronous="NORMAL") as t:
        t.today = today
        mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
        for i in range(100):  # warm up: statements prepared, owners known
            t.add(f"Warm-up item {i}", owners=OWNERS[:2], due=today)
            plain.add(f"Warm-up item {i}", OWNERS[:2], today)
        ids = []
        for i in range(ops):
            text = f"Share links on threat mitigation, section {i % 97} (item {i})"
            owners = [OWNERS[i % len(OWNERS)], OWNERS[(i * 7 + 1) % len(OWNERS)]]
            due = today + datetime.timedelta(days=i % 60)
            start = clock()
            item = t.add(text, owners=owners, due=due)
            times["add_us"].append((clock() - start) / 1000)
            start = clock()
            plain_id = plain.add(text, owners, due)
            times["plain_add_us"].append((clock() - start) / 1000)
            ids.append((item.id, plain_id))
        for i, (item_id, plain_id) in enumerate(ids):
            note = f"Followed up {i % 28 + 1}/6, waiting on ICANN Legal"
            start = clock()
            t.update(item_id, status_note=note)
            times["update_us"].append((clock() - start) / 1000)
            start = clock()
            plain.update(plain_id, note)
            times["plain_update_us"].append((clock() - start) / 1000)
    plain.db.close()
    return {"journal_mode": mode, "synchronous": "NORMAL", **times}


def fresh_server_tracker(server: str, schema: str) -> str:
    """The address of tracker @schema on @server, dropped first (psql) so that it starts empty."""
    subprocess.run(
        [
            "psql",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            server,
            "-c",
            f"SET client_min_messages TO warning; DROP SCHEMA IF EXISTS {schema} CASCADE",
        ],
        check=True,
    )
    return f"{server} schema={schema}"


def server_writes(server: str, ops: int) -> dict[str, Any]:
    """Single add() and update() calls on a tracker on the server, each timed."""
    times: dict[str, list[float]] = {"add_us": [], "update_us": []}
    clock = time.perf_counter_ns
    today = datetime.date(2017, 6, 15)
    with lt.Tracker(fresh_server_tracker(server, "py_writes")) as t:
        t.today = today
        for i in range(100):  # warm up: statements prepared, owners known
            t.add(f"Warm-up item {i}", owners=OWNERS[:2], due=today)
        ids = []
        for i in range(ops):
            text = f"Share links on threat mitigation, section {i % 97} (item {i})"
            owners = [OWNERS[i % len(OWNERS)], OWNERS[(i * 7 + 1) % len(OWNERS)]]
            start = clock()
            item = t.add(text, owners=owners, due=today + datetime.timedelta(days=i % 60))
            times["add_us"].append((clock() - start) / 1000)
            ids.append(item.id)
        for i, item_id in enumerate(ids):
            note = f"Followed up {i % 28 + 1}/6, waiting on ICANN Legal"
            start = clock()
            t.update(item_id, status_note=note)
            times["update_us"].append((clock() - start) / 1000)
    return times


POOL = 200  # items the clients update


def client(address: str, ids: list[int], seed: int, seconds: float, barrier: Any, out: Any) -> None:
    """One client: read a random item, update it with the version read, until time is up."""
    rng = random.Random(seed)
    updates = conflicts = 0
    with lt.Tracker(address) as t:
        barrier.wait()
        start = time.perf_counter()
        deadline = start + seconds
        while time.perf_counter() < deadline:
            item_id = rng.choice(ids)
            while True:
                version = t.get(item_id).version
                try:
                    t.update(
                        item_id, status_note=f"client {seed}, {updates}", expected_version=version
                    )
                    break
                except lt.ConflictError:
                    conflicts += 1
            updates += 1
        out.put((start, time.perf_counter(), updates, conflicts))


def concurrent_round(
    address: str, ids: list[int], clients: int, seconds: float
) -> dict[str, float]:
    """@clients processes updating the tracker at @address together."""
    context = multiprocessing.get_context("fork")  # no re-import of pandas per client
    barrier = context.Barrier(clients)
    out = context.Queue()
    workers = [
        context.Process(target=client, args=(address, ids, n, seconds, barrier, out))
        for n in range(clients)
    ]
    for w in workers:
        w.start()
    results = [out.get() for _ in workers]
    for w in workers:
        w.join()
        if w.exitcode != 0:
            raise SystemExit(f"a client failed (exit code {w.exitcode})")
    wall = max(r[1] for r in results) - min(r[0] for r in results)
    updates = sum(r[2] for r in results)
    return {
        "updates": updates,
        "conflicts": sum(r[3] for r in results),
        "seconds": wall,
        "per_second": updates / wall,
    }


def concurrent_updates(
    server: str, directory: str, clients: int, seconds: float, repeat: int
) -> dict[str, Any]:
    """Rounds of @clients updating together, on the server and on a file, alternating."""
    file_path = os.path.join(directory, "clients.db")
    addresses = {"server": fresh_server_tracker(server, "py_clients"), "file": file_path}
    ids: dict[str, list[int]] = {}
    for where, address in addresses.items():
        with lt.Tracker(address) as t:
            items = [lt.ActionItem(f"Shared item {i}", owners=OWNERS[:1]) for i in range(POOL)]
            ids[where] = t.add_all(items)
    rounds: dict[str, list[dict[str, float]]] = {"server": [], "file": []}
    for round_ in range(repeat):
        order = ["server", "file"] if round_ % 2 == 0 else ["file", "server"]
        for where in order:
            rounds[where].append(concurrent_round(addresses[where], ids[where], clients, seconds))
    return {"clients": clients, "items": POOL, "seconds": seconds, **rounds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="tracker file to read (make_store writes one)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of to_dataframe/read_sql")
    parser.add_argument("--ops", type=int, default=2000, help="timed adds and updates")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--server", help="a PostgreSQL server (libpq key=value, no schema=)")
    parser.add_argument("--clients", type=int, default=8, help="clients updating together")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of a clients' round")
    args = parser.parse_args()

    frames = dataframes(args.db, args.repeat)
    with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(args.db))) as tmp:
        writes = single_writes(tmp, args.ops)
        if args.server:
            server = {
                "writes": server_writes(args.server, args.ops),
                "concurrent": concurrent_updates(
                    args.server, tmp, args.clients, args.seconds, args.repeat
                ),
            }
    result = {
        "versions": {
            "python": sys.version.split()[0],
            "pandas": pd.__version__,
            "sqlite3 (Python)": sqlite3.sqlite_version,
            "libtracker": lt.__version__,
        },
        "dataframe": frames,
        "writes": writes,
    }
    if args.server:
        result["server"] = server
    ours, theirs = statistics.median(frames["to_dataframe"]), statistics.median(frames["read_sql"])
    print(f"rows: {frames['rows']:,}  (pandas {pd.__version__})")
    print(f"Tracker.to_dataframe(): median {ours:.3f} s  {frames['to_dataframe']}")
    print(f"pandas.read_sql():      median {theirs:.3f} s  {frames['read_sql']}")
    print(f"speed-up:               {theirs / ours:.1f}x")
    for name in ("add", "update"):
        print(
            f"{name}(): median {statistics.median(writes[name + '_us']):.1f} us, plain sqlite3 "
            f"{statistics.median(writes['plain_' + name + '_us']):.1f} us "
            f"({writes['journal_mode']}, synchronous={writes['synchronous']})"
        )
    if args.server:
        for name in ("add", "update"):
            print(
                f"{name}() on the server: median "
                f"{statistics.median(server['writes'][name + '_us']):.1f} us"
            )
        c = server["concurrent"]
        for where in ("server", "file"):
            rates = [r["per_second"] for r in c[where]]
            conflicts = [r["conflicts"] for r in c[where]]
            print(
                f"{c['clients']} clients on the {where}: median {statistics.median(rates):,.0f} "
                f"updates/s {[round(r) for r in rates]}, conflicts {conflicts}"
            )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
