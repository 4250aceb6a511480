#!/usr/bin/env python3
"""Writes the import fidelity table of docs/import.md from the fixture test.

Runs tests/test_import_fixtures (ImportFixtures.EveryItemAsAPersonReadsIt) of a build with
LIBTRACKER_FIDELITY_OUT set, and puts its figures (per fixture: items a person reads in it,
items found, items found exactly in every field, lines skipped, items to review) between the
fidelity markers of docs/import.md. scripts/test.sh calls it after the C++ tests:

    python3 scripts/import_fidelity.py build/test

It fails when the test fails, so a stale table is never written from a broken build.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "import.md"
START, END = "<!-- fidelity:start -->", "<!-- fidelity:end -->"


def figures(build: pathlib.Path) -> list[list[str]]:
    binary = build / "tests" / "test_import_fixtures"
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "fidelity.tsv"
        env = dict(os.environ, LIBTRACKER_FIDELITY_OUT=str(out))
        run = subprocess.run(
            [str(binary), "--gtest_filter=ImportFixtures.EveryItemAsAPersonReadsIt"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0 or not out.exists():
            sys.stderr.write(run.stdout + run.stderr)
            sys.exit("import_fidelity: the fixture test failed; docs/import.md is left as it was")
        return [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]


def table(rows: list[list[str]]) -> str:
    lines = [
        "| fixture | items a person reads | items found | found exactly | lines skipped "
        "| to review |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    expected_total = exact_total = 0
    for name, expected, found, exact, skipped, review in rows:
        lines.append(f"| {name} | {expected} | {found} | {exact} | {skipped} | {review} |")
        expected_total += int(expected)
        exact_total += int(exact)
    lines.append(f"| **all** | **{expected_total}** | | **{exact_total}** | | |")
    return "\n".join(lines)


def main() -> None:
    build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build/test").resolve()
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    new = f"{before}{START}\n{table(figures(build))}\n{END}{after}"
    if new != text:
        DOC.write_text(new, encoding="utf-8")
        print("import_fidelity: docs/import.md updated")
    else:
        print("import_fidelity: docs/import.md is up to date")


if __name__ == "__main__":
    main()
