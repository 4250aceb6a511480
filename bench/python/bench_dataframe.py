#!/usr/bin/env python3
"""to_dataframe() against pandas.read_sql over the same SQLite file, in the same run.

    python bench/python/bench_dataframe.py --items 1000000

Builds (or reuses, with --db) a tracker of N items, then times Tracker.to_dataframe() and
pandas.read_sql() of the same rows and columns through sqlite3. read_sql gets the raw stored
columns (dates as day numbers, states as integers, no categoricals), so it does strictly less
work than to_dataframe(); the ratio is a lower bound on the speed-up.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

import pandas as pd

import libtracker as lt

OWNERS = ["Co-Chairs", "James Gannon", "Boban Krsic", "ICANN Org", "SSR2-RT", "Denise Michel"]
STATES = ["open", "in_progress", "blocked", "done", "cancelled"]
READ_SQL = (
    "SELECT id, text, details, owners, due_date, due_text, state, status_note, tags, "
    "meeting_id, impact, effort, created, closed, version FROM items ORDER BY id"
)


def build(path: str, n: int, batch: int = 50_000) -> float:
    """Fills a new tracker at path with n varied items; returns the seconds it took."""
    start = time.perf_counter()
    base = datetime.date(2017, 5, 1)
    with lt.Tracker(path, synchronous="OFF") as t:
        t.today = datetime.date(2017, 6, 15)
        for first in range(0, n, batch):
            items = []
            for i in range(first, min(n, first + batch)):
                due: datetime.date | str | None
                due = (
                    base + datetime.timedelta(days=i % 120) if i % 5 else ("TBD" if i % 2 else None)
                )
                items.append(
                    lt.ActionItem(
                        f"Action item {i}: review section {i % 97} of the SSR2 work plan",
                        [OWNERS[i % len(OWNERS)], OWNERS[(i * 7 + 1) % len(OWNERS)]],
                        due,
                        STATES[i % len(STATES)],
                        status_note="followed up 6/2" if i % 3 == 0 else "",
                        tags=["ssr2"] if i % 4 == 0 else [],
                    )
                )
            t.add_all(items)
            print(f"  built {min(n, first + batch):>9,} items", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return time.perf_counter() - start


def timed(work: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
        del result
        result = None
    result = work()
    return times, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000, help="number of items")
    parser.add_argument("--db", help="tracker file to use (built when missing)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each")
    args = parser.parse_args()

    tmp = None
    path = args.db
    if path is None:
        tmp = tempfile.TemporaryDirectory()
        path = os.path.join(tmp.name, "bench.db")
    if not os.path.exists(path):
        print(f"building {args.items:,} items in {path} ...", file=sys.stderr)
        print(f"build: {build(path, args.items):.1f} s", file=sys.stderr)

    tracker = lt.Tracker(path, read_only=True)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ours, frame = timed(tracker.to_dataframe, args.repeat)
        theirs, raw = timed(lambda: pd.read_sql(READ_SQL, connection), args.repeat)
    finally:
        connection.close()
        tracker.close()
    if len(frame) != len(raw):
        print(f"row counts differ: {len(frame)} vs {len(raw)}", file=sys.stderr)
        return 1

    best_ours, best_theirs = min(ours), min(theirs)
    print(f"rows: {len(frame):,}  (pandas {pd.__version__}, libtracker {lt.__version__})")
    print(f"Tracker.to_dataframe(): best {best_ours:.3f} s, median {statistics.median(ours):.3f} s")
    print(
        f"pandas.read_sql():      best {best_theirs:.3f} s, "
        f"median {statistics.median(theirs):.3f} s"
    )
    print(f"speed-up (best/best):   {best_theirs / best_ours:.1f}x")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
