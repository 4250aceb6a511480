"""Meetings and deadlines stated in prose, proposed from Python and written only when accepted."""

from __future__ import annotations

import datetime
from pathlib import Path

import libtracker as lt

NEWSLETTER = "002_82b849f913068f74.txt"


def test_the_newsletter_proposes_its_meetings_and_deadlines(
    tracker: lt.Tracker, seeds: Path
) -> None:
    proposals = tracker.propose_file(seeds / NEWSLETTER)
    assert proposals.reference_source == "document"
    assert [(p.kind, p.date, p.owners) for p in proposals] == [
        ("meeting", datetime.date(2024, 2, 14), ["Guidelines Review Committee"]),
        ("meeting", datetime.date(2024, 3, 3), ["Internet Governance Liaison Committee"]),
        (
            "meeting",
            datetime.date(2024, 3, 2),
            ["Universal Acceptance Committee", "DNS Abuse Standing Committee"],
        ),
        ("meeting", datetime.date(2024, 3, 6), ["ccNSO Council"]),
        ("meeting", datetime.date(2024, 2, 15), ["ccNSO Council"]),
        ("item", datetime.date(2024, 2, 20), ["ccPDP4 WG"]),
    ]
    council = proposals[4]
    assert council.start == datetime.time(18, 0)
    assert council.time_zone == "UTC"
    assert proposals[1].abbreviations == ["IGLC"]
    assert proposals[1].place == "ICANN79"
    assert (
        proposals[1].sentence
        == "On Sunday, 3 March, the IGLC will hold a working session at ICANN79."
    )
    # Nothing is written by proposing.
    assert tracker.count() == 0
    assert tracker.meetings() == []


def test_accepting_some_writes_them_once(tracker: lt.Tracker, seeds: Path) -> None:
    proposals = tracker.propose_file(seeds / NEWSLETTER)
    result = tracker.accept([proposals[4], proposals[5]])
    assert len(result.meetings_added) == 1
    assert len(result.added) == 1
    item = tracker.get(result.added[0])
    assert item.text == "Complete its work"
    assert item.owners == ["ccPDP4 WG"]
    assert item.due == datetime.date(2024, 2, 20)
    again = tracker.accept(proposals)
    assert len(again.added) == 0
    assert len(again.unchanged) == 1
    assert len(again.meetings_added) == 4
    assert len(tracker.meetings()) == 5


def test_prose_without_a_date_or_a_group_proposes_nothing(tracker: lt.Tracker) -> None:
    text = "The working group will hold a session on 3 March.\n\nWe will meet again soon.\n"
    assert len(tracker.propose(text, reference_date=datetime.date(2024, 1, 10))) == 0
