"""Tracker: items, notes, history, owners, meetings, clock, lifecycle."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import libtracker as lt
from conftest import MEETING_DAY


def test_add_with_owner_list_and_date(tracker: lt.Tracker) -> None:
    it = tracker.add(
        "Draft SSR2 work plan", owners=["Co-Chairs", "James Gannon"], due=datetime.date(2017, 5, 30)
    )
    assert it.id > 0
    assert it.version == 1
    assert it.owners == ["Co-Chairs", "James Gannon"]
    assert it.due == datetime.date(2017, 5, 30)
    assert it.state is lt.State.OPEN
    assert it.created == MEETING_DAY
    assert it.closed is None
    assert it.is_open


def test_add_with_owner_text_tbd_state_and_tags(tracker: lt.Tracker) -> None:
    tracker.add_owner("ICANN Org")
    it = tracker.add(
        "Research collaborative tools",
        owners="ICANN org, SSR2-RT",
        due="TBD",
        state="in_progress",
        tags=["tools"],
    )
    assert it.owners == ["ICANN Org", "SSR2-RT"]  # known spelling kept
    assert it.due == "TBD"
    assert it.state is lt.State.IN_PROGRESS
    assert it.tags == ["tools"]


def test_due_text_is_read_against_today(tracker: lt.Tracker) -> None:
    it = tracker.add("Send responses", due="30 May")
    assert it.due == datetime.date(2017, 5, 30)
    assert it.due_text == "30 May"
    assert tracker.add("No date").due is None


def test_due_event_names_use_meetings(tracker: lt.Tracker) -> None:
    tracker.add_meeting("ICANN59", datetime.date(2017, 6, 26), "Johannesburg")
    assert tracker.event_date("ICANN59") == datetime.date(2017, 6, 26)
    it = tracker.add("Share progress report", due="ICANN59")
    assert it.due == datetime.date(2017, 6, 26)


def test_add_keyword_fields(tracker: lt.Tracker) -> None:
    meeting = tracker.add_meeting(lt.Meeting("Coordination call", MEETING_DAY, "Remote"))
    it = tracker.add(
        "Rate suggestions",
        details="From the break-out",
        status_note="Drafting",
        meeting=meeting,
        impact="H",
        effort="low",
        ref="AI-7",
        created=datetime.date(2017, 6, 1),
    )
    assert (it.details, it.status_note, it.meeting) == (
        "From the break-out",
        "Drafting",
        meeting.id,
    )
    assert (it.impact, it.effort, it.ref) == ("high", "low", "AI-7")
    assert it.created == datetime.date(2017, 6, 1)
    assert tracker.find(meeting=meeting.id) == [it]


def test_add_all_is_one_transaction(tracker: lt.Tracker) -> None:
    ids = tracker.add_all([lt.ActionItem("a", ["X"]), lt.ActionItem("b", due="TBD")])
    assert [tracker.get(i).text for i in ids] == ["a", "b"]
    with pytest.raises(lt.InvalidArgumentError):
        tracker.add_all([lt.ActionItem("c"), lt.ActionItem("")])
    assert tracker.count() == 2


def test_get_returns_what_add_returned(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft", owners=["A"], due=datetime.date(2017, 7, 1), tags="x")
    assert tracker.get(it.id) == it


def test_update_changes_named_fields_only(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft", owners=["A"], due="TBD", tags=["x"])
    new = tracker.update(it.id, due=datetime.date(2017, 7, 1), expected_version=it.version)
    assert new.due == datetime.date(2017, 7, 1)
    assert new.version == it.version + 1
    assert (new.text, new.owners, new.tags) == ("Draft", ["A"], ["x"])
    new = tracker.update(
        it.id,
        text="Draft plan",
        owners="B, C",
        tags=None,
        due=None,
        state=lt.State.BLOCKED,
        status_note="Waiting on Legal",
        impact="m",
        details="more",
    )
    assert (new.text, new.owners, new.tags, new.due) == ("Draft plan", ["B", "C"], [], None)
    assert (new.state, new.status_note, new.impact, new.details) == (
        lt.State.BLOCKED,
        "Waiting on Legal",
        "medium",
        "more",
    )
    assert tracker.update(it.id, due="end of June").due == datetime.date(2017, 6, 30)


def test_update_rejects_unknown_field(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        tracker.update(it.id, colour="red")


def test_set_state_with_note_closes(tracker: lt.Tracker) -> None:
    it = tracker.add("Circulate agenda")
    done = tracker.set_state(it.id, "done", note="Circulated 6/20")
    assert done.state is lt.State.DONE
    assert done.closed == MEETING_DAY
    assert not done.is_open
    assert [n.text for n in tracker.notes(it.id)] == ["Circulated 6/20"]
    reopened = tracker.set_state(it.id, lt.State.OPEN, expected_version=done.version)
    assert reopened.closed is None


def test_notes_are_dated_and_authored(tracker: lt.Tracker) -> None:
    tracker.actor = "jbryce"
    # On a server the author is the role the server authenticated, whatever the client says.
    author = tracker.actor if tracker.on_server else "jbryce"
    assert not tracker.on_server or author != "jbryce"
    it = tracker.add("Schedule a call")
    note = tracker.add_note(it.id, "followed up 6/2")
    assert note.item == it.id
    assert note.author == author
    assert note.at == datetime.datetime(2017, 6, 15, tzinfo=datetime.timezone.utc)
    assert tracker.notes(it.id)[0].text == "followed up 6/2"


def test_history_records_every_change(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft", due="TBD")
    tracker.update(it.id, due=datetime.date(2017, 7, 1))
    tracker.add_note(it.id, "started")
    events = tracker.history(it.id)
    assert [e.kind for e in events] == ["created", "changed", "note"]
    change = events[1]
    assert (change.field, change.old_value, change.new_value) == ("due", "TBD", "2017-07-01")
    assert change.version == 2
    assert change.at.tzinfo is datetime.timezone.utc
    assert [e.kind for e in tracker.events(MEETING_DAY, MEETING_DAY)] == [
        "created",
        "changed",
        "note",
    ]


def test_as_of_rebuilds_the_past(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft", due="TBD")
    tracker.today = datetime.date(2017, 6, 20)
    tracker.update(it.id, due=datetime.date(2017, 7, 1))
    then = tracker.get_as_of(it.id, MEETING_DAY)
    assert then is not None
    assert then.due == "TBD"
    assert tracker.get_as_of(it.id, datetime.date(2017, 6, 1)) is None
    assert [i.due for i in tracker.items_as_of(MEETING_DAY)] == ["TBD"]
    assert len(tracker.events(MEETING_DAY, datetime.date(2017, 6, 20))) == 2


def test_events_of_one_field(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft", due="TBD")
    tracker.update(it.id, due=datetime.date(2017, 7, 1))
    tracker.set_state(it.id, "in_progress")
    tracker.update(it.id, due=datetime.date(2017, 7, 8))
    due = tracker.events(MEETING_DAY, MEETING_DAY, field="due")
    assert [(e.old_value, e.new_value) for e in due] == [
        ("TBD", "2017-07-01"),
        ("2017-07-01", "2017-07-08"),
    ]
    assert [e.field for e in tracker.events(MEETING_DAY, MEETING_DAY, "state")] == ["state"]
    assert tracker.events(MEETING_DAY, MEETING_DAY, field="tags") == []
    assert len(tracker.events(MEETING_DAY, MEETING_DAY)) == 4


def test_state_counts_per_day_from_history(tracker: lt.Tracker) -> None:
    draft = tracker.add("Draft the work plan")
    tracker.add("Book the room", state="in_progress")
    tracker.today = datetime.date(2017, 6, 20)
    tracker.set_state(draft.id, "done")
    obsolete = tracker.add("Obsolete request")
    tracker.today = datetime.date(2017, 6, 22)
    tracker.remove(obsolete.id)
    days = [datetime.date(2017, 6, 14), MEETING_DAY, datetime.date(2017, 6, 20), tracker.today]
    counts = tracker.state_counts(days)
    assert [c["open"] for c in counts] == [0, 1, 1, 0]
    assert [c["in_progress"] for c in counts] == [0, 1, 1, 1]
    assert [c["done"] for c in counts] == [0, 0, 1, 1]
    assert set(counts[0]) == {state.value for state in lt.State}
    for day, count in zip(days, counts):
        states = [item.state.value for item in tracker.items_as_of(day)]
        assert count == {state.value: states.count(state.value) for state in lt.State}


def test_remove(tracker: lt.Tracker) -> None:
    it = tracker.add("Obsolete")
    tracker.remove(it.id)
    with pytest.raises(lt.NotFoundError):
        tracker.get(it.id)
    assert tracker.history(it.id)[-1].kind == "deleted"


def test_owners_groups_and_meetings(tracker: lt.Tracker) -> None:
    tracker.add_owner("Geoff Huston", "GH")
    tracker.add_member("Co-Chairs", "James Gannon")
    assert tracker.owner("geoff huston").initials == "GH"
    assert tracker.owner("Co-Chairs").members == ["James Gannon"]
    assert {o.name for o in tracker.owners()} == {"Geoff Huston", "Co-Chairs", "James Gannon"}
    m = tracker.add_meeting("SSR2 coordination", MEETING_DAY)
    assert tracker.meeting(m.id).title == "SSR2 coordination"
    assert [x.id for x in tracker.meetings()] == [m.id]


def test_today_is_fixed_or_real(tracker: lt.Tracker) -> None:
    assert tracker.today == MEETING_DAY
    assert tracker.fixed_today == MEETING_DAY
    assert tracker.now() == datetime.datetime(2017, 6, 15, tzinfo=datetime.timezone.utc)
    tracker.today = None
    assert tracker.fixed_today is None
    utc_today = datetime.datetime.now(datetime.timezone.utc).date()
    assert tracker.today in (utc_today, utc_today + datetime.timedelta(days=1))


def test_file_tracker_persists_and_closes(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    with lt.Tracker(path) as t:
        assert t.path == str(path)
        t.add("Persisted")
    assert t.closed
    with pytest.raises(lt.TrackerError, match="closed"):
        t.count()
    t.close()  # twice is harmless
    with lt.Tracker(str(path), read_only=True) as again:
        assert [i.text for i in again.find()] == ["Persisted"]
        assert again.user_version() >= 1


def test_default_tracker_is_in_memory() -> None:
    with lt.Tracker() as t:
        assert t.path == ":memory:"
        assert repr(t) == "Tracker(':memory:')"
