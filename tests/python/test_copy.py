"""libtracker.copy_tracker: a whole tracker into an empty one, SQLite and PostgreSQL either way.

The server tests run when LIBTRACKER_TEST_STORE=postgres (libpq's environment names the server,
as pg_virtualenv sets it); each copies into a fresh schema of its own.
"""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path

import pytest

import libtracker as lt
from conftest import MEETING_DAY


def server_address() -> str:
    if os.environ.get("LIBTRACKER_TEST_STORE") != "postgres":
        pytest.skip("no server: set LIBTRACKER_TEST_STORE=postgres (and libpq's PG* variables)")
    database = os.environ.get("PGDATABASE", "postgres")
    return f"dbname={database} schema=t{secrets.randbelow(10**9)}"


def fill(path: Path) -> None:
    with lt.Tracker(path) as t:
        t.today = datetime.date(2017, 6, 1)
        t.add_owner("Denise Michel", "DM")
        t.set_owner_email("Denise Michel", "denise.michel@example.org")
        t.add_member("Co-Chairs", "Denise Michel")
        meeting = t.add_meeting("SSR2 Staff, Co-Chairs Coordination", MEETING_DAY, "ICANN59")
        t.add("Draft SSR2 work plan", owners=["Co-Chairs"], due="TBD", meeting=meeting.id)
        t.add("Research collaborative tools", owners="ICANN Org", due="2017-06-05")
        t.add("Share thoughts on outreach", owners="SSR2-RT", due="TBD")
        t.today = datetime.date(2017, 6, 5)
        t.add_note(2, "Working with IT for approval on requested tools.")
        t.set_state(1, "in_progress")
        t.remove(3)
        t.record_reminder("Denise Michel", "denise.michel@example.org", MEETING_DAY)
        t.set_setting("mail.from", "ssr2-staff@example.org")


def contents(address: str | Path) -> tuple[str, list[tuple[object, ...]], list[str]]:
    with lt.Tracker(address) as t:
        t.today = MEETING_DAY
        events = [
            (e.id, e.item, e.at, e.kind, e.field, e.new_value)
            for e in t.events(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))
        ]
        owners = [f"{o.id} {o.name} {o.initials} {o.email} {o.members}" for o in t.owners()]
        return t.export_text("json"), events, owners


def test_copies_a_file_into_a_new_file(tmp_path: Path) -> None:
    fill(tmp_path / "ssr2.db")
    counts = lt.copy(tmp_path / "ssr2.db", tmp_path / "copy.db")
    assert (counts.items, counts.owners, counts.meetings, counts.notes) == (2, 4, 1, 1)
    assert (counts.reminders, counts.settings, counts.group_members) == (1, 1, 1)
    assert counts.events == 6  # three created, a note, a state, a deletion
    assert "items=2" in repr(counts)
    assert contents(tmp_path / "copy.db") == contents(tmp_path / "ssr2.db")
    with lt.Tracker(tmp_path / "copy.db") as t:
        assert t.add("Circulate the work plan").id not in (1, 2)
        assert t.setting("mail.from") == "ssr2-staff@example.org"


def test_refuses_a_destination_that_holds_anything(tmp_path: Path) -> None:
    fill(tmp_path / "ssr2.db")
    with lt.Tracker(tmp_path / "other.db") as t:
        t.add("An item of another team")
    with pytest.raises(lt.NotEmptyError, match="not empty") as refused:
        lt.copy_tracker(tmp_path / "ssr2.db", tmp_path / "other.db")
    assert isinstance(refused.value, lt.ConflictError)
    assert refused.value.destination == str(tmp_path / "other.db")
    with lt.Tracker(tmp_path / "other.db") as t:
        assert [item.text for item in t.find()] == ["An item of another team"]
    lt.copy_tracker(tmp_path / "ssr2.db", tmp_path / "other.db", replace=True)
    assert contents(tmp_path / "other.db") == contents(tmp_path / "ssr2.db")


def test_a_missing_source_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(lt.NotFoundError):
        lt.copy_tracker(tmp_path / "missing.db", tmp_path / "copy.db")
    assert not (tmp_path / "missing.db").exists()


def test_a_deleted_items_id_is_not_given_again_in_a_file_or_its_copy(tmp_path: Path) -> None:
    fill(tmp_path / "ssr2.db")  # its last item, 3, is deleted; its history names it
    lt.copy_tracker(tmp_path / "ssr2.db", tmp_path / "copy.db")
    for path in (tmp_path / "ssr2.db", tmp_path / "copy.db"):
        with lt.Tracker(path) as t:
            added = t.add("Circulate the work plan")
            assert added.id == 4
            assert [e.kind for e in t.history(added.id)] == ["created"]


def test_copies_to_a_server_and_back(tmp_path: Path) -> None:
    server = server_address()
    fill(tmp_path / "ssr2.db")
    lt.copy_tracker(tmp_path / "ssr2.db", server)
    lt.copy_tracker(server, tmp_path / "back.db")
    expected = contents(tmp_path / "ssr2.db")
    assert contents(server) == expected
    assert contents(tmp_path / "back.db") == expected
    with lt.Tracker(server) as t:
        assert t.on_server
        added = t.add("Circulate the work plan")
        assert added.id == 4  # item 3 was deleted, and its history names it
        assert [e.kind for e in t.history(added.id)] == ["created"]
    # The server's history is append-only: replace cannot empty it.
    with pytest.raises(lt.NotEmptyError, match="append-only"):
        lt.copy_tracker(tmp_path / "ssr2.db", server, replace=True)
