"""The example scripts run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


def test_open_items_example(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "open_items.py"), str(tmp_path / "team.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert "Draft SSR2 work plan" in lines[0]
    assert "OVERDUE" in lines[0]
    assert "Research collaborative tools" in lines[1]
    assert "Circulate" not in result.stdout
