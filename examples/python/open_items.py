"""Create a tracker, add the SSR2 action items of 15 June 2017, print the open ones.

python examples/python/open_items.py [team.db]
"""

from __future__ import annotations

import datetime
import sys

import libtracker as lt


def main(path: str = ":memory:") -> None:
    with lt.Tracker(path) as t:
        t.today = datetime.date(2017, 6, 15)
        t.add(
            "Draft SSR2 work plan",
            owners=["Co-Chairs", "James Gannon"],
            due=datetime.date(2017, 5, 30),
        )
        t.add(
            "Research collaborative tools",
            owners="ICANN Org",
            due="TBD",
            state="in_progress",
            tags=["tools"],
        )
        done = t.add("Circulate ICANN59 agenda", owners="SSR2-RT", due="6/20")
        t.set_state(done.id, "done", note="Circulated 6/20")

        for item in t.find(open=True, order_by="due"):
            due = item.due.isoformat() if isinstance(item.due, datetime.date) else item.due or "-"
            late = "  OVERDUE" if item.is_overdue(t.today) else ""
            print(
                f"#{item.id:<3} {due:<10}  {item.state.value:<11}  {item.text}"
                f"  [{', '.join(item.owners)}]{late}"
            )


if __name__ == "__main__":
    main(*sys.argv[1:2])
