"""HTML tables for Jupyter: an item or a list of items. Every user string is escaped."""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._core import ActionItem

__all__ = ["items_html"]

_COLUMNS = ("id", "text", "owners", "due", "state", "status", "tags")


def _due(item: ActionItem) -> str:
    due = item.due
    if isinstance(due, datetime.date):
        return due.isoformat()
    return due or ""


def _cells(item: ActionItem) -> tuple[str, ...]:
    return (
        str(item.id),
        item.text,
        ", ".join(item.owners),
        _due(item),
        str(item.state.value),
        item.status_note,
        ", ".join(item.tags),
    )


def items_html(items: Iterable[ActionItem]) -> str:
    """The items as one HTML table, one row per item."""
    head = "".join(f"<th>{name}</th>" for name in _COLUMNS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in _cells(item)) + "</tr>"
        for item in items
    )
    return (
        '<table class="libtracker-items">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
