"""Enumerations shared by the compiled module and the pure-Python helpers."""

from __future__ import annotations

import enum

__all__ = ["State"]


class State(str, enum.Enum):
    """Where an action item stands. ``done`` and ``cancelled`` are closed.

    Wherever a state is accepted, its name ("open", "in progress", ...) is accepted too.
    """

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (State.DONE, State.CANCELLED)

    def __str__(self) -> str:
        return self.value
