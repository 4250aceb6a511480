"""The text parsers, bound as module functions, on the SSR2 seed documents."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import libtracker as lt
from conftest import MEETING_DAY


def test_parse_due() -> None:
    assert lt.parse_due("30 May", MEETING_DAY) == datetime.date(2017, 5, 30)
    assert lt.parse_due("6/20", MEETING_DAY) == datetime.date(2017, 6, 20)
    assert lt.parse_due("6/7", MEETING_DAY, day_first=True) == datetime.date(2017, 7, 6)
    assert lt.parse_due("TBD", MEETING_DAY) == "TBD"
    assert lt.parse_due("", MEETING_DAY) is None
    assert isinstance(lt.parse_due("2017-06-20"), datetime.date)
    with pytest.raises(lt.ParseError) as info:
        lt.parse_due("30 Mayy", MEETING_DAY)
    assert info.value.text == "30 Mayy"


def test_parse_date() -> None:
    assert lt.parse_date("25th June", MEETING_DAY) == datetime.date(2017, 6, 25)
    with pytest.raises(lt.ParseError):
        lt.parse_date("TBD", MEETING_DAY)


def test_parse_owners() -> None:
    assert lt.parse_owners("Co-Chairs, James Gannon, Boban Krsic") == [
        "Co-Chairs",
        "James Gannon",
        "Boban Krsic",
    ]
    assert lt.parse_owners("ICANN org and SSR2-RT", ["ICANN Org"]) == ["ICANN Org", "SSR2-RT"]
    with pytest.raises(lt.ParseError):
        lt.parse_owners("A,,B")


def test_parse_status() -> None:
    assert lt.parse_status("In progress") == (lt.State.IN_PROGRESS, "")
    state, note = lt.parse_status("Waiting on Legal")
    assert state is lt.State.BLOCKED
    assert isinstance(note, str)


def test_parse_action_items_from_seed_slides(seeds: Path) -> None:
    text = (seeds / "004_aef3142de91aa82d.txt").read_text(encoding="utf-8")
    found = lt.parse_action_items(text, MEETING_DAY)
    assert len(found) == len(found.items) > 0
    assert len(found.lines) == len(found.items)
    assert all(item.id == 0 and item.text for item in found.items)
    texts = " ".join(item.text for item in found.items)
    assert "Research collaborative tools" in texts
    for skipped in found.skipped:
        assert isinstance(skipped, lt.SkippedLine)
        assert isinstance(skipped.line, int)
        assert isinstance(skipped.text, str)
        assert skipped.reason
        assert skipped.part == ""  # text has no parts
    assert "<table" in found._repr_html_()
    assert "ParsedMinutes(" in repr(found)


def test_parsed_items_can_be_added(tracker: lt.Tracker, seeds: Path) -> None:
    text = (seeds / "003_2b0a52e59fe911a9.txt").read_text(encoding="utf-8")
    found = lt.parse_action_items(text, MEETING_DAY)
    ids = tracker.add_all(found.items)
    assert tracker.count() == len(ids) == len(found.items)


def test_parse_action_items_says_what_needs_review_and_which_date_it_used() -> None:
    text = (
        "Subgroup call of 22 May 2018\n"
        "\n"
        "Action Items:\n"
        "- ICANN org to share the draft charter with the RT.\n"
        "- Denise Michel and Žarko Kecić to draft the scoping note by 3 June\n"
        "- Somebody to follow up with the registrars.\n"
        "\n"
        "Action\tOwner\tBudget\n"
        "Book the room.\tAnna Berg\t100\n"
    )
    found = lt.parse_action_items(text, source="call.txt")
    assert found.reference_date == datetime.date(2018, 5, 22)
    assert found.reference_source == "document"
    assert [item.owners for item in found.items] == [
        ["ICANN org"],
        ["Denise Michel", "Žarko Kecić"],
        [],
        ["Anna Berg"],
    ]
    assert found.items[1].due == datetime.date(2018, 6, 3)
    assert [(note.line, note.text) for note in found.needs_review] == [
        (6, "Somebody to follow up with the registrars.")
    ]
    assert all(isinstance(note, lt.ReviewNote) and note.reason for note in found.needs_review)
    assert found.unknown_columns == ["Budget"]
    given = lt.parse_action_items(text, MEETING_DAY)
    assert (given.reference_date, given.reference_source) == (MEETING_DAY, "caller")
