#!/usr/bin/env python3
"""Turns the benchmark results of scripts/bench.sh into one table.

    python3 bench/bench_table.py DIR [--markdown]

DIR holds store.json and queries.json (bench_store, Google Benchmark's JSON), report.json
(bench_report), python.json (bench/python/bench_python.py), cli.json (bench/bench_cli.py) and
documents.json (bench/bench_documents.py), with the PostgreSQL variants (pg_*, "server") of a
run with a server;
a missing file leaves its rows out. Every figure is the median of the repetitions; the ratio is
libtracker's figure against the baseline's, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from collections.abc import Callable
from typing import Any, Optional


def load(directory: str, name: str) -> dict[str, Any] | None:
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def benchmark_runs(doc: dict[str, Any] | None, name: str) -> list[dict[str, Any]]:
    """The single runs (not the aggregates) of one Google Benchmark benchmark."""
    if doc is None:
        return []
    return [
        b
        for b in doc["benchmarks"]
        if b.get("run_type") == "iteration" and b["run_name"].split("/iterations")[0] == name
    ]


def seconds(run: dict[str, Any]) -> float:
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[run["time_unit"]]
    return float(run["real_time"]) * scale


def median_seconds(doc: dict[str, Any] | None, name: str) -> float | None:
    runs = benchmark_runs(doc, name)
    return statistics.median(seconds(r) for r in runs) if runs else None


def counter(doc: dict[str, Any] | None, name: str, key: str) -> float | None:
    runs = benchmark_runs(doc, name)
    return float(runs[0][key]) if runs and key in runs[0] else None


def duration(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.1f} µs"


def ratio_text(ours: float | None, theirs: float | None, faster: bool = False) -> str:
    """libtracker's time against the baseline's; with faster, as a speed-up."""
    if not ours or not theirs:
        return "-"
    return f"{theirs / ours:.1f}x faster" if faster else f"{ours / theirs:.2f}x its time"


Row = tuple[str, str, str, str, str, Optional[bool]]


def rows(directory: str) -> list[Row]:
    out: list[Row] = []
    store = load(directory, "store.json")
    queries = load(directory, "queries.json")
    report = load(directory, "report.json")
    python = load(directory, "python.json")
    cli = load(directory, "cli.json")
    documents = load(directory, "documents.json")
    items = int(counter(queries, "count_overdue/sqlite", "items") or 0)

    def compare(
        label: str,
        ours: float | None,
        theirs: float | None,
        target: str,
        met: Callable[[float, float], bool],
    ) -> None:
        if ours is None or theirs is None:
            return
        out.append(
            (
                label,
                duration(ours),
                duration(theirs),
                ratio_text(ours, theirs, faster="faster" in target),
                target,
                met(ours, theirs),
            )
        )

    bulk_items = int(counter(store, "bulk_add/sqlite", "items") or 0)
    compare(
        f"bulk add {bulk_items:,} items (C++), one transaction, vs prepared INSERTs",
        median_seconds(store, "bulk_add/libtracker"),
        median_seconds(store, "bulk_add/sqlite"),
        "≤ 1.5x its time",
        lambda a, b: a <= 1.5 * b,
    )
    compare(
        f"count overdue among {items:,} items, vs the same SELECT count(*)",
        median_seconds(queries, "count_overdue/libtracker"),
        median_seconds(queries, "count_overdue/sqlite"),
        "≤ 2x its time and < 50 ms",
        lambda a, b: a <= 2 * b and a < 0.050,
    )
    results = int(counter(queries, "find_owner_open/sqlite", "results") or 0)
    compare(
        f"find(owner, state=open) at {items:,} items, {results:,} results, vs the same SELECT",
        median_seconds(queries, "find_owner_open/libtracker"),
        median_seconds(queries, "find_owner_open/sqlite"),
        "≤ 2x its time",
        lambda a, b: a <= 2 * b,
    )
    weekly = median_seconds(report, "weekly_report/libtracker")
    if weekly is not None:
        label = "weekly report as of today, {:,} items, {:,} events".format(
            int(counter(report, "weekly_report/libtracker", "items") or 0),
            int(counter(report, "weekly_report/libtracker", "events") or 0),
        )
        out.append((label, duration(weekly), "-", "-", "< 100 ms", weekly < 0.100))
    if python is not None:
        frames = python["dataframe"]
        compare(
            f"to_dataframe() of {frames['rows']:,} items, vs pandas.read_sql",
            statistics.median(frames["to_dataframe"]),
            statistics.median(frames["read_sql"]),
            "≥ 3x faster",
            lambda a, b: b >= 3 * a,
        )
        writes = python["writes"]
        setting = f"{writes['journal_mode'].upper()}, synchronous={writes['synchronous']}"
        for name, key in (("add()", "add_us"), ("update()", "update_us")):
            ours = statistics.median(writes[key]) * 1e-6
            theirs = statistics.median(writes["plain_" + key]) * 1e-6
            out.append(
                (
                    f"single {name} from Python, file database ({setting}), vs plain sqlite3",
                    duration(ours),
                    duration(theirs),
                    ratio_text(ours, theirs),
                    "< 50 µs",
                    ours < 50e-6,
                )
            )
    if cli is not None:
        t = cli["seconds"]
        n = cli["items"]
        compare(
            f"CLI at {n:,} items: tracker import, vs task import (Taskwarrior export)",
            statistics.median(t["tracker import"]),
            statistics.median(t["task import"]),
            "≥ 20x faster",
            lambda a, b: b >= 20 * a,
        )
        compare(
            "CLI: tracker count +overdue, vs task +OVERDUE count",
            statistics.median(t["tracker count"]),
            statistics.median(t["task count"]),
            "≥ 20x faster",
            lambda a, b: b >= 20 * a,
        )
        compare(
            "CLI: tracker set ID due=..., vs task ID modify due:...",
            statistics.median(t["tracker set"]),
            statistics.median(t["task modify"]),
            "≥ 20x faster",
            lambda a, b: b >= 20 * a,
        )
        ours = statistics.median(cli["max_rss_kib"]["tracker count"]) / 1024
        theirs = statistics.median(cli["max_rss_kib"]["task count"]) / 1024
        out.append(
            (
                "CLI: peak memory of tracker count +overdue (vs task +OVERDUE count)",
                f"{ours:.1f} MiB",
                f"{theirs:.1f} MiB",
                f"{ours / theirs:.2f}x",
                "< 50 MiB",
                ours < 50,
            )
        )
    if documents is not None:
        shapes = {
            "xlsx": "a {rows:,}-row .xlsx",
            "pptx": "a {slides}-slide .pptx",
            "pdf": "a {pages}-page PDF",
        }
        for kind, shape in shapes.items():
            d = documents.get(kind)
            if d is None:
                continue
            ours = statistics.median(d["import_file"])
            theirs = statistics.median(d["baseline_seconds"])
            out.append(
                (
                    f"import_file of {shape.format(**d['sizes'])} ({d['items']:,} items), "
                    f"vs {d['baseline']} reading it",
                    duration(ours),
                    duration(theirs),
                    ratio_text(ours, theirs),
                    f"all {d['items']:,} items read",
                    d["found"] == d["items"],
                )
            )

    # The same store on a PostgreSQL server (the local socket), against libpq alone or beside
    # the file.
    pg_items = int(counter(store, "bulk_add/pg_copy", "items") or 0)
    compare(
        f"PostgreSQL: bulk add {pg_items:,} items (C++), one transaction, vs COPY through libpq",
        median_seconds(store, "bulk_add/pg_libtracker"),
        median_seconds(store, "bulk_add/pg_copy"),
        "< 2.0 s",
        lambda a, b: a < 2.0,
    )
    pg_count_items = int(counter(queries, "count_overdue/pg_libpq", "items") or 0)
    compare(
        f"PostgreSQL: count overdue among {pg_count_items:,} items, vs the same SELECT (libpq)",
        median_seconds(queries, "count_overdue/pg_libtracker"),
        median_seconds(queries, "count_overdue/pg_libpq"),
        "≤ 2x its time",
        lambda a, b: a <= 2 * b,
    )
    compare(
        "PostgreSQL: weekly report as of today, {:,} items, {:,} events, vs the file's".format(
            int(counter(report, "weekly_report/pg_libtracker", "items") or 0),
            int(counter(report, "weekly_report/pg_libtracker", "events") or 0),
        ),
        median_seconds(report, "weekly_report/pg_libtracker"),
        weekly,
        "< 300 ms",
        lambda a, b: a < 0.300,
    )
    server = python.get("server") if python is not None else None
    if server is not None and python is not None:
        targets = {"add()": ("-", None), "update()": ("< 1 ms", 1e-3)}
        for name, key in (("add()", "add_us"), ("update()", "update_us")):
            ours = statistics.median(server["writes"][key]) * 1e-6
            theirs = statistics.median(python["writes"][key]) * 1e-6
            target, limit = targets[name]
            out.append(
                (
                    f"PostgreSQL: single {name} from Python, vs the file's {name}",
                    duration(ours),
                    duration(theirs),
                    ratio_text(ours, theirs),
                    target,
                    None if limit is None else ours < limit,
                )
            )
        c = server["concurrent"]
        ours = statistics.median(r["per_second"] for r in c["server"])
        theirs = statistics.median(r["per_second"] for r in c["file"])
        conflicts = sum(r["conflicts"] for r in c["server"])
        out.append(
            (
                f"PostgreSQL: {c['clients']} Python clients updating {c['items']} items together "
                f"(read, update with expected_version; {conflicts:,} conflicts retried), "
                "vs the same on the file",
                f"{ours:,.0f} updates/s",
                f"{theirs:,.0f} updates/s",
                f"{ours / theirs:.2f}x its rate",
                "-",
                None,
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    parser.add_argument("--smoke", action="store_true", help="smoke sizes: no verdicts")
    args = parser.parse_args()
    header = ("measure", "libtracker (median)", "baseline (median)", "ratio", "target", "met")
    table = [
        (*r[:5], "(smoke)" if args.smoke else ("-" if r[5] is None else "yes" if r[5] else "NO"))
        for r in rows(args.directory)
    ]
    if not table:
        print(f"no results in {args.directory}", file=sys.stderr)
        return 1
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in table:
            print("| " + " | ".join(r) + " |")
        return 0
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    for i, r in enumerate([header, *table]):
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
