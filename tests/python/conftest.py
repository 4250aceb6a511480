"""Shared fixtures: a tracker with a fixed clock, and the seed documents."""

from __future__ import annotations

import datetime
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import libtracker as lt

#: The reference date of the SSR2 seed documents.
MEETING_DAY = datetime.date(2017, 6, 15)
REPO = Path(__file__).resolve().parents[2]
#: The source documents: ../shared/seeds next to the project, else the copy in the repository.
SEEDS = REPO.parent / "shared" / "seeds"
if not (SEEDS / "004_aef3142de91aa82d.txt").is_file():
    SEEDS = REPO / "examples" / "data" / "seeds"


def store_address() -> str:
    """Where a test's tracker lives: in memory, or, when $LIBTRACKER_TEST_STORE is set, a fresh
    PostgreSQL schema on the server it names ("postgres": libpq's environment, as pg_virtualenv
    sets it; or a "key=value" address). scripts/test.sh runs the suite both ways."""
    server = os.environ.get("LIBTRACKER_TEST_STORE", "")
    if not server:
        return ":memory:"
    if server == "postgres":
        server = "dbname=" + os.environ.get("PGDATABASE", "postgres")
    return f"{server} schema=t{uuid.uuid4().hex[:16]}"


@pytest.fixture
def tracker() -> Iterator[lt.Tracker]:
    with lt.Tracker(store_address()) as t:
        t.today = MEETING_DAY
        yield t


@pytest.fixture
def ssr2(tracker: lt.Tracker) -> lt.Tracker:
    """The SSR2 open action items of 15 June 2017, as a team would enter them."""
    tracker.add_member("ICANN Org", "Jennifer Bryce")
    tracker.add(
        "Draft SSR2 work plan", owners=["Co-Chairs", "James Gannon"], due=datetime.date(2017, 5, 30)
    )
    tracker.add(
        "Research collaborative tools",
        owners="ICANN Org",
        due="TBD",
        state="in_progress",
        tags=["tools"],
    )
    tracker.add("Send written responses to RT questions", owners="ICANN Org", due="22 June")
    tracker.add("Circulate ICANN59 agenda", owners=["SSR2-RT"], due="2017-06-01", state="done")
    return tracker


@pytest.fixture
def seeds() -> Path:
    return SEEDS
