"""libtracker.plots: each chart is a Figure of the items as they were on as_of."""

from __future__ import annotations

import datetime
import importlib
import io
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Text

import libtracker as lt
from libtracker import plots

JUNE_1 = datetime.date(2017, 6, 1)
JUNE_8 = datetime.date(2017, 6, 8)
JUNE_15 = datetime.date(2017, 6, 15)
#: Invalid mathtext: drawing it fails unless the dollars are escaped.
DOLLARS = r"Budget $\frac{ for $5 <script>"
DOLLAR_OWNER = "Treasurer $Org$"

CHARTS = [plots.burn_up_chart, plots.ageing_chart, plots.owner_chart, plots.impact_effort_matrix]


@pytest.fixture(autouse=True, scope="module")
def _agg_backend() -> None:
    matplotlib.use("Agg")  # the charts never open a window; this keeps pyplot from trying


@pytest.fixture
def team() -> lt.Tracker:
    """Three weekly calls: 1, 8 and 15 June 2017 (today)."""
    t = lt.Tracker()
    t.today = JUNE_1
    t.add("Distribute draft agenda", owners="Co-Chairs", due="30 May", impact="high", effort="low")
    t.add("Research collaborative tools", owners="ICANN Org", due="TBD")
    t.add("Share links on threat mitigation", owners="ICANN Org", due="22 June")
    t.add(DOLLARS, owners=[DOLLAR_OWNER], due="10 June", impact="high", effort="low")
    t.today = JUNE_8
    t.set_state(1, "done")
    t.update(2, impact="medium", effort="high")
    t.add("Consolidate duplicative items", owners="SSR2-RT", due="1 July")
    t.today = JUNE_15
    t.set_state(3, "cancelled")
    t.update(4, impact="low")
    t.add("Review non-disclosure form")
    return t


def bar_values(fig: Figure) -> list[list[float]]:
    (ax,) = fig.axes
    return [list(c.datavalues) for c in ax.containers if isinstance(c, BarContainer)]


def texts(fig: Figure) -> list[str]:
    return [text.get_text() for text in fig.findobj(Text)]


def png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_burn_up_counts_closed_and_open_items_each_week(team: lt.Tracker) -> None:
    fig = plots.burn_up_chart(team, JUNE_15)
    assert isinstance(fig, Figure)
    closed, still_open = bar_values(fig)
    assert closed == [0, 1, 2]
    assert still_open == [4, 4, 4]
    labels = [label.get_text() for label in fig.axes[0].get_xticklabels()]
    assert labels == ["1 Jun", "8 Jun", "15 Jun"]


def test_burn_up_of_a_past_day_ignores_later_changes(team: lt.Tracker) -> None:
    closed, still_open = bar_values(plots.burn_up_chart(team, JUNE_8))
    assert (closed, still_open) == ([0, 1], [4, 4])
    closed, still_open = bar_values(plots.burn_up_chart(team, JUNE_15, weeks=1))
    assert (closed, still_open) == ([1, 2], [4, 4])


def test_ageing_buckets_the_open_items_by_age(team: lt.Tracker) -> None:
    on_time, overdue = bar_values(plots.ageing_chart(team, JUNE_15))
    # 15 June: #5 is a week old, #2 and #4 two weeks (#4 overdue since 10 June), #6 new.
    assert on_time == [1, 1, 1, 0, 0]
    assert overdue == [0, 0, 1, 0, 0]
    on_time, overdue = bar_values(plots.ageing_chart(team, JUNE_8))
    assert on_time == [1, 3, 0, 0, 0]
    assert overdue == [0, 0, 0, 0, 0]
    assert "Age of the 4 open items on 8 Jun 2017" in texts(plots.ageing_chart(team, JUNE_8))


def test_owner_chart_shows_open_and_overdue_per_owner(team: lt.Tracker) -> None:
    fig = plots.owner_chart(team, JUNE_15)
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert labels == [r"Treasurer \$Org\$", "(no owner)", "ICANN Org", "SSR2-RT"]
    assert bar_values(fig) == [[1, 1, 1, 1], [1, 0, 0, 0]]

    past = plots.owner_chart(team, JUNE_8)
    labels = [label.get_text() for label in past.axes[0].get_yticklabels()]
    assert labels == ["ICANN Org", "SSR2-RT", r"Treasurer \$Org\$"]
    assert bar_values(past) == [[2, 1, 1], [0, 0, 0]]

    top = plots.owner_chart(team, JUNE_15, top=2)
    assert len(top.axes[0].get_yticklabels()) == 2
    assert any(text.endswith("(top 2 of 4)") for text in texts(top))


def cell_of(fig: Figure, prefix: str) -> tuple[str, str]:
    """The (impact, effort) cell whose label starts with prefix."""
    (ax,) = fig.axes
    for text in ax.texts:
        if text.get_text().startswith(prefix):
            x, y = text.get_position()
            return ("high", "medium", "low")[round(y + 0.24)], plots.RATINGS[round(x + 0.46)]
    raise AssertionError(f"no label {prefix!r}")


def test_impact_effort_matrix_places_the_rated_items(team: lt.Tracker) -> None:
    now = plots.impact_effort_matrix(team, JUNE_15)
    assert cell_of(now, "#2 Research") == ("medium", "high")
    assert cell_of(now, "#4 Budget") == ("low", "low")
    assert not any(text.startswith("#1 ") for text in texts(now))  # done
    assert "Impact and effort of the 2 rated open items on 15 Jun 2017" in texts(now)

    past = plots.impact_effort_matrix(team, JUNE_8)
    assert cell_of(past, "#4 Budget") == ("high", "low")

    with_closed = plots.impact_effort_matrix(team, JUNE_15, include_closed=True)
    assert cell_of(with_closed, "#1 Distribute") == ("high", "low")

    for number in range(5):
        team.add(f"Suggestion {number}", impact="high", effort="medium")
    crowded = plots.impact_effort_matrix(team, JUNE_15, max_labels=2)
    assert "5" in texts(crowded)
    assert any(text.endswith("+ 3 more") for text in texts(crowded))


def test_user_text_is_not_read_as_mathtext(team: lt.Tracker) -> None:
    # Unescaped, "$\frac{ for $" is a mathtext expression that fails to draw.
    for chart in CHARTS:
        assert png(chart(team, JUNE_15)).startswith(b"\x89PNG")
    labels = "\n".join(texts(plots.impact_effort_matrix(team, JUNE_8)))
    assert r"\$\frac{" in labels


def test_as_of_defaults_to_the_trackers_today(team: lt.Tracker) -> None:
    for chart in CHARTS:
        assert any("15 Jun 2017" in text for text in texts(chart(team)))


def test_charts_of_an_empty_tracker(tracker: lt.Tracker) -> None:
    for chart in CHARTS:
        assert png(chart(tracker)).startswith(b"\x89PNG")
    assert bar_values(plots.burn_up_chart(tracker)) == [[0], [0]]
    assert "no open items" in texts(plots.owner_chart(tracker))


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.ticker"):
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "libtracker.plots")
    with pytest.raises(ImportError, match=r"libtracker\[plot\]"):
        importlib.import_module("libtracker.plots")


@pytest.mark.slow
def test_mypy_strict_accepts_a_typed_program_and_rejects_a_wrong_call(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    repo = Path(__file__).resolve().parents[2]
    program = tmp_path / "charts.py"
    program.write_text(
        "import datetime\n"
        "import libtracker as lt\n"
        "from libtracker import plots\n"
        "from matplotlib.figure import Figure\n"
        "t = lt.Tracker()\n"
        "day = datetime.date(2017, 6, 15)\n"
        "figures: list[Figure] = [\n"
        "    plots.burn_up_chart(t, day, weeks=4),\n"
        "    plots.ageing_chart(t),\n"
        "    plots.owner_chart(t, day, top=5),\n"
        "    plots.impact_effort_matrix(t, day, include_closed=True, max_labels=3),\n"
        "]\n"
        "plots.owner_chart(t, '2017-06-15')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(repo / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(program),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"MYPYPATH": str(repo / "python"), "PATH": ""},
    )
    # One error: the date given as text; none in libtracker/plots.py itself.
    assert result.stdout.count("error:") == 1, result.stdout
    assert "charts.py:13: error" in result.stdout


def test_break_out_ratings_from_the_seed_fill_the_matrix(tracker: lt.Tracker, seeds: Path) -> None:
    # The ccNSO break-out results (seed 001) rate each suggestion's impact and effort.
    text = (seeds / "001_afe45ac73fafc33f.txt").read_text(encoding="utf-8")
    result = tracker.import_text(text, format="minutes", reference_date=datetime.date(2020, 3, 10))
    assert len(result.added) == 5
    rated = [item for item in tracker.find() if item.impact and item.effort]
    assert [(item.impact, item.effort) for item in rated] == [("high", "low"), ("medium", "low")]
    fig = plots.impact_effort_matrix(tracker, datetime.date(2020, 3, 10))
    assert cell_of(fig, "#2 Consider a best-practice") == ("medium", "low")
