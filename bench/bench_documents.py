#!/usr/bin/env python3
"""Times the document readers: importing a 1,000-row workbook, a 50-slide deck and a 50-page
PDF (bench/make_documents.py) with the Python package, each against a well-known reader of the
same file in the same run.

    python bench/bench_documents.py --dir DIR [--repeat 5] [--smoke] [--json out.json]

libtracker's figure is Tracker.import_file into an in-memory tracker: reading the file, finding
the items (columns, owners, dates, states) and storing them with their history. The baselines
only read: openpyxl (read-only mode, every cell's value), python-pptx (every text frame and
table cell) and poppler's pdftotext -layout (a process of its own, as it is used). Rounds
alternate the two sides; figures are medians. Also checks that every item written was read.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time
from typing import Callable

import openpyxl
from pptx import Presentation

import libtracker as lt

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_documents


def openpyxl_read(path: pathlib.Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True)
    cells = sum(1 for sheet in book for row in sheet.iter_rows(values_only=True) for _ in row)
    book.close()
    return cells


def pptx_read(path: pathlib.Path) -> int:
    texts = 0
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts += len(shape.text_frame.text)
            if shape.has_table:
                texts += sum(len(cell.text) for row in shape.table.rows for cell in row.cells)
    return texts


def pdftotext_read(path: pathlib.Path) -> int:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return len(done.stdout)


def imported(path: pathlib.Path) -> int:
    with lt.Tracker() as tracker:
        return len(tracker.import_file(path, reference_date=make_documents.START).added)


def timed(work: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=pathlib.Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--smoke", action="store_true", help="small files (20 rows, 2 slides, 2 pages)"
    )
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    sizes = (
        {"rows": 20, "slides": 2, "pages": 2}
        if args.smoke
        else {"rows": 1000, "slides": 50, "pages": 50}
    )
    args.dir.mkdir(parents=True, exist_ok=True)
    written = {
        "xlsx": make_documents.workbook(args.dir / "actions.xlsx", sizes["rows"]),
        "pptx": make_documents.deck(args.dir / "actions.pptx", sizes["slides"]),
        "pdf": make_documents.pdf(args.dir / "actions.pdf", sizes["pages"]),
    }
    baselines = {
        "xlsx": ("openpyxl", openpyxl_read),
        "pptx": ("python-pptx", pptx_read),
        "pdf": ("pdftotext", pdftotext_read),
    }
    result: dict[str, dict] = {}
    for kind, (name, baseline) in baselines.items():
        path = args.dir / f"actions.{kind}"
        ours: list[float] = []
        theirs: list[float] = []
        found = 0
        for round_ in range(args.repeat):
            sides = [
                ("ours", lambda p=path: imported(p)),
                ("theirs", lambda p=path, read=baseline: read(p)),
            ]
            for side, work in sides if round_ % 2 == 0 else reversed(sides):
                seconds, value = timed(work)
                if side == "ours":
                    ours.append(seconds)
                    found = value
                else:
                    theirs.append(seconds)
        result[kind] = {
            "file": path.name,
            "bytes": path.stat().st_size,
            "sizes": sizes,
            "items": written[kind],
            "found": found,
            "baseline": name,
            "import_file": ours,
            "baseline_seconds": theirs,
        }
        print(
            f"{kind}: {found}/{written[kind]} items, import_file "
            f"{statistics.median(ours) * 1e3:.1f} ms, {name} "
            f"{statistics.median(theirs) * 1e3:.1f} ms",
            file=sys.stderr,
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
