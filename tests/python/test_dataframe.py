"""to_dataframe(): typed columns built in C++; a clear ImportError without pandas."""

from __future__ import annotations

import datetime
import sys

import pytest

import libtracker as lt

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


def test_columns_and_dtypes(ssr2: lt.Tracker) -> None:
    df = ssr2.to_dataframe()
    assert list(df.columns) == [
        "id",
        "text",
        "details",
        "owners",
        "due",
        "due_text",
        "state",
        "status_note",
        "tags",
        "meeting",
        "impact",
        "effort",
        "created",
        "closed",
        "version",
    ]
    assert len(df) == 4
    assert df["id"].dtype == np.int64
    assert df["version"].dtype == np.int64
    for column in ("due", "created", "closed"):
        assert np.issubdtype(df[column].dtype, np.datetime64)
    assert isinstance(df["state"].dtype, pd.CategoricalDtype)
    assert list(df["state"].cat.categories) == [
        "open",
        "in_progress",
        "blocked",
        "done",
        "cancelled",
    ]
    assert list(df["impact"].cat.categories) == ["low", "medium", "high"]
    assert str(df["meeting"].dtype) == "Int64"


def test_values(ssr2: lt.Tracker) -> None:
    df = ssr2.to_dataframe()
    assert df["id"].tolist() == [1, 2, 3, 4]
    assert df["due"][0] == pd.Timestamp(2017, 5, 30)
    assert pd.isna(df["due"][1])  # TBD
    assert df["due_text"].tolist() == ["2017-05-30", "TBD", "2017-06-22", "2017-06-01"]
    assert df["state"].tolist() == ["open", "in_progress", "open", "done"]
    assert df["owners"][0] == "Co-Chairs; James Gannon"
    assert df["tags"][1] == "tools"
    assert df["created"].tolist() == [pd.Timestamp(2017, 6, 15)] * 4
    assert pd.isna(df["closed"][0])
    assert df["closed"][3] == pd.Timestamp(2017, 6, 15)
    assert df["meeting"].isna().all()
    assert df["impact"].isna().all()


def test_no_due_date_is_nat(tracker: lt.Tracker) -> None:
    tracker.add("none")
    tracker.add("dated", due=datetime.date(1400, 1, 1), impact="high", meeting=None)
    df = tracker.to_dataframe()
    assert pd.isna(df["due"][0])
    assert df["due"][1] == pd.Timestamp(1400, 1, 1)
    assert df["impact"].tolist()[1] == "high"


def test_filters_apply(ssr2: lt.Tracker) -> None:
    assert ssr2.to_dataframe(state="open")["id"].tolist() == [1, 3]
    assert ssr2.to_dataframe("owner:'ICANN Org'", tbd=True)["id"].tolist() == [2]
    empty = ssr2.to_dataframe(state="blocked")
    assert len(empty) == 0
    assert empty["id"].dtype == np.int64


def test_meeting_column(tracker: lt.Tracker) -> None:
    m = tracker.add_meeting("call", datetime.date(2017, 6, 15))
    tracker.add("a", meeting=m)
    tracker.add("b")
    assert tracker.to_dataframe()["meeting"].tolist() == [m.id, pd.NA]


def test_columns_share_no_python_objects_for_numbers(ssr2: lt.Tracker) -> None:
    columns = ssr2._columns()
    assert columns["id"].dtype == np.int64
    assert columns["due"].dtype == np.dtype("datetime64[D]")
    assert columns["state"].dtype == np.int8
    assert columns["text"].dtype == object


def test_without_pandas_says_which_extra(ssr2: lt.Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'libtracker\[pandas\]'"):
        ssr2.to_dataframe()
