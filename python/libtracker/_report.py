"""The weekly report as a pandas DataFrame: one row per item per section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._dataframe import REPORT_COLUMNS, frame

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
    return frame(report._columns(), REPORT_COLUMNS)
