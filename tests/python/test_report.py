"""Tracker.weekly_report() and its renderers, on the SSR2 slides and a few weeks of changes."""

from __future__ import annotations

import datetime
import html.parser
import json
from pathlib import Path

import pandas
import pytest

import libtracker as lt

JUNE_15 = datetime.date(2017, 6, 15)


@pytest.fixture
def tracker() -> lt.Tracker:
    t = lt.Tracker()
    t.today = datetime.date(2017, 6, 1)
    t.add("Distribute draft Johannesburg agenda to email list.", owners="Co-Chairs", due="30 May")
    t.add(
        "Share links to relevant articles regarding threat mitigation.",
        owners="ICANN Org",
        due="8 June",
    )
    t.add("Research collaborative tools the RT may use.", owners="ICANN Org", due="TBD")
    t.add("<script>alert(1)</script> | =HYPERLINK()", owners=["Guðrun Poulsen"], due="20 June")
    t.today = datetime.date(2017, 6, 12)
    t.update(2, due=datetime.date(2017, 6, 22))
    t.set_state(1, "done", note="Circulated 6/12")
    t.add("Review non-disclosure form with ICANN Legal.", owners="James Gannon, Emily Taylor")
    t.today = JUNE_15
    return t


def test_sections_as_of_the_meeting_day(tracker: lt.Tracker) -> None:
    report = tracker.weekly_report(as_of=JUNE_15)
    assert report.as_of == JUNE_15
    assert report.period_start == datetime.date(2017, 6, 9)
    counts = report.counts
    assert counts["open"] == 4
    assert counts["completed"] == 1
    assert counts["slipped"] == 1
    assert counts["new"] == 1
    assert [it.text for it in report.section("completed")] == [
        "Distribute draft Johannesburg agenda to email list."
    ]
    with pytest.raises(lt.ParseError):
        report.section("later")


def test_a_past_report_does_not_see_later_changes(tracker: lt.Tracker) -> None:
    before = tracker.weekly_report(as_of=datetime.date(2017, 6, 5))
    assert before.counts["open"] == 4
    assert before.counts["completed"] == 0
    overdue = before.to_dict()["sections"]["overdue"]
    assert [(e["text"], e["days_overdue"]) for e in overdue] == [
        ("Distribute draft Johannesburg agenda to email list.", 6)
    ]


def test_counts_per_owner(tracker: lt.Tracker) -> None:
    by_owner = tracker.weekly_report(as_of=JUNE_15).by_owner
    assert by_owner["ICANN Org"]["open"] == 2
    assert by_owner["ICANN Org"]["slipped"] == 1
    # The item of two owners counts for both.
    assert by_owner["James Gannon"]["new"] == 1
    assert by_owner["Emily Taylor"]["new"] == 1
    assert by_owner["Co-Chairs"]["completed"] == 1
    assert by_owner["Co-Chairs"]["open"] == 0


def test_dict_form_has_the_documented_keys(tracker: lt.Tracker) -> None:
    d = tracker.weekly_report(as_of=JUNE_15, period_days=7).to_dict()
    assert {"as_of", "period_start", "period_end", "counts", "sections"} <= d.keys()
    assert set(d["sections"]) == {
        "open",
        "overdue",
        "upcoming",
        "no_due_date",
        "new",
        "completed",
        "slipped",
    }
    slipped = d["sections"]["slipped"][0]
    assert (slipped["old_due"], slipped["new_due"]) == ("2017-06-08", "2017-06-22")
    assert json.loads(tracker.weekly_report(as_of=JUNE_15).to_json()) == d


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_renderers_escape_user_text(tracker: lt.Tracker) -> None:
    report = tracker.weekly_report(as_of=JUNE_15)
    page = report.to_html()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "table" in parser.tags
    # In Jupyter the report is embedded in the notebook's page, its styles scoped to it.
    fragment = report._repr_html_()
    assert fragment.startswith("<style>")
    assert "<body" not in fragment
    assert page.count("<tr") == fragment.count("<tr")
    # Grouped by owner, the item of two owners is listed under each: five rows, three pages.
    markdown = report.to_markdown(group_by="owner", page_size=2)
    assert "(1 of 3)" in markdown
    assert "(3 of 3)" in markdown
    assert "\\|" in markdown
    assert ",<script>alert(1)</script> | =HYPERLINK()," in report.to_csv()
    tracker.add('=HYPERLINK("http://example.com")', status_note="@SUM(A1)")
    csv = tracker.weekly_report(as_of=JUNE_15).to_csv()
    assert "'=HYPERLINK" in csv
    assert "'@SUM(A1)" in csv
    assert "Guðrun Poulsen" in report.to_text(width=120)


def test_section_rows_keep_their_fields(tracker: lt.Tracker) -> None:
    report = tracker.weekly_report(as_of=JUNE_15)
    [slipped] = report.section("slipped")
    assert isinstance(slipped, lt.ReportEntry)
    assert isinstance(slipped, lt.ActionItem)  # a row reads like the item
    assert (slipped.section, slipped.id, slipped.overdue) == ("slipped", 2, False)
    assert slipped.old_due == datetime.date(2017, 6, 8)
    assert slipped.new_due == datetime.date(2017, 6, 22)
    assert slipped.days_overdue == 0
    assert type(slipped.item) is lt.ActionItem
    assert slipped.item == tracker.get_as_of(2, JUNE_15)
    assert slipped.to_dict()["old_due"] == "2017-06-08"
    [done] = report.section("completed")
    assert (done.old_due, done.new_due, done.section) == (None, None, "completed")

    past = tracker.weekly_report(as_of=datetime.date(2017, 6, 5))
    [overdue] = past.section("overdue")
    assert (overdue.id, overdue.overdue, overdue.days_overdue) == (1, True, 6)
    assert overdue.due == datetime.date(2017, 5, 30)
    assert "days_overdue=6" in repr(overdue)


def test_section_rows_are_the_entries_of_the_json_form(tracker: lt.Tracker) -> None:
    for day in (datetime.date(2017, 6, 5), JUNE_15):
        report = tracker.weekly_report(as_of=day)
        sections = report.to_dict()["sections"]
        for key, entries in sections.items():
            assert [row.to_dict() for row in report.section(key)] == entries, (day, key)


def test_dataframe_has_a_row_per_entry(tracker: lt.Tracker) -> None:
    report = tracker.weekly_report(as_of=JUNE_15)
    frame = report.to_dataframe()
    assert len(frame) == sum(report.counts.values())
    assert str(frame["due"].dtype).startswith("datetime64")
    assert list(frame.columns[:3]) == ["section", "id", "text"]
    slipped = frame[frame["section"] == "slipped"].iloc[0]
    assert slipped["new_due"] == pandas.Timestamp(2017, 6, 22)
    assert slipped["days_overdue"] == 0


def test_dataframe_of_a_past_report_counts_days_overdue(tracker: lt.Tracker) -> None:
    frame = tracker.weekly_report(as_of=datetime.date(2017, 6, 5)).to_dataframe()
    overdue = frame[frame["section"] == "overdue"]
    assert list(overdue["days_overdue"]) == [6]
    assert list(overdue["due_text"]) == ["2017-05-30"]


def test_dataframe_of_an_empty_report_keeps_its_columns() -> None:
    frame = lt.Tracker().weekly_report(as_of=JUNE_15).to_dataframe()
    assert frame.empty
    assert {"section", "due", "days_overdue", "old_due", "new_due"} <= set(frame.columns)


def test_report_of_the_imported_slides(seeds: Path) -> None:
    t = lt.Tracker()
    t.today = JUNE_15
    t.import_file(seeds / "004_aef3142de91aa82d.txt", format="minutes", reference_date=JUNE_15)
    report = t.weekly_report()
    assert report.as_of == JUNE_15
    overdue = {e["text"] for e in report.to_dict()["sections"]["overdue"]}
    assert "Distribute draft Johannesburg agenda to email list." in overdue
    assert report.counts["open"] == t.count(open=True)
