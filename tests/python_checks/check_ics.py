#!/usr/bin/env python3
"""Checks an iCalendar file written by libtracker with a real parser (the `icalendar` package).

usage: check_ics.py FILE.ics --calendars N --todos N [--summary TEXT ...] [--contact NAME ...]
                    [--events N] [--event "SUMMARY=YYYY-MM-DDTHH:MM" ...]

Asserts: CRLF line ends, no physical line over 75 octets, every calendar parses with VERSION 2.0
and PRODID, the number of calendars and of VTODOs, every VTODO has UID, DTSTAMP, SUMMARY and
STATUS, DUE is a date (not a date-time), and that the given summaries and contacts come back
unescaped. With --events, the number of VEVENTs, each with UID, DTSTAMP, DTSTART and SUMMARY; each
--event names a SUMMARY and its start in UTC (events in a time zone are written in UTC), or
"SUMMARY=YYYY-MM-DD" for a whole-day event. Exits 0 on success, 1 with a message on the first
failure.
"""
import argparse
import datetime
import re
import sys

try:
    import icalendar
except ImportError:
    sys.exit("the icalendar package is missing: pip install icalendar")


def fail(message):
    print(f"check_ics: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--calendars", type=int, required=True)
    parser.add_argument("--todos", type=int, required=True)
    parser.add_argument("--summary", action="append", default=[])
    parser.add_argument("--contact", action="append", default=[])
    parser.add_argument("--category", action="append", default=[])
    parser.add_argument("--events", type=int)
    parser.add_argument("--event", action="append", default=[])
    args = parser.parse_args()

    data = open(args.file, "rb").read()
    if not data.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number} has a bare line break")
        if len(line) > 75:
            fail(f"line {number} is {len(line)} octets long")
        line.decode("utf-8")  # folding must not split a UTF-8 sequence
    text = data.decode("utf-8")

    blocks = re.findall(r"BEGIN:VCALENDAR\r\n.*?END:VCALENDAR\r\n", text, flags=re.S)
    if len(blocks) != args.calendars:
        fail(f"{len(blocks)} calendars, expected {args.calendars}")
    todos, events = [], []
    for block in blocks:
        cal = icalendar.Calendar.from_ical(block)
        if str(cal.get("VERSION")) != "2.0":
            fail("VERSION is not 2.0")
        if not cal.get("PRODID"):
            fail("no PRODID")
        todos.extend(cal.walk("VTODO"))
        events.extend(cal.walk("VEVENT"))
    if len(todos) != args.todos:
        fail(f"{len(todos)} VTODOs, expected {args.todos}")

    summaries, contacts, categories = set(), set(), set()
    for todo in todos:
        for prop in ("UID", "DTSTAMP", "SUMMARY", "STATUS"):
            if todo.get(prop) is None:
                fail(f"a VTODO without {prop}")
        if str(todo.get("STATUS")) not in ("NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED"):
            fail(f"unknown STATUS {todo.get('STATUS')}")
        due = todo.get("DUE")
        if due is not None:
            value = due.dt
            if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
                fail(f"DUE is not a date: {value!r}")
        summaries.add(str(todo.get("SUMMARY")))
        contact = todo.get("CONTACT")
        for c in contact if isinstance(contact, list) else ([contact] if contact is not None else []):
            contacts.add(str(c))
        cats = todo.get("CATEGORIES")
        for group in cats if isinstance(cats, list) else ([cats] if cats is not None else []):
            for cat in group.cats:
                categories.add(str(cat))
    for s in args.summary:
        if s not in summaries:
            fail(f"no VTODO with SUMMARY {s!r}; have {sorted(summaries)!r}")
    for c in args.contact:
        if c not in contacts:
            fail(f"no CONTACT {c!r}; have {sorted(contacts)!r}")
    for c in args.category:
        if c not in categories:
            fail(f"no CATEGORIES value {c!r}; have {sorted(categories)!r}")
    if args.events is not None and len(events) != args.events:
        fail(f"{len(events)} VEVENTs, expected {args.events}")
    starts = {}
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if event.get(prop) is None:
                fail(f"a VEVENT without {prop}")
        start = event.get("DTSTART").dt
        end = event.get("DTEND").dt if event.get("DTEND") is not None else None
        if end is not None and end <= start:
            fail(f"VEVENT {event.get('SUMMARY')} ends before it starts")
        if isinstance(start, datetime.datetime):
            if start.tzinfo is not None:
                start = start.astimezone(datetime.timezone.utc)
            text = start.strftime("%Y-%m-%dT%H:%M")
        else:
            text = start.isoformat()
        starts.setdefault(str(event.get("SUMMARY")), []).append(text)
    for spec in args.event:
        summary, _, when = spec.rpartition("=")
        if when not in starts.get(summary, []):
            fail(f"no VEVENT {summary!r} starting {when}; have {starts!r}")
    print(f"check_ics: {len(blocks)} calendars, {len(todos)} to-dos, {len(events)} events: OK")


if __name__ == "__main__":
    main()
