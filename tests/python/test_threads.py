"""Threads share a Tracker safely: calls are serialized and release the GIL."""

from __future__ import annotations

import threading
from pathlib import Path

import libtracker as lt

THREADS = 4
ADDS = 150


def test_threads_hammering_one_tracker(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    with lt.Tracker(tmp_path / "team.db") as t:
        start = threading.Barrier(THREADS)

        def work(n: int) -> None:
            try:
                start.wait()
                for i in range(ADDS):
                    it = t.add(f"thread {n} item {i}", owners=[f"Owner {n}"], due="TBD")
                    t.update(it.id, status_note="touched", expected_version=it.version)
                    assert t.count(owner=f"Owner {n}") == i + 1
                    assert len(t.find(owner=f"Owner {n}", limit=5)) == min(5, i + 1)
            except BaseException as error:  # reported below, in the main thread
                errors.append(error)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert t.count() == THREADS * ADDS
        assert {i.version for i in t.find()} == {2}


def test_other_threads_run_during_calls() -> None:
    """While one thread is inside the tracker, another Python thread keeps running."""
    with lt.Tracker() as t:
        t.add_all([lt.ActionItem(f"item {i}") for i in range(20000)])
        ticks = 0
        done = threading.Event()

        def tick() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1

        ticker = threading.Thread(target=tick)
        ticker.start()
        try:
            for _ in range(5):
                before = ticks
                t.find()
                assert ticks >= before
        finally:
            done.set()
            ticker.join()
        assert ticks > 0


def test_close_while_others_wait(tmp_path: Path) -> None:
    t = lt.Tracker(tmp_path / "team.db")
    seen: list[str] = []

    def work() -> None:
        for _ in range(200):
            try:
                t.add("x")
            except lt.TrackerError as error:
                seen.append(str(error))
                return

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    t.close()
    for thread in threads:
        thread.join()
    assert all("closed" in message for message in seen)
