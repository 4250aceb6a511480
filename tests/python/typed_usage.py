"""A small typed program against libtracker's stubs; test_typing.py runs mypy --strict on it."""

from __future__ import annotations

import datetime

import libtracker as lt


def open_items(path: str = ":memory:") -> list[str]:
    with lt.Tracker(path) as t:
        t.today = datetime.date(2017, 6, 15)
        it: lt.ActionItem = t.add(
            "Draft SSR2 work plan",
            owners=["Co-Chairs", "James Gannon"],
            due=datetime.date(2017, 5, 30),
        )
        t.add(
            "Research collaborative tools",
            owners="ICANN Org",
            due="TBD",
            state="in_progress",
            tags=["tools"],
        )
        t.update(it.id, due=datetime.date(2017, 7, 1), expected_version=it.version)
        t.set_state(it.id, lt.State.DONE, note="Circulated 6/20")
        note: lt.Note = t.add_note(it.id, "followed up 6/2")
        stamp: datetime.datetime = note.at
        due: datetime.date | str | None = t.get(it.id).due
        found: lt.ItemList = t.find(state="open", owner="ICANN Org", overdue=True)
        found = t.find("owner:'ICANN Org' +overdue due.before:2017-07-01", limit=10)
        n: int = t.count(state=[lt.State.OPEN, "blocked"], due_before=datetime.date(2017, 7, 1))
        events: list[lt.Event] = t.history(it.id)
        kinds = [e.kind for e in events]
        as_dict = it.to_dict()
        state: lt.State = it.state
        today: datetime.date = t.today
        parsed = lt.parse_due("30 May", today)
        owners: list[str] = lt.parse_owners("Co-Chairs, James Gannon")
        status: tuple[lt.State, str] = lt.parse_status("In progress")
        try:
            t.get(999)
        except lt.NotFoundError as error:
            message = str(error)
        try:
            lt.parse_date("someday")
        except lt.ParseError as error:
            where: int = error.position
            text: str = error.text
        del stamp, due, found, n, kinds, as_dict, state, parsed, owners, status, message
        del where, text
        return [item.text for item in t.find(open=True)]


if __name__ == "__main__":
    print(open_items())
