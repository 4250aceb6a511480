"""libtracker: action items from meetings, with owners, due dates, states and history.

>>> import libtracker as lt
>>> t = lt.Tracker()
>>> it = t.add("Draft SSR2 work plan", owners=["Co-Chairs"], due="TBD")
>>> [item.text for item in t.find(state="open")]
['Draft SSR2 work plan']
"""

from __future__ import annotations

from ._core import (
    ActionItem,
    AgendaItem,
    CopyCounts,
    Event,
    ImportResult,
    MailMessage,
    Meeting,
    MeetingPack,
    Note,
    Owner,
    OwnersImportResult,
    ParsedMinutes,
    Participant,
    Proposal,
    Proposals,
    Reminder,
    Reminders,
    ReportEntry,
    ReviewNote,
    SentReminder,
    SkippedLine,
    WeeklyReport,
    __version__,
    canonical_time_zone,
    copy_tracker,
    encode_header_text,
    parse_action_items,
    parse_date,
    parse_due,
    parse_email_address,
    parse_owners,
    parse_status,
)
from ._enums import State
from ._errors import (
    ConflictError,
    InvalidArgumentError,
    NotEmptyError,
    NotFoundError,
    ParseError,
    SchemaError,
    StorageError,
    TrackerError,
)
from ._remind import SendSummary, send_reminders
from ._tracker import ItemList, Tracker

#: ``lt.copy(source, destination)``: the CLI's ``tracker copy`` under its own name; the same
#: function as copy_tracker (C++'s name). Left out of ``__all__``, so that ``import *`` never
#: hides the standard library's ``copy`` module.
copy = copy_tracker

__all__ = [
    "ActionItem",
    "AgendaItem",
    "ConflictError",
    "CopyCounts",
    "Event",
    "ImportResult",
    "InvalidArgumentError",
    "ItemList",
    "MailMessage",
    "Meeting",
    "MeetingPack",
    "NotEmptyError",
    "NotFoundError",
    "Note",
    "Owner",
    "OwnersImportResult",
    "ParseError",
    "ParsedMinutes",
    "Participant",
    "Proposal",
    "Proposals",
    "Reminder",
    "Reminders",
    "ReportEntry",
    "ReviewNote",
    "SchemaError",
    "SendSummary",
    "SentReminder",
    "SkippedLine",
    "State",
    "StorageError",
    "Tracker",
    "TrackerError",
    "WeeklyReport",
    "__version__",
    "canonical_time_zone",
    "copy_tracker",
    "encode_header_text",
    "parse_action_items",
    "parse_date",
    "parse_due",
    "parse_email_address",
    "parse_owners",
    "parse_status",
    "send_reminders",
]


for _public in (
    State,
    TrackerError,
    InvalidArgumentError,
    NotFoundError,
    ParseError,
    ConflictError,
    NotEmptyError,
    StorageError,
    SchemaError,
    Tracker,
    ItemList,
):
    _public.__module__ = __name__  # shown as libtracker.ParseError, not libtracker._errors...
