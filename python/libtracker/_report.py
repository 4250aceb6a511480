"""The weekly report as a pandas DataFrame: one row per item per section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._dataframe import RATING_NAMES, STATE_NAMES, import_pandas

if TYPE_CHECKING:
    import pandas

    from ._core import WeeklyReport

__all__ = ["report_dataframe"]


def report_dataframe(report: WeeklyReport) -> pandas.DataFrame:
    """Every entry of every section, from the columns WeeklyReport._columns() builds.

    "section" first; due, created, closed, old_due and new_due datetime64 (NaT for none, and
    for TBD: due_text keeps "TBD"); state a categorical; days_overdue an integer (0 outside
    the overdue section); then the item's other fields as in Tracker.to_dataframe().
    """
    pd = import_pandas()
    columns = report._columns()

    def nullable(name: str) -> object:
        values = columns[name]
        return pd.arrays.IntegerArray(values, values < 0)

    def rating(name: str) -> object:
        return pd.Categorical.from_codes(columns[name], categories=RATING_NAMES, ordered=True)

    data = {
        "section": columns["section"],
        "id": columns["id"],
        "text": columns["text"],
        "owners": columns["owners"],
        "due": columns["due"],
        "due_text": columns["due_text"],
        "state": pd.Categorical.from_codes(columns["state"], categories=STATE_NAMES),
        "status_note": columns["status_note"],
        "tags": columns["tags"],
        "created": columns["created"],
        "closed": columns["closed"],
        "overdue": columns["overdue"],
        "days_overdue": columns["days_overdue"],
        "old_due": columns["old_due"],
        "new_due": columns["new_due"],
        "details": columns["details"],
        "meeting": nullable("meeting"),
        "agenda_item": nullable("agenda_item"),
        "impact": rating("impact"),
        "effort": rating("effort"),
        "version": columns["version"],
    }
    return pd.DataFrame(data, copy=False)
