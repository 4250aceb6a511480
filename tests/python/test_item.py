"""ActionItem and the other values: to_dict, State, constructors, repr and HTML."""

from __future__ import annotations

import datetime
import enum
import json

import pytest

import libtracker as lt

KEYS = {
    "id",
    "text",
    "details",
    "owners",
    "due",
    "state",
    "status_note",
    "tags",
    "meeting",
    "impact",
    "effort",
    "created",
    "closed",
    "version",
}


def test_to_dict_is_the_json_form(tracker: lt.Tracker) -> None:
    it = tracker.add(
        "Draft", owners=["A", "B"], due=datetime.date(2017, 5, 30), tags=["x"], impact="high"
    )
    d = it.to_dict()
    assert set(d) == KEYS
    assert d == {
        "id": it.id,
        "text": "Draft",
        "details": "",
        "owners": ["A", "B"],
        "due": "2017-05-30",
        "state": "open",
        "status_note": "",
        "tags": ["x"],
        "meeting": None,
        "impact": "high",
        "effort": None,
        "created": "2017-06-15",
        "closed": None,
        "version": 1,
    }
    assert json.loads(json.dumps(d)) == d


def test_to_dict_due_forms_and_states(tracker: lt.Tracker) -> None:
    assert tracker.add("a", due="TBD").to_dict()["due"] == "TBD"
    assert tracker.add("b").to_dict()["due"] is None
    done = tracker.add("c", state="done").to_dict()
    assert (done["state"], done["closed"]) == ("done", "2017-06-15")
    names = {tracker.add("d", state=s).to_dict()["state"] for s in lt.State}
    assert names == {"open", "in_progress", "blocked", "done", "cancelled"}


def test_state_is_an_enum() -> None:
    assert issubclass(lt.State, enum.Enum)
    assert [s.value for s in lt.State] == ["open", "in_progress", "blocked", "done", "cancelled"]
    assert lt.State("done").is_closed
    assert not lt.State.BLOCKED.is_closed
    assert str(lt.State.IN_PROGRESS) == "in_progress"


def test_state_strings_accepted(tracker: lt.Tracker) -> None:
    assert tracker.add("a", state="In Progress").state is lt.State.IN_PROGRESS
    assert tracker.add("b", state=lt.State.CANCELLED).state is lt.State.CANCELLED
    item = lt.ActionItem("c", state="blocked")
    assert item.state is lt.State.BLOCKED
    item.state = "done"  # type: ignore[assignment]
    assert item.state is lt.State.DONE
    with pytest.raises(lt.ParseError):
        lt.ActionItem("d", state="sleeping")
    with pytest.raises(TypeError):
        lt.ActionItem("e", state=3)  # type: ignore[arg-type]


def test_unsaved_item(tracker: lt.Tracker) -> None:
    item = lt.ActionItem("Draft", ["A"], "2017-06-20", tags="x", impact="l", ref="7")
    assert (item.id, item.version, item.created) == (0, 0, None)
    assert item.due == datetime.date(2017, 6, 20)
    assert item.tags == ["x"]
    item.due = "TBD"
    assert item.due == "TBD"
    item.due = None
    assert item.due is None
    with pytest.raises(lt.ParseError):
        item.due = "next week"  # relative dates need a tracker's today
    with pytest.raises(TypeError):
        lt.ActionItem("x", due=3)  # type: ignore[arg-type]
    assert item.is_overdue(datetime.date(2017, 7, 1)) is False


def test_is_overdue() -> None:
    item = lt.ActionItem("x", due=datetime.date(2017, 6, 1))
    assert item.is_overdue(datetime.date(2017, 6, 15))
    assert not item.is_overdue(datetime.date(2017, 6, 1))


def test_reprs(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft", owners=["A"], due="TBD")
    assert (
        repr(it)
        == "ActionItem(id=1, text='Draft', owners=['A'], due='TBD', state='open', version=1)"
    )
    assert "Note(" in repr(tracker.add_note(it.id, "n"))
    assert "kind='created'" in repr(tracker.history(it.id)[0])
    assert repr(tracker.owner("A")) == "Owner(name='A')"
    assert "Meeting(id=0, title='M'" in repr(lt.Meeting("M"))


def test_html_escapes_every_user_string(tracker: lt.Tracker) -> None:
    evil = "<script>alert(\"x\")</script> & 'q'"
    it = tracker.add(evil, owners=[evil], tags=[evil], status_note=evil)
    for html in (it._repr_html_(), tracker.find()._repr_html_()):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
        assert html.count("&amp;") == 4
        assert html.startswith("<table")


def test_meeting_values() -> None:
    m = lt.Meeting("SSR2", datetime.date(2017, 6, 15), "Remote")
    assert (m.title, m.date, m.place, m.id) == ("SSR2", datetime.date(2017, 6, 15), "Remote", 0)
    assert lt.Meeting("undated").date is None
