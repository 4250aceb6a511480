"""examples/notebooks/weekly_report.ipynb: saved clean, runs clean on a fixed report day, and
shows the weekly report as an HTML table and every chart as an image; pointed at a database,
it reports on that database without changing it."""

from __future__ import annotations

import base64
import datetime
import hashlib
import html.parser
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

import libtracker as lt
from libtracker import plots

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebooks" / "weekly_report.ipynb"
CHARTS = ["burn_up_chart", "ageing_chart", "owner_chart", "impact_effort_matrix"]

pytestmark = pytest.mark.slow


def code_cells(nb: Any) -> list[Any]:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def run(parameters: str) -> Any:
    """The notebook executed in its own folder with parameters added after its parameters
    cell (as papermill does), on a kernel of this Python."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    index = nb.cells.index(parameters_cell(nb))
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(parameters))
    # No kernel directories: the native kernel, which runs sys.executable (this venv).
    specs = KernelSpecManager(kernel_dirs=[])
    assert specs.get_kernel_spec("python3").argv[0] == sys.executable
    manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=specs)
    client = NotebookClient(
        nb, km=manager, timeout=300, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute(cleanup_kc=True)  # shut the kernel down and close its sockets
    return nb


def parameters_cell(nb: Any) -> Any:
    (cell,) = [c for c in code_cells(nb) if "parameters" in c.metadata.get("tags", [])]
    return cell


def outputs(nb: Any) -> list[tuple[Any, Any]]:
    return [(cell, output) for cell in code_cells(nb) for output in cell.outputs]


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_ran_clean(nb: Any) -> None:
    for cell, output in outputs(nb):
        assert output.output_type != "error", cell.source
        # Warnings (from the code or a library it calls) are printed to stderr.
        assert output.get("name") != "stderr", f"{cell.source}\n{output.text}"


def report_page(nb: Any) -> _Page:
    """The weekly report's rich display."""
    pages = [
        output.data["text/html"]
        for cell, output in outputs(nb)
        if "report = tracker.weekly_report(" in cell.source
        and "text/html" in output.get("data", {})
    ]
    assert len(pages) == 1
    page = _Page()
    page.feed(pages[0])
    return page


def assert_charts_shown(nb: Any) -> None:
    for chart in CHARTS:
        cells = [cell for cell in code_cells(nb) if f"plots.{chart}(" in cell.source]
        assert cells, chart
        for cell in cells:
            images = [o.data["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]
            assert len(images) == 1, cell.source
            assert base64.b64decode(images[0]).startswith(b"\x89PNG"), cell.source


@pytest.fixture(scope="module")
def demo() -> Any:
    return run("AS_OF = datetime.date(2017, 6, 29)")


def test_saved_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in code_cells(nb):
        assert cell.outputs == [], cell.source
        assert cell.execution_count is None


def test_one_parameters_cell_at_the_top_has_the_path_and_the_date() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cells = code_cells(nb)
    assert cells[0] is parameters_cell(nb)
    for name in ("DATABASE = ", "AS_OF = "):
        assert name in cells[0].source
        assert not any(name in cell.source for cell in cells[1:])


def test_the_demo_runs_clean(demo: Any) -> None:
    assert_ran_clean(demo)
    printed = "".join(o.text for _, o in outputs(demo) if o.output_type == "stream")
    assert "Imported 20 action items from 004_aef3142de91aa82d.txt" in printed


def test_the_demo_shows_the_report_of_the_day_as_an_html_table(demo: Any) -> None:
    page = report_page(demo)
    assert "table" in page.tags
    assert "script" not in page.tags
    text = " ".join(page.text)
    assert "As of 2017-06-29" in text
    assert "Review Open Action Items" in text
    # Closed on 6 July, after the report day: still open in the report of 29 June.
    assert "Share links to relevant articles regarding threat mitigation" in text


def test_the_demo_shows_pandas_tables_and_every_chart(demo: Any) -> None:
    tables = [
        cell.source
        for cell, output in outputs(demo)
        if "<table" in output.get("data", {}).get("text/html", "")
    ]
    assert any("crosstab" in source for source in tables)  # items per owner
    assert any('rows["section"] == "overdue"' in source for source in tables)
    assert_charts_shown(demo)
    assert {chart for chart in CHARTS} <= set(plots.__all__)


def test_pointed_at_a_database_it_reports_on_it_read_only(tmp_path: Path, seeds: Path) -> None:
    database = tmp_path / "team.db"
    with lt.Tracker(database) as t:
        t.today = datetime.date(2017, 6, 15)
        t.import_file(seeds / "004_aef3142de91aa82d.txt", format="minutes")
        t.today = datetime.date(2017, 6, 20)
        t.set_state(t.find(text="Distribute Johannesburg agenda")[0].id, "done")
        t.add("Book the <b>room</b> for ICANN60", owners="ICANN Org", due="1 July")
    before = hashlib.sha256(database.read_bytes()).hexdigest()

    nb = run(f"DATABASE = {str(database)!r}\nAS_OF = datetime.date(2017, 6, 22)")
    assert_ran_clean(nb)
    page = report_page(nb)
    text = " ".join(page.text)
    assert "As of 2017-06-22" in text
    assert "Book the <b>room</b> for ICANN60" in text
    assert "b" not in page.tags
    assert "Imported" not in "".join(o.get("text", "") for _, o in outputs(nb))
    assert_charts_shown(nb)
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
