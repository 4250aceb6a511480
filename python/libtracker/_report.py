"""The weekly report as a pandas DataFrame: one row per item per section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._dataframe import STATE_NAMES, import_pandas

if TYPE_CHECKING:
    import pandas

    from ._core import WeeklyReport

__all__ = ["report_dataframe"]

DATE_COLUMNS = ["created", "closed", "old_due", "new_due"]
COLUMNS = [
    "section",
    "id",
    "text",
    "owners",
    "due",
    "due_text",
    "state",
    "status_note",
    "tags",
    "created",
    "closed",
    "overdue",
    "days_overdue",
    "old_due",
    "new_due",
]


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
    # The same columns whichever sections have entries.
    frame = pd.DataFrame(rows, columns=[*COLUMNS, *_extra_columns(rows)])
    for column in ["due", *DATE_COLUMNS]:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame["state"] = pd.Categorical(frame["state"], categories=STATE_NAMES)
    frame["days_overdue"] = frame["days_overdue"].fillna(0).astype("int64")
    return frame


def _extra_columns(rows: list[dict[str, Any]]) -> list[str]:
    seen = dict.fromkeys(key for row in rows for key in row)
    return [key for key in seen if key not in COLUMNS]
