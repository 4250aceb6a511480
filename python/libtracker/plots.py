"""Charts of where a review team stands, as matplotlib Figures (needs the ``plot`` extra).

Every chart takes the tracker and an ``as_of`` day (default: the tracker's today) and shows the
items as they were at the end of that day, so a chart of a past day never sees later changes.
The numbers come from the library (the weekly report and the items rebuilt from history); the
charts only count and draw them.

>>> import datetime
>>> from libtracker import plots
>>> fig = plots.burn_up_chart(tracker, datetime.date(2017, 7, 6))  # doctest: +SKIP
>>> fig.savefig("burn-up.png")  # doctest: +SKIP

The figures are not registered with pyplot: Jupyter shows them as the value of a cell (after
``%matplotlib inline``), ``fig.savefig()`` writes them, and nothing needs closing.
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Sequence
from typing import NamedTuple

try:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator
except ImportError as error:
    raise ImportError(
        "libtracker.plots needs matplotlib, which is not installed; "
        "install it with: pip install 'libtracker[plot]'"
    ) from error

from ._core import ActionItem, Tracker, WeeklyReport
from ._enums import State

__all__ = [
    "AGE_BUCKETS",
    "ageing_chart",
    "burn_up_chart",
    "impact_effort_matrix",
    "owner_chart",
]

OPEN_COLOR = "#4a7fb5"
CLOSED_COLOR = "#7cb26b"
OVERDUE_COLOR = "#c62828"
NO_OWNER = "(no owner)"
RATINGS = ("low", "medium", "high")


class AgeBucket(NamedTuple):
    """Open items created from ``min_days`` to ``max_days`` days before the day (inclusive)."""

    label: str
    min_days: int
    max_days: int | None


#: The age groups of ageing_chart(), by days since the item was created.
AGE_BUCKETS: tuple[AgeBucket, ...] = (
    AgeBucket("under 1 week", 0, 6),
    AgeBucket("1-2 weeks", 7, 13),
    AgeBucket("2-4 weeks", 14, 27),
    AgeBucket("1-3 months", 28, 89),
    AgeBucket("over 3 months", 90, None),
)


def _plain(text: str) -> str:
    """User text as matplotlib shows it literally: ``$`` would start mathtext."""
    return text.replace("$", r"\$")


def _day(tracker: Tracker, as_of: datetime.date | None) -> datetime.date:
    return tracker.today if as_of is None else as_of


def _date_label(day: datetime.date) -> str:
    return f"{day.day} {day:%b %Y}"


def burn_up_chart(
    tracker: Tracker, as_of: datetime.date | None = None, *, weeks: int | None = None
) -> Figure:
    """Open and closed items at the end of each week up to as_of, as stacked bars.

    The bars are the weeks ending on as_of, as_of - 7 days, ... back to the week of the first
    item (or ``weeks`` weeks back). Their height is every item that existed then; the closed part
    (done or cancelled) grows as the team works through the list.
    """
    day = _day(tracker, as_of)
    if weeks is None:
        existing = tracker.items_as_of(day)
        created = [item.created for item in existing if item.created is not None]
        first = min(created, default=day)
        weeks = max(0, -(-(day - first).days // 7))
    ends = [day - datetime.timedelta(days=7 * back) for back in range(weeks, -1, -1)]
    # Every week's counts from one pass over the history.
    counts = tracker.state_counts(ends)
    open_states = [state.value for state in State if not state.is_closed]
    open_counts = [sum(week[state] for state in open_states) for week in counts]
    closed_counts = [sum(week.values()) - n for week, n in zip(counts, open_counts)]

    fig = Figure(figsize=(max(7.0, 0.7 * len(ends) + 4.0), 4.2), layout="constrained")
    ax = fig.add_subplot()
    positions = range(len(ends))
    ax.bar(positions, closed_counts, color=CLOSED_COLOR, label="closed (done or cancelled)")
    ax.bar(positions, open_counts, bottom=closed_counts, color=OPEN_COLOR, label="open")
    for x, (n_open, n_closed) in enumerate(zip(open_counts, closed_counts)):
        ax.annotate(
            f"{n_closed} of {n_open + n_closed}",
            (x, n_open + n_closed),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax.set_xticks(list(positions), [f"{end.day} {end:%b}" for end in ends])
    ax.set_xlabel("week ending")
    ax.set_ylabel("action items")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max([o + c for o, c in zip(open_counts, closed_counts)] + [1]) * 1.12)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title(f"Burn-up: items closed and still open, week by week to {_date_label(day)}")
    return fig


def ageing_chart(tracker: Tracker, as_of: datetime.date | None = None) -> Figure:
    """The items open on as_of by how long ago they were created (AGE_BUCKETS); the overdue
    part of each bar is marked."""
    day = _day(tracker, as_of)
    report = tracker.weekly_report(as_of=day)
    overdue_ids = {item.id for item in report.section("overdue")}
    labels = [bucket.label for bucket in AGE_BUCKETS]
    on_time = [0] * len(AGE_BUCKETS)
    overdue = [0] * len(AGE_BUCKETS)
    undated = 0
    for item in report.section("open"):
        if item.created is None:
            undated += 1
            continue
        index = _bucket((day - item.created).days)
        if item.id in overdue_ids:
            overdue[index] += 1
        else:
            on_time[index] += 1
    if undated:
        labels.append("created unknown")
        on_time.append(undated)
        overdue.append(0)

    fig = Figure(figsize=(8.5, 4.2), layout="constrained")
    ax = fig.add_subplot()
    positions = range(len(labels))
    ax.bar(positions, on_time, color=OPEN_COLOR, label="open, not overdue")
    ax.bar(positions, overdue, bottom=on_time, color=OVERDUE_COLOR, label="overdue")
    for x, (a, b) in enumerate(zip(on_time, overdue)):
        if a + b:
            ax.annotate(
                str(a + b),
                (x, a + b),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=9,
            )
    ax.set_xticks(list(positions), labels)
    ax.set_xlabel("time since the item was created")
    ax.set_ylabel("open action items")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max([a + b for a, b in zip(on_time, overdue)] + [1]) * 1.12)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    total = report.counts["open"]
    ax.set_title(f"Age of the {total} open items on {_date_label(day)}")
    return fig


def _bucket(age_days: int) -> int:
    for index, bucket in enumerate(AGE_BUCKETS):
        if bucket.max_days is None or age_days <= bucket.max_days:
            return index
    return len(AGE_BUCKETS) - 1


def owner_chart(
    tracker: Tracker, as_of: datetime.date | None = None, *, top: int | None = None
) -> Figure:
    """Open and overdue items per owner on as_of, most open items first (the weekly report's
    per-owner counts: an item with several owners counts for each). ``top`` keeps the owners
    with the most open items."""
    day = _day(tracker, as_of)
    rows = _owner_counts(tracker.weekly_report(as_of=day))
    shown = rows if top is None else rows[:top]
    names = [_plain(name or NO_OWNER) for name, _, _ in shown]
    open_counts = [n_open for _, n_open, _ in shown]
    overdue_counts = [n_overdue for _, _, n_overdue in shown]

    fig = Figure(figsize=(7.5, max(2.8, 0.42 * len(shown) + 1.6)), layout="constrained")
    ax = fig.add_subplot()
    positions = [float(y) for y in range(len(shown))]
    ax.barh([y - 0.2 for y in positions], open_counts, height=0.4, color=OPEN_COLOR, label="open")
    ax.barh(
        [y + 0.2 for y in positions],
        overdue_counts,
        height=0.4,
        color=OVERDUE_COLOR,
        label="of which overdue",
    )
    for y, (n_open, n_overdue) in enumerate(zip(open_counts, overdue_counts)):
        for offset, count in ((-0.2, n_open), (0.2, n_overdue)):
            if not count:
                continue
            ax.annotate(
                str(count),
                (count, y + offset),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
    ax.set_yticks(positions, names)
    ax.invert_yaxis()
    ax.set_xlabel("action items")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, max([*open_counts, 1]) * 1.15)
    if shown:
        ax.legend(loc="lower right", frameon=False)
    else:
        ax.text(0.5, 0.5, "no open items", transform=ax.transAxes, ha="center", va="center")
    more = f" (top {len(shown)} of {len(rows)})" if len(shown) < len(rows) else ""
    ax.set_title(f"Open and overdue items per owner on {_date_label(day)}{more}")
    return fig


def _owner_counts(report: WeeklyReport) -> list[tuple[str, int, int]]:
    """(owner, open, overdue) of the owners with open items, most open first."""
    rows = [
        (owner, counts["open"], counts["overdue"])
        for owner, counts in report.by_owner.items()
        if counts["open"]
    ]
    return sorted(rows, key=lambda row: (-row[1], -row[2], row[0].casefold()))


def impact_effort_matrix(
    tracker: Tracker,
    as_of: datetime.date | None = None,
    *,
    include_closed: bool = False,
    max_labels: int = 4,
) -> Figure:
    """The rated items on as_of in a grid of impact (rows, high at the top) by effort (columns,
    low at the left), as a break-out session rates suggestions: each cell shows its count and
    up to ``max_labels`` items ("#id text"). Items without both ratings are left out, and
    closed ones unless include_closed."""
    day = _day(tracker, as_of)
    rated = [
        item
        for item in tracker.items_as_of(day)
        if item.impact is not None and item.effort is not None and (include_closed or item.is_open)
    ]
    impacts = list(reversed(RATINGS))  # rows, top to bottom
    cells: dict[tuple[int, int], list[ActionItem]] = {}
    for item in rated:
        key = (impacts.index(str(item.impact)), RATINGS.index(str(item.effort)))
        cells.setdefault(key, []).append(item)
    counts = [[len(cells.get((row, col), [])) for col in range(3)] for row in range(3)]

    fig = Figure(figsize=(10.0, 6.5), layout="constrained")
    ax = fig.add_subplot()
    ax.imshow(counts, cmap="Blues", vmin=0, vmax=max(2, max(map(max, counts))) * 1.8, aspect="auto")
    for (row, col), items in cells.items():
        ax.text(col - 0.46, row - 0.44, str(len(items)), fontsize=13, weight="bold", va="top")
        ax.text(
            col - 0.46,
            row - 0.24,
            _cell_labels(items, max_labels),
            fontsize=8,
            va="top",
            linespacing=1.3,
        )
    ax.set_xticks(range(3), RATINGS)
    ax.set_yticks(range(3), impacts)
    ax.set_xticks([0.5, 1.5], minor=True)
    ax.set_yticks([0.5, 1.5], minor=True)
    ax.grid(which="minor", color="white", linewidth=3)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("effort")
    ax.set_ylabel("impact")
    which = "rated items" if include_closed else "rated open items"
    ax.set_title(f"Impact and effort of the {len(rated)} {which} on {_date_label(day)}")
    return fig


def _cell_labels(items: Sequence[ActionItem], max_labels: int) -> str:
    """Up to max_labels items as "#id text", two lines each at most (a third of the figure's
    width at 8 pt), and how many more there are."""
    lines = []
    for item in sorted(items, key=lambda it: it.id)[:max_labels]:
        label = textwrap.fill(
            f"#{item.id} {' '.join(item.text.split())}",
            width=44,
            max_lines=2,
            subsequent_indent="    ",
            placeholder=" \u2026",
        )
        lines.append(_plain(label))
    if len(items) > max_labels:
        lines.append(f"+ {len(items) - max_labels} more")
    return "\n".join(lines)
