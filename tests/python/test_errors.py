"""Every C++ error arrives as the matching Python exception; none as a bare RuntimeError."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

import libtracker as lt


def test_hierarchy() -> None:
    assert issubclass(lt.NotFoundError, lt.TrackerError)
    assert issubclass(lt.NotFoundError, KeyError)
    assert issubclass(lt.ParseError, lt.TrackerError)
    assert issubclass(lt.ParseError, ValueError)
    assert issubclass(lt.InvalidArgumentError, lt.TrackerError)
    assert issubclass(lt.InvalidArgumentError, ValueError)
    for cls in (lt.ConflictError, lt.StorageError, lt.SchemaError):
        assert issubclass(cls, lt.TrackerError)
        assert not issubclass(cls, RuntimeError)


@pytest.mark.parametrize(
    "call",
    [
        lambda t: t.get(999),
        lambda t: t.update(999, text="x"),
        lambda t: t.set_state(999, "done"),
        lambda t: t.remove(999),
        lambda t: t.add_note(999, "x"),
        lambda t: t.history(999),
        lambda t: t.get_as_of(999, datetime.date(2017, 6, 15)),
        lambda t: t.owner("Nobody"),
        lambda t: t.meeting(999),
        lambda t: t.add("x", meeting=999),
    ],
)
def test_not_found(tracker: lt.Tracker, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(lt.NotFoundError) as info:
        call(tracker)
    assert isinstance(info.value, KeyError)
    assert not str(info.value).startswith("'")  # reads as a sentence, not a quoted key


def test_not_found_caught_as_key_error(tracker: lt.Tracker) -> None:
    with pytest.raises(KeyError, match="42"):
        tracker.get(42)


def test_parse_error_names_text_and_position(tracker: lt.Tracker) -> None:
    with pytest.raises(lt.ParseError) as info:
        tracker.add("x", due="30 Mayy")
    error = info.value
    assert isinstance(error, ValueError)
    assert error.text == "30 Mayy"
    assert 0 <= error.position < len(error.text)
    assert error.reason
    assert isinstance(error.source, str)
    assert isinstance(error.line, int)


def test_parse_error_from_filter(tracker: lt.Tracker) -> None:
    with pytest.raises(lt.ParseError) as info:
        tracker.find("owner:'ICANN Org' due.before:someday")
    assert "due.before" in info.value.text or "someday" in info.value.text
    with pytest.raises(ValueError):
        tracker.find("state:sleeping")


def test_conflict(tracker: lt.Tracker) -> None:
    it = tracker.add("Draft")
    tracker.update(it.id, text="Draft v2", expected_version=it.version)
    with pytest.raises(lt.ConflictError, match="version"):
        tracker.update(it.id, text="stale", expected_version=it.version)
    with pytest.raises(lt.ConflictError):
        tracker.set_state(it.id, "done", expected_version=it.version)
    assert tracker.get(it.id).text == "Draft v2"


def test_storage_error_unopenable_path(tmp_path: Path) -> None:
    with pytest.raises(lt.StorageError) as info:
        lt.Tracker(tmp_path / "missing-dir" / "team.db")
    assert isinstance(info.value.sqlite_code, int)


def test_storage_error_read_only(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    lt.Tracker(path).close()
    with lt.Tracker(path, read_only=True) as t, pytest.raises(lt.StorageError):
        t.add("x")


def test_schema_error_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"these are meeting notes, not a database\n" * 100)
    with pytest.raises(lt.SchemaError):
        lt.Tracker(path)


def test_invalid_arguments(tracker: lt.Tracker) -> None:
    with pytest.raises(lt.TrackerError) as info:
        tracker.add("   ")
    assert type(info.value) is lt.InvalidArgumentError
    assert isinstance(info.value, ValueError)
    assert "needs a text" in str(info.value)
    with pytest.raises(lt.TrackerError):
        tracker.add_meeting("")
    with pytest.raises(lt.InvalidArgumentError):
        lt.Tracker(synchronous="SOMETIMES")
    it = tracker.add("x")
    with pytest.raises(lt.InvalidArgumentError):
        tracker.add_note(it.id, " ")
    with pytest.raises(lt.InvalidArgumentError):
        tracker.weekly_report(as_of=datetime.date(2017, 6, 15), period_days=0)
    assert tracker.count() == 1
    assert tracker.notes(it.id) == []


def test_tracker_error_base(tracker: lt.Tracker) -> None:
    tracker.close()
    with pytest.raises(lt.TrackerError) as info:
        tracker.add("x")
    assert type(info.value) is lt.TrackerError


def test_closed_tracker(tracker: lt.Tracker) -> None:
    tracker.close()
    with pytest.raises(lt.TrackerError, match="closed"):
        tracker.add("x")


def test_type_errors_stay_type_errors(tracker: lt.Tracker) -> None:
    with pytest.raises(TypeError):
        tracker.add("x", owners=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tracker.add("x", tags=[1, 2])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        tracker.add("x", meeting="one")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tracker.get("1")  # type: ignore[arg-type]


def test_ratings_parse_errors(tracker: lt.Tracker) -> None:
    with pytest.raises(lt.ParseError):
        tracker.add("x", impact="enormous")


FULL_DISK = """
import resource, signal, sys
import libtracker as lt
path = sys.argv[1]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
size = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 65536, size + 65536))
with lt.Tracker(path) as t:
    try:
        t.add("Collect the SSR1 evidence", details="x" * 1_000_000)
    except lt.StorageError as error:
        assert path in str(error), error
        print("storage error", t.count())
"""


def test_a_full_disk_is_a_storage_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "full.db"
    with lt.Tracker(str(path)) as t:
        t.add("Draft the work plan")
    size = path.stat().st_size
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path), str(size)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "storage error 1"
    with lt.Tracker(str(path)) as t:
        assert [item.text for item in t.find()] == ["Draft the work plan"]
