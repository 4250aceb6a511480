"""The weekly report as a pandas DataFrame: one row per item per section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._dataframe import STATE_NAMES, import_pandas

if TYPE_CHECKING:
    import pandas

    from ._core import WeeklyReport

__all__ = ["report_dataframe"]

DATE_COLUMNS = ["created", "closed", "old_due", "new_due"]


def report_dataframe(report: WeeklyReport) -> pandas.DataFrame:
    """Every entry of every section, with "section" first; due as datetime64 (NaT for TBD and
    none, due_text keeps "TBD"), state a categorical, days_overdue an integer."""
    pd = import_pandas()
    rows: list[dict[str, Any]] = []
    for section, entries in report.to_dict()["sections"].items():
        for entry in entries:
            row = {"section": section, **entry}
            row["due_text"] = row["due"] or ""
            row["due"] = row["due"] if row["due"] not in (None, "TBD") else None
            row["owners"] = "; ".join(row["owners"])
            row["tags"] = "; ".join(row["tags"])
            rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    for column in ["due", *DATE_COLUMNS]:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame["state"] = pd.Categorical(frame["state"], categories=STATE_NAMES)
    if "days_overdue" in frame:
        frame["days_overdue"] = frame["days_overdue"].fillna(0).astype("int64")
    return frame
