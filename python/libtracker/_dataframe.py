"""Query results as a pandas DataFrame, from columns the compiled module builds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._enums import State

if TYPE_CHECKING:
    import pandas

__all__ = ["columns_to_dataframe", "import_pandas"]

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


def columns_to_dataframe(columns: dict[str, Any]) -> pandas.DataFrame:
    """A DataFrame over the arrays of Tracker._columns(), without copying numbers or dates.

    id and version are int64; due, created and closed datetime64 with NaT for none (and for
    TBD: due_text says which); state, impact and effort categoricals; meeting a nullable Int64.
    """
    pd = import_pandas()
    meeting = columns["meeting"]
    data = {
        "id": columns["id"],
        "text": columns["text"],
        "details": columns["details"],
        "owners": columns["owners"],
        "due": columns["due"],
        "due_text": columns["due_text"],
        "state": pd.Categorical.from_codes(columns["state"], categories=STATE_NAMES),
        "status_note": columns["status_note"],
        "tags": columns["tags"],
        "meeting": pd.arrays.IntegerArray(meeting, meeting < 0),
        "impact": pd.Categorical.from_codes(
            columns["impact"], categories=RATING_NAMES, ordered=True
        ),
        "effort": pd.Categorical.from_codes(
            columns["effort"], categories=RATING_NAMES, ordered=True
        ),
        "created": columns["created"],
        "closed": columns["closed"],
        "version": columns["version"],
    }
    return pd.DataFrame(data, copy=False)
