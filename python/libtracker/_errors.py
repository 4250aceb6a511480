"""The libtracker error family. The compiled module raises these for the C++ errors."""

from __future__ import annotations

__all__ = [
    "ConflictError",
    "InvalidArgumentError",
    "NotEmptyError",
    "NotFoundError",
    "ParseError",
    "SchemaError",
    "StorageError",
    "TrackerError",
]


class TrackerError(Exception):
    """Base of every error libtracker raises."""


class InvalidArgumentError(TrackerError, ValueError):
    """An argument the operation cannot accept, such as an empty text or name, a day that is
    not a calendar date, or a report period under one day (also a ValueError)."""


class NotFoundError(TrackerError, KeyError):
    """An item, owner or meeting that does not exist (also a KeyError)."""

    def __str__(self) -> str:
        # KeyError quotes its message; a tracker error reads as a sentence.
        return Exception.__str__(self)


class ParseError(TrackerError, ValueError):
    """Input text that could not be understood (also a ValueError).

    ``text`` is the text being parsed, ``position`` the 0-based offset where the problem
    starts, ``source`` what was being read (a file name or a kind of value), ``line`` the
    1-based line in it (0 when the input has no lines) and ``reason`` what was wrong.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: str = "",
        text: str = "",
        position: int = 0,
        source: str = "",
        line: int = 0,
    ) -> None:
        super().__init__(message)
        self.reason = reason or message
        self.text = text
        self.position = position
        self.source = source
        self.line = line


class ConflictError(TrackerError):
    """A write based on a stale version of an item, or a uniqueness clash."""


class NotEmptyError(ConflictError):
    """A copy into a tracker that already holds something (see copy_tracker): nothing was
    written. ``destination`` names the tracker that is not empty."""

    def __init__(self, message: str, *, destination: str = "") -> None:
        super().__init__(message)
        self.destination = destination


class StorageError(TrackerError):
    """The database could not be read or written; ``sqlite_code`` is SQLite's result code."""

    def __init__(self, message: str, *, sqlite_code: int = 0) -> None:
        super().__init__(message)
        self.sqlite_code = sqlite_code


class SchemaError(TrackerError):
    """A database whose schema libtracker cannot use (newer, or not a tracker database)."""
