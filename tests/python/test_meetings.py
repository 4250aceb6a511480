"""Meetings, agendas and the meeting pack from Python: the same names as in C++."""

from __future__ import annotations

import datetime
from pathlib import Path

import pptx
import pytest

import libtracker as lt
from conftest import MEETING_DAY


def test_the_members_meeting_agenda_imports_with_times_chairs_and_levels(
    tracker: lt.Tracker, seeds: Path
) -> None:
    result = tracker.import_file(seeds / "000_341ab4ae26bd7f1a.txt", time_zone="America/Cancun")
    assert len(result.meetings_added) == 1
    meeting = tracker.meeting(result.meetings_added[0])
    assert meeting.title == "ccNSO Members Meeting"
    assert (meeting.date, meeting.end_date) == (
        datetime.date(2020, 3, 10),
        datetime.date(2020, 3, 11),
    )
    assert meeting.time_zone == "America/Cancun"
    first = meeting.agenda[0]
    assert (first.start, first.end) == (datetime.time(9, 0), datetime.time(9, 45))
    assert first.chairs == [lt.Participant("Katrina Sataki", ".lv")]
    policy = next(a for a in meeting.agenda if a.title == "Policy Session")
    assert policy.block == "Block 2"
    assert policy.engagement == (1, 2)
    assert [a.kind for a in meeting.agenda].count("break") == 8
    # Importing it again updates the meeting.
    again = tracker.import_file(seeds / "000_341ab4ae26bd7f1a.txt", time_zone="America/Cancun")
    assert again.meetings_updated == result.meetings_added
    assert len(tracker.meetings()) == 1


def test_a_bad_agenda_is_a_parse_error_and_writes_nothing(
    tracker: lt.Tracker, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "Plenary\n\tTuesday, 11 June 2024\n\t\t09:00 - 09:30\tOpening\t1\n"
        "\t\t09:20 - 10:00\tTalks\t2\n\t\t10:00 - 10:15\tBreak\t\n",
        encoding="utf-8",
    )
    with pytest.raises(lt.ParseError, match="overlaps"):
        tracker.import_file(bad)
    assert tracker.meetings() == []


def test_the_pack_of_the_june_15_call(tracker: lt.Tracker, seeds: Path, tmp_path: Path) -> None:
    for name in ("003_2b0a52e59fe911a9.txt", "004_aef3142de91aa82d.txt"):
        tracker.import_file(seeds / name, format="minutes", reference_date=MEETING_DAY)
    call = tracker.find_meeting("SSR2 Staff, Co-Chairs Coordination", MEETING_DAY)
    assert call is not None
    assert tracker.next_meeting(MEETING_DAY).id == call.id
    pack = tracker.meeting_pack(call)
    assert [title for title, _ in pack.pages] == [
        f"Review Open Action Items ({k} of 3)" for k in (1, 2, 3)
    ]
    overdue = [item.text for _, rows in pack.pages for item, late in rows if late]
    assert any(text.startswith("Consolidate duplicative items") for text in overdue)
    assert [a.title for a in pack.meeting.agenda][1] == "Update on requested tools"
    d = pack.to_dict()
    assert d["meeting"]["title"] == "SSR2 Staff, Co-Chairs Coordination"
    assert len(d["open_pages"]) == 3
    assert "Review Open Action Items (2 of 3)" in pack.to_markdown()
    assert pack.to_html().count('class="page') == 5  # agenda, previous actions, three pages

    path = pack.to_pptx(tmp_path / "pack.pptx")
    deck = pptx.Presentation(path)
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles[1] == "Agenda"
    assert "Update on requested tools" in titles
    assert titles[-3:] == [f"Review Open Action Items ({k} of 3)" for k in (1, 2, 3)]


def test_meetings_round_trip_and_link_actions(tracker: lt.Tracker) -> None:
    intro = lt.AgendaItem(
        "Welcome, roll call", start="14:00", end="14:10", chairs=[lt.Participant("Denise Michel")]
    )
    m = tracker.add_meeting(
        lt.Meeting(
            "SSR2 Plenary",
            datetime.date(2017, 6, 20),
            series="SSR2 Plenary",
            start="14:00",
            end="15:30",
            time_zone="utc+2",
            agenda=[intro, lt.AgendaItem("AOB", engagement=1)],
        )
    )
    assert m.time_zone == "UTC+02:00"
    stored = tracker.meeting(m.id)
    assert stored.agenda[0].chairs[0].name == "Denise Michel"
    assert stored.agenda[1].engagement == (1, 1)
    item = tracker.add("Send the call notes")
    item = tracker.update(item.id, agenda_item=stored.agenda[1].id)
    assert item.agenda_item == stored.agenda[1].id
    assert item.meeting == m.id
    with pytest.raises(lt.ParseError, match="unknown time zone"):
        tracker.add_meeting(lt.Meeting("Bad", datetime.date(2017, 6, 20), time_zone="Mars/Base"))
    assert lt.canonical_time_zone("GMT") == "UTC"
    ics = tracker.export_text("ics")
    assert "DTSTART:20170620T120000Z" in ics


def test_the_weekly_report_shows_the_next_meeting(tracker: lt.Tracker) -> None:
    assert tracker.weekly_report(as_of=MEETING_DAY).next_meeting is None
    tracker.add_meeting("SSR2 Plenary", datetime.date(2017, 6, 20))
    report = tracker.weekly_report(as_of=MEETING_DAY)
    assert report.next_meeting is not None
    assert report.next_meeting.title == "SSR2 Plenary"
    assert "Next meeting: SSR2 Plenary" in report.to_html()
