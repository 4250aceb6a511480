"""Tracker: the compiled store plus the pure-Python conveniences (lists with an HTML form,
DataFrames)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from . import _core
from ._dataframe import columns_to_dataframe, import_pandas
from ._html import items_html

if TYPE_CHECKING:
    import pandas
    from typing_extensions import Unpack

    from ._types import Filters

__all__ = ["ItemList", "Tracker"]


class ItemList(list[_core.ActionItem]):
    """A list of items that Jupyter shows as an HTML table."""

    def _repr_html_(self) -> str:
        return items_html(self)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every item's to_dict() form."""
        return [item.to_dict() for item in self]


class Tracker(_core.Tracker):
    """A tracker database (SQLite): action items, owners, meetings, notes and history.

    ``Tracker("team.db")`` opens or creates a file, ``Tracker()`` a private in-memory one.
    Use it as a context manager to close it. Calls from several threads are serialized.
    """

    def find(self, filter: str | None = None, **filters: Unpack[Filters]) -> ItemList:
        """Items matching a filter in the CLI's language and keyword filters."""
        return ItemList(super().find(filter, **filters))

    def items_as_of(self, day: datetime.date) -> ItemList:
        """Every item that existed at the end of day, as it was then."""
        return ItemList(super().items_as_of(day))

    def to_dataframe(
        self, filter: str | None = None, **filters: Unpack[Filters]
    ) -> pandas.DataFrame:
        """The matching items as a pandas DataFrame (needs the ``pandas`` extra)."""
        import_pandas()
        return columns_to_dataframe(self._columns(filter, **filters))
