#!/usr/bin/env python3
"""Writes the document fixtures in tests/data/documents/ with real producers.

python-docx, python-pptx and openpyxl write .docx, .pptx and .xlsx files
(pip install '.[fixtures]'); LibreOffice headless (soffice --convert-to) writes its own
.docx, .pptx and .xlsx from those, and the PDFs from them. The HTML page is written here in
Confluence's markup. The test run reads the checked-in files and needs none of these tools.

Content: the SSR2 slides of the seeds (004_*.txt: its sections, bullet lists and
tab-separated tables, read by their structure), a list of our own in every format (the same
items, for the cross-format test), minutes with an "Action Items" list, a Confluence
tracking page with open and completed tables, and a conference agenda grid of our own as
text, Word and HTML (the same agenda, for the cross-format agenda test). fpdf2 writes a PDF of
our list directly, with vertically centred cells.

Usage: tests/data/make_office_fixtures.py [--seeds DIR] [--out DIR] [--only NAME...]
"""

from __future__ import annotations

import argparse
import datetime
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import openpyxl
import pptx
from docx.shared import Pt
from openpyxl.styles import Font
from pptx.util import Inches
from pptx.util import Pt as PptPt

HERE = Path(__file__).resolve().parent

# The list of our own, in the structures review teams use (issue: read every list as a person
# reads it): item numbers, several owners, owners that are groups, dates as words and "TBD".
CROSS_TITLE = "Abuse Subgroup Call, 12 September 2018"
CROSS_OPEN_HEADING = "Open actions"
CROSS_HEADER = ["Item #", "Action", "Owner", "Due Date", "Status"]
CROSS_OPEN = [
    ["1", "Share the draft charter with the review team.", "ICANN Org",
     datetime.date(2018, 9, 20), "In progress"],
    ["2", "Circulate the revised work plan for comments.", "Co-Chairs",
     datetime.date(2018, 9, 27), "Open"],
    ["3", "Draft the scoping note on abuse reporting, with the questions the subgroup raised "
     "on registrar obligations, the data sources to ask for and a timeline for the study.",
     "Denise Michel, Žarko Kecić", datetime.date(2018, 10, 3), "Open"],
    ["4", "Confirm the venue for the face-to-face meeting.", "Staff", None, "Open"],
]
CROSS_DONE_HEADING = "Completed actions"
CROSS_DONE_HEADER = ["Item #", "Action", "Owner", "Completion Date"]
CROSS_DONE = [
    ["5", "Send the meeting notes to the list.", "Laurin Weissinger", datetime.date(2018, 9, 10)],
]


def date_words(value: datetime.date | None) -> str:
    return "TBD" if value is None else f"{value.day} {value:%B %Y}"


def as_text(row: list) -> list[str]:
    return [date_words(v) if isinstance(v, datetime.date) or v is None else str(v) for v in row]


# ---------------------------------------------------------------------------------------------
# The seed's structure: sections (title, then blocks), read from the text as it is laid out.

GLYPHS = re.compile(r"^(?:⊙|\\odot|O|•|◦)\s+")


def read_seed(path: Path) -> list[dict]:
    """Sections of the slides: title, bullets (level, text), paragraphs and tables."""
    sections: list[dict] = []
    chunks = re.split(r"\n\s*\n\s*\n", path.read_text(encoding="utf-8"))
    for chunk in chunks:
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        section: dict = {"title": lines[0].strip(), "blocks": []}
        table: list[list[str]] | None = None
        for line in lines[1:]:
            if "\t" in line:
                cells = [c.strip() for c in line.split("\t")]
                if table is None:
                    table = []
                    section["blocks"].append(("table", table))
                table.append(cells)
                continue
            table = None
            bullet = re.match(r"^(\s*)-\s+(.*)$", line)
            if bullet:
                level = 1 if bullet.group(1) else 0
                section["blocks"].append(("bullet", level, GLYPHS.sub("", bullet.group(2))))
            else:
                section["blocks"].append(("paragraph", line.strip()))
        sections.append(section)
    return sections


# ---------------------------------------------------------------------------------------------
# python-pptx

def pptx_table(slide, rows: list[list[str]], top: float) -> None:
    width = [5.6, 2.2, 1.2] if len(rows[0]) == 3 else [9.0 / len(rows[0])] * len(rows[0])
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.5), Inches(top),
                                   Inches(sum(width)), Inches(0.4 * len(rows)))
    for c, w in enumerate(width):
        shape.table.columns[c].width = Inches(w)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = text
            for p in cell.text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = PptPt(9 if len(text) > 300 else 11)


def write_ssr2_pptx(sections: list[dict], out: Path) -> None:
    prs = pptx.Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    for section in sections:
        tables = [b for b in section["blocks"] if b[0] == "table"]
        title = section["title"]
        if tables:
            # A section slide, then the table under the title written above it.
            above = [b[1] for b in section["blocks"] if b[0] == "paragraph"]
            if above:
                prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = title
                title = above[-1]
        layout = prs.slide_layouts[5 if tables else 1]  # title only / title and content
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = title
        if tables:
            pptx_table(slide, tables[0][1], 1.3)
        else:
            body = slide.placeholders[1].text_frame
            first = True
            for block in section["blocks"]:
                p = body.paragraphs[0] if first else body.add_paragraph()
                first = False
                if block[0] == "bullet":
                    p.text, p.level = block[2], block[1]
                else:
                    p.text = block[1]
        # Speaker notes are not part of the list.
        slide.notes_slide.notes_text_frame.text = "Speaker notes: not an action item."
    prs.save(out)


def write_cross_pptx(out: Path) -> None:
    prs = pptx.Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = CROSS_TITLE
    slide.placeholders[1].text = "Action items"
    for heading, header, rows in ((CROSS_OPEN_HEADING, CROSS_HEADER, CROSS_OPEN),
                                  (CROSS_DONE_HEADING, CROSS_DONE_HEADER, CROSS_DONE)):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = heading
        pptx_table(slide, [header] + [as_text(r) for r in rows], 1.3)
    prs.save(out)


# ---------------------------------------------------------------------------------------------
# python-docx

def docx_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def write_ssr2_docx(sections: list[dict], out: Path) -> None:
    document = docx.Document()
    document.add_heading(sections[0]["title"], level=0)
    for section in sections[1:]:
        document.add_heading(section["title"], level=1)
        for block in section["blocks"]:
            if block[0] == "table":
                docx_table(document, block[1])
            elif block[0] == "bullet":
                style = "List Bullet" if block[1] == 0 else "List Bullet 2"
                document.add_paragraph(block[2], style=style)
            else:
                document.add_paragraph(block[1])
    document.save(out)


def write_cross_docx(out: Path) -> None:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(CROSS_TITLE, level=0)
    for heading, header, rows in ((CROSS_OPEN_HEADING, CROSS_HEADER, CROSS_OPEN),
                                  (CROSS_DONE_HEADING, CROSS_DONE_HEADER, CROSS_DONE)):
        document.add_heading(heading, level=1)
        docx_table(document, [header] + [as_text(r) for r in rows])
        document.add_paragraph("")
    document.save(out)


def write_cross_fpdf(out: Path) -> None:
    """Our list as a PDF written directly (fpdf2, as report generators do), not exported from
    an office document: ruled tables whose cells are centred vertically, so the owner and due
    date of a wrapped action sit between its lines."""
    from fpdf import FPDF  # pip install '.[fixtures]'

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core
    document = FPDF(format="A4")
    document.add_font("DejaVu", fname=str(font))
    document.add_font("DejaVu", style="B", fname=str(font.with_name("DejaVuSans-Bold.ttf")))
    document.add_page()
    document.set_font("DejaVu", style="B", size=16)
    document.cell(0, 12, CROSS_TITLE, new_x="LMARGIN", new_y="NEXT")
    for heading, header, rows, widths in (
        (CROSS_OPEN_HEADING, CROSS_HEADER, CROSS_OPEN, (14, 80, 40, 36, 20)),
        (CROSS_DONE_HEADING, CROSS_DONE_HEADER, CROSS_DONE, (14, 100, 40, 36)),
    ):
        document.set_font("DejaVu", style="B", size=13)
        document.cell(0, 12, heading, new_x="LMARGIN", new_y="NEXT")
        document.set_font("DejaVu", size=9)
        with document.table(
            col_widths=widths, line_height=4.5, text_align="LEFT", v_align="MIDDLE"
        ) as table:
            for row in [header] + [as_text(r) for r in rows]:
                table.row(row)
        document.ln(6)
    document.output(str(out))


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_minutes_docx(out: Path) -> None:
    """Minutes with an "Action Items" list, a merged-cell table, a tracked change, a comment."""
    document = docx.Document()
    document.add_heading("Registration Data Policy Working Group", level=0)
    document.add_paragraph("Minutes of the call of 4 June 2018")
    document.add_heading("Attendees", level=1)
    for name in ("Denise Michel", "Žarko Kecić", "Laurin Weissinger"):
        document.add_paragraph(name, style="List Bullet")
    document.add_heading("Action Items:", level=1)
    document.add_paragraph("ICANN org to share the draft charter with the RT by 11 June.",
                           style="List Bullet")
    document.add_paragraph("Status: in progress", style="List Bullet 2")
    document.add_paragraph("Subgroup members to review the text by Monday 18 June.",
                           style="List Bullet")
    document.add_paragraph("TRACKED-CHANGE-PLACEHOLDER", style="List Bullet")
    document.add_heading("Decisions reached:", level=1)
    document.add_paragraph("The working group agreed to meet every second week.")
    document.add_heading("Schedule", level=1)
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for c, text in enumerate(["Topic", "Lead", "Date"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "Scoping note"
    table.cell(1, 1).text = "Denise Michel"
    table.cell(1, 2).text = "18 June"
    table.cell(2, 0).text = "Data sources"
    table.cell(3, 0).text = "Timeline"
    table.cell(2, 2).text = "25 June"
    table.cell(3, 2).text = "2 July"
    # Lead merged down over rows 2-3 (vMerge); row 1's topic spans nothing; a note row below
    # spans all three columns (gridSpan).
    merged = table.cell(2, 1).merge(table.cell(3, 1))
    merged.text = "Laurin Weissinger"
    note = table.add_row()
    span = note.cells[0].merge(note.cells[2])
    span.text = "Dates are the calls' dates."
    cell_paragraphs = table.cell(1, 0)
    cell_paragraphs.add_paragraph("(first draft circulated)")
    document.save(out)
    # Tracked changes and a comment, as Word writes them: an insertion and a deletion in one
    # paragraph, and a comment reference whose text lives in comments.xml.
    with zipfile.ZipFile(out) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    run = ('<w:r><w:t xml:space="preserve">Staff to provide </w:t></w:r>'
           '<w:del w:id="1" w:author="Editor" w:date="2018-06-05T10:00:00Z"><w:r>'
           '<w:delText>the old language</w:delText></w:r></w:del>'
           '<w:ins w:id="2" w:author="Editor" w:date="2018-06-05T10:00:00Z"><w:r>'
           '<w:t>language used in the past</w:t></w:r></w:ins>'
           '<w:r><w:t xml:space="preserve"> for the statement of work.</w:t></w:r>'
           '<w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/>'
           '<w:r><w:commentReference w:id="0"/></w:r>')
    xml = re.sub(r"<w:r>(?:(?!<w:r>).)*?TRACKED-CHANGE-PLACEHOLDER</w:t></w:r>", run, xml, count=1)
    parts["word/document.xml"] = xml.encode("utf-8")
    parts["word/comments.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
        '<w:comment w:id="0" w:author="Editor"><w:p><w:r><w:t>COMMENT TEXT NOT AN ITEM</w:t>'
        "</w:r></w:p></w:comment></w:comments>").encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        '<Relationship Id="rIdComments1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/comments" Target="comments.xml"/>'
        "</Relationships>")).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        '<Override PartName="/word/comments.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')).encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# ---------------------------------------------------------------------------------------------
# openpyxl

def write_ssr2_xlsx(sections: list[dict], out: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    n = 0
    for section in sections:
        for block in section["blocks"]:
            if block[0] != "table":
                continue
            n += 1
            sheet = book.create_sheet(f"Open {n}")
            # A title above the header, merged over the table's width.
            above = [b[1] for b in section["blocks"] if b[0] == "paragraph"]
            title = above[-1] if above else section["title"]
            sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(block[1][0]))
            for r, row in enumerate(block[1], start=3):
                for c, text in enumerate(row, start=1):
                    sheet.cell(row=r, column=c, value=text)
    book.save(out)


def write_cross_xlsx(out: Path, base1904: bool = False) -> None:
    book = openpyxl.Workbook()
    if base1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Open"
    sheet["B2"] = CROSS_TITLE
    sheet.merge_cells("B2:F2")
    for c, text in enumerate(CROSS_HEADER, start=2):
        sheet.cell(row=4, column=c, value=text)
    for r, row in enumerate(CROSS_OPEN, start=5):
        for c, value in enumerate(row, start=2):
            if c == 2:
                value = int(value)  # item numbers as numbers
            if value is None:
                value = "TBD"
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "d mmm yyyy"
    done = book.create_sheet("Completed")
    for c, text in enumerate(CROSS_DONE_HEADER, start=1):
        done.cell(row=1, column=c, value=text)
    for r, row in enumerate(CROSS_DONE, start=2):
        for c, value in enumerate(row, start=1):
            cell = done.cell(row=r, column=c, value=int(value) if c == 1 else value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    book.save(out)


# ---------------------------------------------------------------------------------------------
# HTML in Confluence's markup (a page saved from the browser: navigation, scripts, macros)

def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def confluence_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th class="confluenceTh"><p><strong>{html_escape(h)}</strong></p></th>'
                   for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="confluenceTd"><p>{html_escape(c)}</p></td>' for c in row)
        + "</tr>" for row in rows)
    return (f'<div class="table-wrap"><table class="wrapped confluenceTable"><colgroup>'
            f'{"<col/>" * len(header)}</colgroup><tbody><tr>{head}</tr>{body}</tbody></table></div>')


def page(title: str, content: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>{html_escape(title)} - SSR2 - Confluence</title>
<script>window.AJS = {{"table": "<table><tr><td>not content</td></tr></table>"}};</script>
<style>.confluenceTable td {{ border: 1px solid #ccc; }}</style></head>
<body id="com-atlassian-confluence" class="theme-default aui-layout">
<div id="page"><header id="header" role="banner"><nav class="aui-header" role="navigation">
<ul class="aui-nav"><li><a href="/">Spaces</a></li><li><a href="/people">People</a></li></ul>
</nav></header>
<div id="main" class="aui-page-panel"><div id="main-header">
<div id="breadcrumb-section"><nav aria-label="Breadcrumbs"><ol id="breadcrumbs">
<li><a href="/display/SSR2">SSR2 Review</a></li><li><a href="/x">Working Documents</a></li>
</ol></nav></div>
<h1 id="title-heading" class="pagetitle with-breadcrumbs"><span id="title-text">{html_escape(title)}</span></h1>
</div>
<div id="content" class="page view"><div id="main-content" class="wiki-content">
{content}
</div></div></div>
<footer id="footer" role="contentinfo"><p>Powered by Atlassian Confluence</p></footer>
</div></body></html>
"""


def write_cross_html(out: Path) -> None:
    content = (f"<h2>{html_escape(CROSS_OPEN_HEADING)}</h2>"
               + confluence_table(CROSS_HEADER, [as_text(r) for r in CROSS_OPEN])
               + f"<h2>{html_escape(CROSS_DONE_HEADING)}</h2>"
               + confluence_table(CROSS_DONE_HEADER, [as_text(r) for r in CROSS_DONE]))
    out.write_text(page(CROSS_TITLE, content), encoding="utf-8")


def write_tracking_html(out: Path) -> None:
    """The "Tracking Tool" page: open and completed tables, ticks, entities, a rowspan."""
    tick = ('<img class="emoticon emoticon-tick" src="/images/icons/emoticons/check.svg" '
            'data-emoticon-name="tick" alt="(tick)">')
    head_open = ["Item #", "Source of Request", "Date of Request", "Action Item Request",
                 "Action Owner", "Request Clarified", "Anticipated Completion Date"]
    open_rows = (
        '<tr><td class="confluenceTd">12</td><td class="confluenceTd" rowspan="2">'
        'Plenary call #23</td><td class="confluenceTd">6 Jun 2018</td>'
        '<td class="confluenceTd"><p>Provide the RT with the list of contracted-party audits '
        '&amp; their findings.</p><p>Include the 2017 round.</p></td>'
        '<td class="confluenceTd">ICANN Org</td>'
        f'<td class="confluenceTd">{tick}</td><td class="confluenceTd">30 Jun 2018</td></tr>'
        '<tr><td class="confluenceTd">13</td><td class="confluenceTd">6 Jun 2018</td>'
        '<td class="confluenceTd">Share the DNS abuse study&rsquo;s methodology&nbsp;note.'
        '</td><td class="confluenceTd">Staff</td><td class="confluenceTd"></td>'
        '<td class="confluenceTd">TBD</td></tr>')
    head_done = head_open + ["Completed Response", "Completion Date"]
    done_rows = (
        '<tr><td class="confluenceTd">9</td><td class="confluenceTd">Plenary call #21</td>'
        '<td class="confluenceTd">16 May 2018</td><td class="confluenceTd">Circulate the '
        'draft terms of reference &ndash; second reading.</td><td class="confluenceTd">'
        'Co-Chairs</td><td class="confluenceTd">' + tick + '</td><td class="confluenceTd">'
        '25 May 2018</td><td class="confluenceTd">Sent to the list.</td>'
        '<td class="confluenceTd">24 May 2018</td></tr>')

    def table(header: list[str], rows: str) -> str:
        th = "".join(f'<th class="confluenceTh">{html_escape(h)}</th>' for h in header)
        return (f'<div class="table-wrap"><table class="confluenceTable"><tbody><tr>{th}</tr>'
                f"{rows}</tbody></table></div>")

    content = ("<p>This page tracks the review team's requests.</p>"
               "<h2>OPEN ACTIONS/REQUESTS</h2>" + table(head_open, open_rows)
               + "<h2>COMPLETED ACTIONS/REQUESTS</h2>" + table(head_done, done_rows)
               + '<h3>Notes</h3><ul><li>Requests come from the plenary calls<ul>'
               + "<li>and from the subgroups</li></ul></li></ul>")
    out.write_text(page("SSR2 Tracking Tool", content), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# LibreOffice

# A conference agenda of our own, in the structure of the ccNSO members meeting grids: a title
# with the event, a draft note, the day, then rows of block, duration, time range, session
# (title, chair with affiliation, presenters, TBC) and engagement level; breaks have no block.
AGENDA_TITLE = "ccNSO Members Meeting \u2022 ICANN68 \u2022 Kuala Lumpur (MY)"
AGENDA_NOTE = "Draft agenda, subject to changes"
AGENDA_DAY = "Tuesday, 23 June 2020"
AGENDA_HEADER = ["Block", "Duration", "Time", "Session", "Engagement level"]
AGENDA_ROWS = [
    ["", "45 min", "09:00 \u2013 09:45",
     "Welcome and introduction Session chair: Alejandra Reynoso (.gt) Opening remarks. "
     "Alejandra Reynoso (.gt)", "1"],
    ["Block 1", "60 min", "09:45 \u2013 10:45",
     "IANA naming function review Session chair: Pierre Bonis (.fr) Update by the review team. "
     "TBC", "2"],
    ["", "", "10:45 \u2013 11:00", "Coffee break", ""],
    ["Block 2", "60 min", "11:00 \u2013 12:00",
     "DNS abuse Session chair: Jordan Carter (.nz) Contributions from two ccTLD managers", "2/3"],
    ["", "", "12:00 \u2013 13:00", "Lunch", ""],
    ["Block 3", "90 min", "13:00 \u2013 14:30",
     "Governance models Session chair: Katrina Sataki (.lv)", "3"],
]


def write_agenda_text(out: Path) -> None:
    # Blank lines between the heading lines: the text reader joins lines without one (as
    # extraction breaks a paragraph).
    lines = [AGENDA_TITLE, "", AGENDA_NOTE, "", AGENDA_DAY, "\t".join(AGENDA_HEADER)]
    lines += ["\t".join(row) for row in AGENDA_ROWS]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_agenda_docx(out: Path) -> None:
    document = docx.Document()
    document.add_paragraph(AGENDA_TITLE, style="Title")
    document.add_paragraph(AGENDA_NOTE)
    document.add_heading(AGENDA_DAY, level=1)
    docx_table(document, [AGENDA_HEADER] + AGENDA_ROWS)
    document.save(out)


def write_agenda_html(out: Path) -> None:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html_escape(c)}</td>" for c in row) + "</tr>" for row in AGENDA_ROWS
    )
    header = "".join(f"<th>{html_escape(c)}</th>" for c in AGENDA_HEADER)
    content = (
        f"<p>{html_escape(AGENDA_NOTE)}</p><h2>{html_escape(AGENDA_DAY)}</h2>"
        f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
    )
    out.write_text(page(AGENDA_TITLE, content), encoding="utf-8")


def soffice(source: Path, target: str, outdir: Path) -> Path:
    """Converts source with LibreOffice headless; returns the written file."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", target, "--outdir", str(outdir), str(source)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    ext = target.split(":")[0]
    return outdir / (source.stem + "." + ext)


def libreoffice_copy(source: Path, out: Path, target: str) -> None:
    """LibreOffice opens source and writes it again in its own way, as out."""
    with tempfile.TemporaryDirectory() as tmp:
        made = soffice(source, target, Path(tmp))
        shutil.move(str(made), out)


def write_encrypted_pdf(source: Path, out: Path) -> None:
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    libreoffice_copy(source, out, options)


def write_scan_pdf(out: Path) -> None:
    """A PDF with a page that is only an image (a scan): no text at all."""
    image = b"\xff\x00" * 50  # a 10x10 grey image, drawn over the page
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
    ]
    content = b"q 500 0 0 700 40 60 cm /Im0 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace "
                   b"/DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n" % len(image)
                   + image + b"\nendstream")
    pdf = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        pdf += b"%010d 00000 n \n" % off
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    out.write_bytes(pdf)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=HERE.parents[1].parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=HERE / "documents")
    parser.add_argument("--only", nargs="*", help="write only these files (names in --out)")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    # The files written from this script's own content alone (--only can name them).
    own = {
        "agenda_icann68.txt": write_agenda_text,
        "agenda_icann68.docx": write_agenda_docx,
        "agenda_icann68.html": write_agenda_html,
        "cross_list_fpdf.pdf": write_cross_fpdf,
    }
    if args.only:
        for name in args.only:
            own[name](out / name)
        return
    for name, write in own.items():
        write(out / name)
    seed = args.seeds / "004_aef3142de91aa82d.txt"
    if not seed.exists():
        seed = HERE.parents[1] / "examples" / "data" / "seeds" / seed.name
    sections = read_seed(seed)

    write_ssr2_pptx(sections, out / "ssr2_slides.pptx")
    write_ssr2_docx(sections, out / "ssr2_slides.docx")
    write_ssr2_xlsx(sections, out / "ssr2_tables.xlsx")
    write_cross_docx(out / "cross_list.docx")
    write_cross_pptx(out / "cross_list.pptx")
    write_cross_xlsx(out / "cross_list.xlsx")
    write_cross_xlsx(out / "cross_list_1904.xlsx", base1904=True)
    write_cross_html(out / "cross_list.html")
    write_minutes_docx(out / "minutes_2018.docx")
    write_tracking_html(out / "tracking_tool.html")

    # LibreOffice's own files, from the same documents.
    libreoffice_copy(out / "ssr2_slides.pptx", out / "ssr2_slides_lo.pptx", "pptx")
    libreoffice_copy(out / "ssr2_slides.docx", out / "ssr2_slides_lo.docx", "docx")
    libreoffice_copy(out / "ssr2_tables.xlsx", out / "ssr2_tables_lo.xlsx", "xlsx")
    libreoffice_copy(out / "cross_list.docx", out / "cross_list_lo.docx", "docx")
    libreoffice_copy(out / "cross_list.xlsx", out / "cross_list_lo.xlsx", "xlsx")
    libreoffice_copy(out / "minutes_2018.docx", out / "minutes_2018_lo.docx", "docx")
    # PDFs exported by LibreOffice.
    libreoffice_copy(out / "ssr2_slides.pptx", out / "ssr2_slides.pdf", "pdf")
    libreoffice_copy(out / "ssr2_slides.docx", out / "ssr2_slides_doc.pdf", "pdf")
    libreoffice_copy(out / "cross_list.docx", out / "cross_list.pdf", "pdf")
    libreoffice_copy(out / "minutes_2018.docx", out / "minutes_2018.pdf", "pdf")

    hostile = out.parent / "hostile"
    hostile.mkdir(exist_ok=True)
    write_encrypted_pdf(out / "cross_list.docx", hostile / "encrypted.pdf")
    write_scan_pdf(hostile / "scan.pdf")


if __name__ == "__main__":
    main()
