"""find() and count(): keyword filters, the CLI's filter language, and both together."""

from __future__ import annotations

import datetime

import pytest

import libtracker as lt


def texts(items: list[lt.ActionItem]) -> list[str]:
    return [i.text for i in items]


def test_find_everything_in_id_order(ssr2: lt.Tracker) -> None:
    assert texts(ssr2.find()) == [
        "Draft SSR2 work plan",
        "Research collaborative tools",
        "Send written responses to RT questions",
        "Circulate ICANN59 agenda",
    ]
    assert ssr2.count() == 4


def test_keyword_filters(ssr2: lt.Tracker) -> None:
    assert texts(ssr2.find(state="open", owner="ICANN Org")) == [
        "Send written responses to RT questions"
    ]
    assert texts(ssr2.find(state=["open", lt.State.IN_PROGRESS], owner="ICANN Org")) == [
        "Research collaborative tools",
        "Send written responses to RT questions",
    ]
    assert texts(ssr2.find(overdue=True)) == ["Draft SSR2 work plan"]
    assert texts(ssr2.find(state="open", owner="ICANN Org", overdue=True)) == []
    assert texts(ssr2.find(tbd=True)) == ["Research collaborative tools"]
    assert texts(ssr2.find(no_due_date=True)) == ["Research collaborative tools"]
    assert texts(ssr2.find(tag="tools")) == ["Research collaborative tools"]
    assert texts(ssr2.find(text="collaborative")) == ["Research collaborative tools"]
    assert texts(ssr2.find(closed=True)) == ["Circulate ICANN59 agenda"]
    assert ssr2.count(open=True) == 3
    assert texts(ssr2.find(due_before=datetime.date(2017, 6, 1))) == ["Draft SSR2 work plan"]
    assert texts(ssr2.find(due_after="2017-06-01")) == ["Send written responses to RT questions"]
    assert ssr2.count(created_from=datetime.date(2017, 6, 15), created_to="2017-06-15") == 4
    assert ssr2.count(closed_from="2017-06-15", closed_to="2017-06-15") == 1
    assert ssr2.count(changed_from="2017-06-15", changed_to="2017-06-15") == 4
    assert ssr2.count(changed_from="2017-06-16") == 0
    assert ssr2.count(as_of=datetime.date(2017, 5, 1), overdue=True) == 0


def test_owner_through_groups(ssr2: lt.Tracker) -> None:
    assert ssr2.count(owner="Jennifer Bryce") == 0
    assert ssr2.count(owner="Jennifer Bryce", through_groups=True) == 2


def test_order_limit_offset(ssr2: lt.Tracker) -> None:
    by_due = texts(ssr2.find(order_by="due"))
    assert by_due[0] == "Draft SSR2 work plan"
    assert by_due[-1] == "Research collaborative tools"  # TBD after dates
    assert [i.id for i in ssr2.find(descending=True, limit=2)] == [4, 3]
    assert [i.id for i in ssr2.find(limit=2, offset=1)] == [2, 3]
    assert ssr2.count(limit=2) == 2
    for order in ("id", "due", "created", "closed", "changed"):
        assert len(ssr2.find(order_by=order)) == 4  # type: ignore[arg-type]


def test_filter_language(ssr2: lt.Tracker) -> None:
    assert texts(ssr2.find("owner:'ICANN Org' +open")) == [
        "Research collaborative tools",
        "Send written responses to RT questions",
    ]
    assert texts(ssr2.find("+overdue due.before:2017-07-01")) == ["Draft SSR2 work plan"]
    assert ssr2.count("state:done") == 1
    assert ssr2.count("tag:tools") == 1


def test_filter_and_keywords_combine(ssr2: lt.Tracker) -> None:
    assert texts(ssr2.find("owner:'ICANN Org'", state="in_progress")) == [
        "Research collaborative tools"
    ]
    assert ssr2.count("+open", owner="Co-Chairs") == 1


def test_none_means_no_filter(ssr2: lt.Tracker) -> None:
    assert ssr2.count(None, state=None, owner=None, due_before=None, limit=None) == 4


def test_bad_arguments(ssr2: lt.Tracker) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'ownr'"):
        ssr2.find(ownr="ICANN Org")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ssr2.find(overdue="yes")  # type: ignore[typeddict-item]
    with pytest.raises(TypeError):
        ssr2.find(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="order_by"):
        ssr2.find(order_by="colour")  # type: ignore[typeddict-item]
    with pytest.raises(ValueError, match="negative"):
        ssr2.find(limit=-1)
    with pytest.raises(lt.ParseError):
        ssr2.find(state="sleeping")


def test_found_items_render_as_html(ssr2: lt.Tracker) -> None:
    found = ssr2.find(state="open")
    assert isinstance(found, lt.ItemList)
    html = found._repr_html_()
    assert html.count("<tr>") == 3  # header + 2 items
    assert "Draft SSR2 work plan" in html
    assert found.to_dicts()[0]["text"] == "Draft SSR2 work plan"
