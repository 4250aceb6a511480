"""Dates cross the boundary as datetime.date, exactly, never through local time."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import libtracker as lt

FIRST = datetime.date(1400, 1, 1)
LAST = datetime.date(9999, 12, 31)
supported = st.dates(min_value=FIRST, max_value=LAST)
too_early = st.dates(max_value=FIRST - datetime.timedelta(days=1))


@given(supported)
def test_due_dates_round_trip(day: datetime.date) -> None:
    with lt.Tracker() as t:
        it = t.add("x", due=day)
        assert it.due == day
        assert t.get(it.id).due == day
        assert t.get(it.id).to_dict()["due"] == day.isoformat()
        if day < LAST:
            assert t.count(due_before=day + datetime.timedelta(days=1)) == 1
        assert t.count(due_after=day) == 0


@given(supported)
def test_today_and_created_round_trip(day: datetime.date) -> None:
    with lt.Tracker() as t:
        t.today = day
        assert t.today == day
        assert t.fixed_today == day
        it = t.add("x")
        assert it.created == day
        assert t.now() == datetime.datetime(
            day.year, day.month, day.day, tzinfo=datetime.timezone.utc
        )


@given(supported)
def test_meeting_and_query_dates_round_trip(day: datetime.date) -> None:
    with lt.Tracker() as t:
        assert t.add_meeting("m", day).date == day
        assert t.count(created_from=day, as_of=day) == 0
        assert lt.ActionItem("x", due=day).due == day


@given(too_early)
def test_years_before_1400_are_value_errors(day: datetime.date) -> None:
    with lt.Tracker() as t:
        with pytest.raises(ValueError, match="out of range"):
            t.add("x", due=day)
        with pytest.raises(ValueError, match="out of range"):
            t.today = day
        with pytest.raises(ValueError):
            t.find(due_before=day)


def test_range_ends_are_exact() -> None:
    with lt.Tracker() as t:
        assert t.add("first", due=FIRST).due == FIRST
        assert t.add("last", due=LAST).due == LAST
        assert t.count(due_before=LAST) == 1


def test_datetime_is_not_a_date() -> None:
    """A datetime's day depends on its time zone, so it is refused rather than truncated."""
    with lt.Tracker() as t:
        with pytest.raises(TypeError):
            t.add("x", due=datetime.datetime(2017, 6, 15, 23, 30))
        with pytest.raises(TypeError):
            t.today = datetime.datetime(2017, 6, 15)


def test_date_subclass_accepted() -> None:
    class Day(datetime.date):
        pass

    with lt.Tracker() as t:
        assert t.add("x", due=Day(2017, 6, 20)).due == datetime.date(2017, 6, 20)


def test_timestamps_are_utc_aware(tracker: lt.Tracker) -> None:
    it = tracker.add("x")
    at = tracker.history(it.id)[0].at
    assert at.tzinfo is datetime.timezone.utc
    assert at.utcoffset() == datetime.timedelta(0)
