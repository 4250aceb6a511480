"""Typing helpers: the keyword filters find(), count() and to_dataframe() accept."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Literal, TypedDict, Union

from ._enums import State

__all__ = ["DateLike", "DueLike", "Filters", "OrderBy", "StateLike"]

StateLike = Union[State, str]
#: A date, or date text read against the tracker's today ("2017-07-01", "end of June").
DateLike = Union[datetime.date, str]
#: A due date: a date, "TBD", None, or text such as "30 May" read against today.
DueLike = Union[datetime.date, str, None]
OrderBy = Literal["id", "due", "created", "closed", "changed"]


class Filters(TypedDict, total=False):
    """Keyword filters; all optional, all combined with AND (None means no filter)."""

    state: StateLike | Sequence[StateLike] | None
    owner: str | Sequence[str] | None
    through_groups: bool
    open: bool
    closed: bool
    due_before: DateLike | None
    due_after: DateLike | None
    overdue: bool
    tbd: bool
    no_due_date: bool
    tag: str | Sequence[str] | None
    meeting: int | None
    text: str | None
    created_from: DateLike | None
    created_to: DateLike | None
    closed_from: DateLike | None
    closed_to: DateLike | None
    changed_from: DateLike | None
    changed_to: DateLike | None
    as_of: DateLike | None
    order_by: OrderBy
    descending: bool
    limit: int | None
    offset: int
