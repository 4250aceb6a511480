#!/usr/bin/env python3
"""Writes the documents of the reader benchmark: a 1,000-row workbook, a 50-slide deck and a
50-page PDF, each an action list in the shapes review teams use.

    python3 bench/make_documents.py DIR [--rows 1000] [--slides 50] [--pages 50]

The workbook (openpyxl) has a title above its header row and real date cells; each slide
(python-pptx) a title and a table of six actions; each page of the PDF (fpdf2) a heading and a
table of 20 actions whose long cells wrap. The content is deterministic: the same arguments
give the same items. Prints the number of items in each file as JSON, so the benchmark can check
that every one was read.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import unicodedata

import openpyxl
from fpdf import FPDF
from pptx import Presentation
from pptx.util import Inches, Pt

VERBS = ["Draft", "Review", "Send", "Circulate", "Prepare", "Update", "Confirm", "Schedule"]
OBJECTS = [
    "the terms of reference for the subteams",
    "the scoping note on abuse reporting",
    "the work plan with key dates",
    "the questions for ICANN Org on the DNSSEC key roll-over",
    "the slides for the plenary session",
    "the list of documents the review team asked for",
    "the draft recommendations on registrar obligations and the data sources to ask for",
]
OWNERS = [
    "ICANN Org",
    "Co-Chairs",
    "Denise Michel",
    "James Gannon",
    "Staff",
    "SSR2-RT",
    "Žarko Kecić",
    "Kerry-Ann Barrett",
]
STATUS = ["Open", "In progress", "Done", "Open", "Blocked"]
START = datetime.date(2017, 6, 15)


def item(n: int) -> tuple[str, str, datetime.date | None, str]:
    """The n-th action: text, owner, due date (None for TBD), status."""
    text = f"{VERBS[n % len(VERBS)]} {OBJECTS[n % len(OBJECTS)]} (item {n + 1})."
    due = None if n % 9 == 4 else START + datetime.timedelta(days=n % 120)
    return text, OWNERS[n % len(OWNERS)], due, STATUS[n % len(STATUS)]


def workbook(path: pathlib.Path, rows: int) -> int:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Open Actions"
    sheet["A1"] = "SSR2 Review Team: action items"
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(
        [
            "Item #",
            "Action Item Request",
            "Action Owner",
            "Anticipated Completion Date",
            "Progress Notes",
        ]
    )
    for n in range(rows):
        text, owner, due, status = item(n)
        sheet.append([n + 1, text, owner, due if due else "TBD", status])
        if due:
            sheet.cell(row=sheet.max_row, column=4).number_format = "yyyy-mm-dd"
    book.save(path)
    return rows


def deck(path: pathlib.Path, slides: int, per_slide: int = 6) -> int:
    presentation = Presentation()
    layout = presentation.slide_layouts[5]  # title only
    for s in range(slides):
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = f"Review Open Action Items ({s + 1} of {slides})"
        shape = slide.shapes.add_table(
            per_slide + 1, 3, Inches(0.5), Inches(1.5), Inches(9), Inches(5)
        )
        table = shape.table
        for c, name in enumerate(["Action", "Owner", "Due Date"]):
            table.cell(0, c).text = name
        for r in range(per_slide):
            text, owner, due, _ = item(s * per_slide + r)
            cells = [text, owner, due.strftime("%d %B %Y") if due else "TBD"]
            for c, value in enumerate(cells):
                table.cell(r + 1, c).text = value
                table.cell(r + 1, c).text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    presentation.save(path)
    return slides * per_slide


def latin(text: str) -> str:
    """The text without the accents Latin-1 lacks ("Žarko Kecić" -> "Zarko Kecic")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def pdf(path: pathlib.Path, pages: int, per_page: int = 20) -> int:
    document = FPDF(format="A4")
    document.set_auto_page_break(False)
    # A core font (no font file to depend on) holds Latin-1 only: names lose their accents.
    document.set_font("Helvetica", size=9)
    for p in range(pages):
        document.add_page()
        document.set_font("Helvetica", style="B", size=13)
        document.cell(
            0, 10, f"Open action items (page {p + 1} of {pages})", new_x="LMARGIN", new_y="NEXT"
        )
        document.set_font("Helvetica", size=9)
        with document.table(col_widths=(110, 45, 35), line_height=4.5) as table:
            table.row(["Action", "Owner", "Due Date"])
            for r in range(per_page):
                text, owner, due, _ = item(p * per_page + r)
                table.row([text, latin(owner), due.isoformat() if due else "TBD"])
    document.output(str(path))
    return pages * per_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=pathlib.Path)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--slides", type=int, default=50)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    args.directory.mkdir(parents=True, exist_ok=True)
    counts = {
        "actions.xlsx": workbook(args.directory / "actions.xlsx", args.rows),
        "actions.pptx": deck(args.directory / "actions.pptx", args.slides),
        "actions.pdf": pdf(args.directory / "actions.pdf", args.pages),
    }
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
