#!/usr/bin/env python3
"""The tracker command line against Taskwarrior on the same data, side by side.

    python3 bench/bench_cli.py --tracker build/bench/cli/tracker \\
        --make-store build/bench/bench/make_store --items 100000 --repeat 3 [--json out.json]

The data: make_store writes a tracker of generated items (bench/bench_data.hpp) with due dates
around today, and `tracker export --format taskwarrior` turns it into one Taskwarrior export.
Then, each round in alternating order:

  import   `task import FILE` into an empty Taskwarrior data directory, and
           `tracker import FILE` into a new database (made by `tracker init`, not timed);
  count    `task +OVERDUE count` and `tracker count +overdue` on the imported data;
  set      `task 1 modify due:DATE` and `tracker set ID due=DATE` (an open item; the date
           alternates so that every run changes it).

Taskwarrior runs from a private TASKRC and TASKDATA in a temporary directory, with
confirmation, hooks and the news nag off. Each command's wall time and peak memory (max RSS,
from GNU time) are recorded; medians are reported.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Runs command; returns its wall seconds, peak memory in KiB and standard output.

    The peak memory is GNU time's: a child's max RSS as the kernel counts it includes the
    process it was forked from, so it is measured from a small parent.
    """
    with tempfile.NamedTemporaryFile() as usage:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", usage.name, *command],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        with open(usage.name, encoding="utf-8") as report:
            lines = report.read().split()
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return seconds, int(lines[-1]), done.stdout


class Taskwarrior:
    """Taskwarrior with its own rc file and data directory."""

    def __init__(self, directory: str) -> None:
        self.data = os.path.join(directory, "taskdata")
        self.rc = os.path.join(directory, "taskrc")
        self.env = dict(os.environ, TASKRC=self.rc, TASKDATA=self.data)

    def reset(self) -> None:
        shutil.rmtree(self.data, ignore_errors=True)
        os.makedirs(self.data)
        with open(self.rc, "w", encoding="utf-8") as rc:
            rc.write(
                f"data.location={self.data}\n"
                "confirmation=off\nhooks=off\nverbose=nothing\nnews.version=2.6.0\n"
            )

    def __call__(self, *args: str) -> tuple[float, int, str]:
        return run(["task", *args], self.env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracker", required=True, help="the tracker binary")
    parser.add_argument("--make-store", required=True, help="the make_store binary")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of each comparison")
    parser.add_argument("--workdir", help="where the files go (default: a temporary directory)")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    if shutil.which("task") is None:
        raise SystemExit("Taskwarrior (task) is not installed: apt-get install taskwarrior")

    tmp = None if args.workdir else tempfile.TemporaryDirectory()
    work = args.workdir or tmp.name  # type: ignore[union-attr]
    os.makedirs(work, exist_ok=True)
    tracker = os.path.abspath(args.tracker)
    today = datetime.date.today()
    source = os.path.join(work, "source.db")
    export = os.path.join(work, "tasks.json")
    db = os.path.join(work, "tracker.db")
    for path in (source, db):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    run([args.make_store, source, str(args.items), today.isoformat()])
    run([tracker, "--db", source, "export", "--format", "taskwarrior", "-o", export])
    task = Taskwarrior(work)
    times: dict[str, list[float]] = {
        k: []
        for k in (
            "task import",
            "tracker import",
            "task count",
            "tracker count",
            "task modify",
            "tracker set",
        )
    }
    memory: dict[str, list[int]] = {"task count": [], "tracker count": []}
    counts: set[tuple[str, int]] = set()

    def tracker_import() -> None:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        run([tracker, "--db", db, "init"])
        times["tracker import"].append(
            run([tracker, "--db", db, "import", export, "--format", "taskwarrior"])[0]
        )

    def task_import() -> None:
        task.reset()
        times["task import"].append(task("import", export)[0])

    def tracker_count() -> None:
        seconds, rss, out = run([tracker, "--db", db, "count", "+overdue"])
        times["tracker count"].append(seconds)
        memory["tracker count"].append(rss)
        counts.add(("tracker", int(out)))

    def task_count() -> None:
        seconds, rss, out = task("+OVERDUE", "count")
        times["task count"].append(seconds)
        memory["task count"].append(rss)
        counts.add(("task", int(out)))

    for round_ in range(args.repeat):
        pairs = [(task_import, tracker_import), (task_count, tracker_count)]
        for first, second in pairs:
            if round_ % 2:
                first, second = second, first
            first()
            second()

    # An open item on each side: Taskwarrior's ID 1 is its first pending task.
    items = json.loads(run([tracker, "--db", db, "list", "state:open", "--format", "json"])[2])
    item_id = str(items[0]["id"])
    for round_ in range(args.repeat):
        due = (today + datetime.timedelta(days=10 + round_ % 2)).isoformat()
        sides = [
            ("task modify", lambda due=due: task("1", "modify", f"due:{due}")),
            (
                "tracker set",
                lambda due=due: run([tracker, "--db", db, "set", item_id, f"due={due}"]),
            ),
        ]
        if round_ % 2:
            sides.reverse()
        for name, work_ in sides:
            times[name].append(work_()[0])

    result: dict[str, Any] = {
        "items": args.items,
        "versions": {"taskwarrior": task("--version")[2].strip()},
        "seconds": times,
        "max_rss_kib": memory,
        "overdue": dict(counts),
    }
    for name, values in times.items():
        print(
            f"{name:15} median {statistics.median(values):8.3f} s  {[round(v, 3) for v in values]}"
        )
    for name, values in memory.items():
        print(f"{name:15} peak memory {statistics.median(values) / 1024:.1f} MiB")
    print(f"overdue counted: {dict(counts)}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=1)
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
