"""Shared fixtures: a tracker with a fixed clock, and the seed documents."""

from __future__ import annotations

import datetime
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


@pytest.fixture
def tracker() -> Iterator[lt.Tracker]:
    with lt.Tracker() as t:
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
