"""Import and export through the Tracker: formats, files, re-import without duplicates."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import libtracker as lt
from conftest import MEETING_DAY


def test_export_csv_and_import_into_another_tracker(ssr2: lt.Tracker) -> None:
    text = ssr2.export_text("csv")
    assert text.splitlines()[0].startswith("Item #,Action")
    with lt.Tracker() as other:
        other.today = MEETING_DAY
        result = other.import_text(text, "csv")
        assert isinstance(result, lt.ImportResult)
        assert len(result.added) == 4
        assert [i.text for i in other.find()] == [i.text for i in ssr2.find()]
        assert [i.due for i in other.find()] == [i.due for i in ssr2.find()]
        again = other.import_text(text, "csv")
        assert (len(again.added), len(again.unchanged)) == (0, 4)
        assert other.count() == 4
        assert "ImportResult(" in repr(again)


def test_export_json_is_the_to_dict_form(ssr2: lt.Tracker) -> None:
    document = json.loads(ssr2.export_text("json", state="open"))
    items = document["items"]
    assert [item["text"] for item in items] == [i.text for i in ssr2.find(state="open")]
    for exported, item in zip(items, ssr2.find(state="open")):
        for key, value in item.to_dict().items():
            assert exported[key] == value


@pytest.mark.parametrize("suffix", [".csv", ".json", ".ics"])
def test_export_file_by_extension(ssr2: lt.Tracker, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"items{suffix}"
    ssr2.export_file(path, filter="+open")
    assert "Research collaborative tools" in path.read_text(encoding="utf-8")


def test_import_minutes_file(tracker: lt.Tracker, seeds: Path, tmp_path: Path) -> None:
    minutes = tmp_path / "ssr2.txt"
    minutes.write_text(
        (seeds / "004_aef3142de91aa82d.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = tracker.import_file(minutes, reference_date=MEETING_DAY)
    assert len(result.added) > 0
    assert tracker.count() == len(result.added)
    for skipped in result.skipped:
        assert isinstance(skipped.line, int)
        assert isinstance(skipped.text, str)
        assert skipped.reason
    again = tracker.import_file(minutes, reference_date=MEETING_DAY)
    assert again.added == []
    assert tracker.count() == len(result.added)


def test_import_errors(tracker: lt.Tracker, tmp_path: Path) -> None:
    with pytest.raises(lt.ParseError):
        tracker.import_text("x", "spreadsheet")
    with pytest.raises(lt.ParseError):
        tracker.import_text('{"items": [{"text": 42}]}', "json")
    with pytest.raises(lt.StorageError):
        tracker.import_file(tmp_path / "missing.csv")
    assert tracker.count() == 0


def test_import_taskwarrior_round_trip(ssr2: lt.Tracker) -> None:
    exported = ssr2.export_text("taskwarrior")
    with lt.Tracker() as other:
        other.today = datetime.date(2017, 6, 16)
        result = other.import_text(exported, "taskwarrior")
        assert len(result.added) == 4


def test_import_result_carries_the_reference_date_and_a_dry_run_writes_nothing(
    tracker: lt.Tracker,
) -> None:
    text = (
        "Tracking tool, last updated 12 September 2018\n"
        "\n"
        "Completed actions\n"
        "Item #\tDate of Request\tAction Item Request\tAction Owner\tRequest Clarified\n"
        "35\t1 August 2018\tSend the slides.\tStaff\tyes\n"
        "36\t2 August 2018\tPublish the recordings.\tStaff\n"
    )
    dry = tracker.import_text(text, "minutes", dry_run=True)
    assert dry.dry_run
    assert len(dry.added) == 1
    assert [item.text for item in dry.items] == ["Send the slides."]
    assert tracker.count() == 0
    result = tracker.import_text(text, "minutes")
    assert not result.dry_run
    assert (result.reference_date, result.reference_source) == (
        datetime.date(2018, 9, 12),
        "document",
    )
    assert result.unknown_columns == ["Request Clarified"]
    assert [skipped.line for skipped in result.skipped] == [6]
    item = tracker.get(result.added[0])
    assert item.state is lt.State.DONE
    assert item.created == datetime.date(2018, 8, 1)


DOCUMENTS = Path(__file__).resolve().parents[1] / "data" / "documents"


@pytest.mark.parametrize(
    "name",
    ["cross_list.docx", "cross_list.pptx", "cross_list.xlsx", "cross_list.pdf", "cross_list.html"],
)
def test_import_file_reads_word_powerpoint_excel_pdf_and_html(name: str) -> None:
    with lt.Tracker() as t:
        t.today = datetime.date(2018, 9, 12)
        result = t.import_file(DOCUMENTS / name)
        assert len(result.added) == 5, name
        charter = t.find(text="draft charter")
        assert [i.owners for i in charter] == [["ICANN Org"]]
        assert charter[0].due == datetime.date(2018, 9, 20)
        assert t.find(text="meeting notes")[0].state == lt.State.DONE


def test_what_a_slide_deck_skips_or_leaves_for_review_names_its_slide() -> None:
    # The SSR2 slides repeat one action on a later slide and give one due date as words.
    with lt.Tracker() as t:
        result = t.import_file(DOCUMENTS / "ssr2_slides.pptx", dry_run=True)
        assert len(result.added) == 20
        (repeat,) = result.skipped
        assert repeat.part.startswith("slide ")
        assert repeat.line > 0
        assert repeat.text.startswith("Research collaborative tools")
        assert "same action" in repeat.reason
        (vague,) = result.needs_review
        assert vague.part.startswith("slide ")
        assert vague.line > 0
        assert "not a date" in vague.reason
        assert f"part={vague.part!r}" in repr(vague)
        assert vague == result.needs_review[0]
        assert vague != repeat


def test_a_document_named_wrongly_is_read_by_its_content(tmp_path: Path) -> None:
    copy = tmp_path / "list.txt"
    copy.write_bytes((DOCUMENTS / "cross_list.docx").read_bytes())
    with lt.Tracker() as t:
        t.today = datetime.date(2018, 9, 12)
        assert len(t.import_file(copy).added) == 5


def test_a_corrupt_document_is_a_parse_error_naming_it_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes((DOCUMENTS / "cross_list.docx").read_bytes()[:2000])
    with lt.Tracker() as t:
        with pytest.raises(lt.ParseError) as caught:
            t.import_file(broken)
        assert "broken.docx" in str(caught.value)
        assert t.count() == 0
