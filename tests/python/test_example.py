"""The example scripts run and print (and write) what they promise."""

from __future__ import annotations

import datetime
import html.parser
import subprocess
import sys
from pathlib import Path

import libtracker as lt

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


def test_open_items_example(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "open_items.py"), str(tmp_path / "team.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert "Draft SSR2 work plan" in lines[0]
    assert "OVERDUE" in lines[0]
    assert "Research collaborative tools" in lines[1]
    assert "Circulate" not in result.stdout


def run_weekly_status(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / "weekly_status.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def team_database(path: Path) -> Path:
    """Two weekly calls: 8 June (the list) and 15 June (one item done, one new)."""
    with lt.Tracker(path) as t:
        t.today = datetime.date(2017, 6, 8)
        t.add("Distribute draft Johannesburg agenda", owners="Co-Chairs", due="30 May")
        t.add("Research collaborative tools", owners="ICANN Org", due="TBD")
        t.today = datetime.date(2017, 6, 15)
        t.set_state(1, "done", note="Circulated 6/14")
        t.add("<script>alert(1)</script> Book a room", owners="ICANN Org", due="22 June")
    return path


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_weekly_status_writes_markdown_and_html(tmp_path: Path) -> None:
    database = team_database(tmp_path / "team.db")
    out = tmp_path / "reports"
    result = run_weekly_status(str(database), "--as-of", "2017-06-15", "--out", str(out))
    assert result.returncode == 0, result.stderr
    markdown = out / "weekly-2017-06-15.md"
    page = out / "weekly-2017-06-15.html"
    assert result.stdout.splitlines() == [
        f"wrote {markdown}",
        f"wrote {page}",
        "as of 2017-06-15: 2 open, 0 overdue, 1 completed in the last 7 days",
    ]
    text = markdown.read_text(encoding="utf-8")
    assert "As of 2017-06-15" in text
    assert "## Completed (1)" in text
    tags = _Tags()
    tags.feed(page.read_text(encoding="utf-8"))
    assert "table" in tags.tags
    assert "script" not in tags.tags


def test_weekly_status_of_a_past_day_ignores_later_changes(tmp_path: Path) -> None:
    database = team_database(tmp_path / "team.db")
    result = run_weekly_status(str(database), "--as-of", "2017-06-08", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "as of 2017-06-08: 2 open, 1 overdue, 0 completed in the last 7 days"
    )
    assert "Book a room" not in (tmp_path / "weekly-2017-06-08.md").read_text(encoding="utf-8")


def test_weekly_status_defaults_to_today(tmp_path: Path) -> None:
    database = team_database(tmp_path / "team.db")
    before = datetime.date.today()
    result = run_weekly_status(str(database), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    days = {before, datetime.date.today()}  # the run may cross midnight
    written = {path.name for path in (tmp_path / "out").iterdir()}
    assert written in ({f"weekly-{day}.md", f"weekly-{day}.html"} for day in days)


def test_weekly_status_refuses_a_missing_database_or_a_bad_date(tmp_path: Path) -> None:
    result = run_weekly_status(str(tmp_path / "missing.db"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no database" in result.stderr
    assert not (tmp_path / "missing.db").exists()
    assert not (tmp_path / "out").exists()
    database = team_database(tmp_path / "team.db")
    result = run_weekly_status(str(database), "--as-of", "15/6/2017")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr
