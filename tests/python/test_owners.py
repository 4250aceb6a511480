"""Owners' e-mail addresses: set one by one or from an owners CSV, checked, same names as C++."""

from __future__ import annotations

from pathlib import Path

import pytest

import libtracker as lt

DIRECTORY = (
    "name,email,initials,groups\n"
    "Guðrun Poulsen,gudrun.poulsen@example.org,GP,SSR2-RT\n"
    'Danko Jevtović,danko.jevtovic@example.org,DJ,"SSR2-RT; Co-Chairs"\n'
    "James Gannon,,JG,Co-Chairs\n"
)


def test_set_owner_email_checks_and_stores_the_address(ssr2: lt.Tracker) -> None:
    owner = ssr2.set_owner_email("james gannon", "  james.gannon@example.org ")
    assert isinstance(owner, lt.Owner)
    assert (owner.name, owner.email) == ("James Gannon", "james.gannon@example.org")
    assert "james.gannon@example.org" in repr(owner)
    assert ssr2.owner("James Gannon").email == "james.gannon@example.org"
    with pytest.raises(lt.ParseError) as bad:
        ssr2.set_owner_email("James Gannon", "james@example.org\r\nBcc: everyone@example.org")
    assert bad.value.position == 17
    with pytest.raises(lt.NotFoundError):
        ssr2.set_owner_email("Nobody Known", "nobody@example.org")
    assert "Nobody Known" not in [o.name for o in ssr2.owners()]
    assert ssr2.owner("James Gannon").email == "james.gannon@example.org"
    assert ssr2.set_owner_email("James Gannon", "").email == ""


def test_parse_email_address_refuses_what_would_break_a_header() -> None:
    assert lt.parse_email_address(" a.b+c@example.org ") == "a.b+c@example.org"
    for bad in ["Guðrun <g@example.org>", "guðrun@example.org", "a@b", "a@b.org\nX: y", ""]:
        with pytest.raises(lt.ParseError):
            lt.parse_email_address(bad)


def test_import_owners_from_a_file_and_from_text(tracker: lt.Tracker, tmp_path: Path) -> None:
    path = tmp_path / "owners.csv"
    path.write_text(DIRECTORY, encoding="utf-8")
    result = tracker.import_owners(path)
    assert isinstance(result, lt.OwnersImportResult)
    assert result.added == ["Guðrun Poulsen", "Danko Jevtović", "James Gannon"]
    assert tracker.owner("Danko Jevtović").email == "danko.jevtovic@example.org"
    assert tracker.owner("Danko Jevtović").initials == "DJ"
    assert tracker.owner("SSR2-RT").members == ["Danko Jevtović", "Guðrun Poulsen"]
    assert tracker.owner("James Gannon").email == ""
    again = tracker.import_owners_text(DIRECTORY)
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 3)
    moved = tracker.import_owners_text("name,email\nJames Gannon,jg@example.org\n")
    assert moved.updated == ["James Gannon"]
    assert "OwnersImportResult(added=0, updated=1" in repr(moved)


def test_a_bad_owners_line_is_a_parse_error_and_writes_nothing(tracker: lt.Tracker) -> None:
    with pytest.raises(lt.ParseError) as bad:
        tracker.import_owners_text(DIRECTORY + "Boban Krsic,boban@,BK,\n", source="team.csv")
    assert (bad.value.source, bad.value.line) == ("team.csv", 5)
    assert tracker.owners() == []
