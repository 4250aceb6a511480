"""Query results as a pandas DataFrame, from columns the compiled module builds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._enums import State

if TYPE_CHECKING:
    import pandas

__all__ = ["REPORT_COLUMNS", "columns_to_dataframe", "frame", "import_pandas"]

STATE_NAMES = [state.value for state in State]
RATING_NAMES = ["low", "medium", "high"]


def import_pandas() -> Any:
    """pandas, or an ImportError that says which extra to install."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "to_dataframe() needs pandas, which is not installed; "
            "install it with: pip install 'libtracker[pandas]'"
        ) from error
    return pandas


# The columns of each frame, in order. Their values come from the compiled module's arrays;
# converted() gives the few that pandas holds in its own types.
ITEM_COLUMNS = [
    "id", "text", "details", "owners", "due", "due_text", "state", "status_note", "tags",
    "meeting", "impact", "effort", "created", "closed", "version",
]  # fmt: skip
REPORT_COLUMNS = [
    "section", "id", "text", "owners", "due", "due_text", "state", "status_note", "tags",
    "created", "closed", "overdue", "days_overdue", "old_due", "new_due", "details", "meeting",
    "agenda_item", "impact", "effort", "version",
]  # fmt: skip


def converted(pd: Any, columns: dict[str, Any], name: str) -> Any:
    """Column name's values as the frame holds them: states and ratings categoricals (ratings
    ordered), meeting and agenda-item ids nullable Int64 (-1 in the array for none), the rest
    the arrays themselves (numbers, datetime64 with NaT, objects), without copying."""
    values = columns[name]
    if name == "state":
        return pd.Categorical.from_codes(values, categories=STATE_NAMES)
    if name in ("impact", "effort"):
        return pd.Categorical.from_codes(values, categories=RATING_NAMES, ordered=True)
    if name in ("meeting", "agenda_item"):
        return pd.arrays.IntegerArray(values, values < 0)
    return values


def frame(columns: dict[str, Any], names: list[str]) -> pandas.DataFrame:
    """A DataFrame of the given columns, in that order."""
    pd = import_pandas()
    return pd.DataFrame({name: converted(pd, columns, name) for name in names}, copy=False)


def columns_to_dataframe(columns: dict[str, Any]) -> pandas.DataFrame:
    """A DataFrame over the arrays of Tracker._columns(), without copying numbers or dates.

    id and version are int64; due, created and closed datetime64 with NaT for none (and for
    TBD: due_text says which); state, impact and effort categoricals; meeting a nullable Int64.
    """
    return frame(columns, ITEM_COLUMNS)
