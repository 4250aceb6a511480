"""Write a team's weekly status report as Markdown and HTML.

python examples/python/weekly_status.py team.db [--as-of 2017-07-06] [--out reports/]

Writes weekly-<date>.md and weekly-<date>.html into the output directory (default: the current
one), then prints their paths and the report's main counts. The report is for --as-of (default:
today) over the seven days ending on it; a past day gives exactly what the report said then. The
database is opened read-only.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import libtracker as lt


def iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Write a team's weekly status report as Markdown and HTML."
    )
    parser.add_argument("database", type=Path, help="the team's tracker database")
    parser.add_argument(
        "--as-of", type=iso_date, default=None, help="the report day, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path(), help="output directory (default: the current one)"
    )
    parser.add_argument(
        "--group-by", choices=["owner", "state"], default=None, help="group the open items"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.database.is_file():
        print(f"weekly_status: no database at {args.database}", file=sys.stderr)
        return 1
    with lt.Tracker(args.database, read_only=True) as tracker:
        report = tracker.weekly_report(as_of=args.as_of)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"weekly-{report.as_of.isoformat()}"
    outputs = {
        stem.with_suffix(".md"): report.to_markdown(group_by=args.group_by),
        stem.with_suffix(".html"): report.to_html(group_by=args.group_by),
    }
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    counts = report.counts
    print(
        f"as of {report.as_of}: {counts['open']} open, {counts['overdue']} overdue, "
        f"{counts['completed']} completed in the last {report.period_days} days"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
