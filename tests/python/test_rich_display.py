"""Every rich display (what Jupyter shows for a value) escapes user text: HTML in an item's
text, owners, status, tags or notes shows as text, never as markup."""

from __future__ import annotations

import datetime
import html.parser
from collections.abc import Callable

import pytest

import libtracker as lt

JUNE_15 = datetime.date(2017, 6, 15)
TEXT = '<script>alert("text")</script> & <b>bold</b>'
OWNER = "<img src=x onerror=alert(1)>Org"
STATUS = '</td><script>alert("status")</script>'
NOTE = "<script>alert('note')</script>"
TAG = "<i>tag</i>"
#: Elements that user text would create if it were not escaped.
INJECTED = {"script", "img", "b", "i"}


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


@pytest.fixture
def hostile() -> lt.Tracker:
    """Items with markup in every field, in every section of the report of 15 June."""
    t = lt.Tracker()
    t.today = datetime.date(2017, 6, 1)
    t.add(TEXT, owners=[OWNER], due="20 June", status_note=STATUS, tags=[TAG])
    t.add(TEXT, owners=[OWNER], due="18 June", status_note=STATUS)  # upcoming
    t.add(TEXT, owners=[OWNER, "Co-Chairs"], due="10 June", details=NOTE)  # overdue
    t.add(TEXT, owners=[OWNER], due="TBD", impact="high", effort="low")  # no due date
    t.add(TEXT, owners=[OWNER], due="12 June")
    t.today = datetime.date(2017, 6, 12)
    t.set_state(5, "done", note=NOTE)  # completed
    t.update(1, due=datetime.date(2017, 6, 30))  # slipped
    t.add_note(2, NOTE)
    t.today = JUNE_15
    t.add(TEXT, owners=[OWNER])  # new
    return t


def displays(t: lt.Tracker) -> dict[str, Callable[[], str]]:
    report = t.weekly_report(as_of=JUNE_15)
    minutes = f"Action\tOwner\tDue Date\n{TEXT}\t{OWNER}\tTBD\n"
    return {
        "WeeklyReport": report._repr_html_,
        "WeeklyReport.to_html": report.to_html,
        "WeeklyReport grouped": lambda: report.to_html(group_by="owner"),
        "ActionItem": t.get(2)._repr_html_,
        "ReportEntry": report.section("overdue")[0]._repr_html_,
        "ItemList from find": t.find()._repr_html_,
        "ItemList as of a day": t.items_as_of(JUNE_15)._repr_html_,
        "ParsedMinutes": lt.parse_action_items(minutes, JUNE_15)._repr_html_,
        "Tracker.to_dataframe": t.to_dataframe()._repr_html_,
        "WeeklyReport.to_dataframe": report.to_dataframe()._repr_html_,
        "MeetingPack": t.meeting_pack(t.add_meeting(TEXT, JUNE_15, OWNER))._repr_html_,
    }


@pytest.mark.parametrize(
    "name",
    [
        "WeeklyReport",
        "WeeklyReport.to_html",
        "WeeklyReport grouped",
        "ActionItem",
        "ReportEntry",
        "ItemList from find",
        "ItemList as of a day",
        "ParsedMinutes",
        "Tracker.to_dataframe",
        "WeeklyReport.to_dataframe",
        "MeetingPack",
    ],
)
def test_user_text_renders_as_text(hostile: lt.Tracker, name: str) -> None:
    page = parse(displays(hostile)[name]())
    assert "table" in page.tags
    assert not INJECTED & set(page.tags), name
    text = "".join(page.text)
    assert TEXT in text
    if name != "ParsedMinutes":  # the minutes parser does not take it for an owner
        assert OWNER in text


def test_the_report_shows_every_section_with_the_escaped_text(hostile: lt.Tracker) -> None:
    report = hostile.weekly_report(as_of=JUNE_15)
    assert all(report.counts[key] for key in report.counts), report.counts
    page = parse(report._repr_html_())
    text = "".join(page.text)
    assert text.count(TEXT) >= sum(report.counts.values())
    assert STATUS in text


def test_every_rich_display_is_covered() -> None:
    # A class of the package that Jupyter shows as HTML must be in displays() above.
    with_html = {name for name in lt.__all__ if hasattr(getattr(lt, name), "_repr_html_")}
    assert with_html == {
        "ActionItem",
        "ReportEntry",
        "ItemList",
        "WeeklyReport",
        "ParsedMinutes",
        "MeetingPack",
    }
