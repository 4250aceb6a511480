"""The meeting pack as PowerPoint slides (python-pptx): a title slide, one slide per agenda
section, the previous meeting's actions, and one "Review Open Action Items (k of N)" slide per
page of open items, overdue rows in red."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._core import MeetingPack

__all__ = ["write_pack"]

_OVERDUE_RGB = (0xB0, 0x00, 0x20)


def _import_pptx() -> Any:
    try:
        import pptx
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "MeetingPack.to_pptx needs python-pptx: pip install 'libtracker[pptx]'"
        ) from e
    return pptx


def _due(item: Any) -> str:
    due = item.due
    if due is None:
        return ""
    return due if isinstance(due, str) else due.isoformat()


def _people(people: Any) -> str:
    return ", ".join(f"{p.name} ({p.affiliation})" if p.affiliation else p.name for p in people)


def _table(slide: Any, pptx: Any, rows: list[tuple[list[str], bool]], headers: list[str]) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_table(
        len(rows) + 1, len(headers), Inches(0.4), Inches(1.4), Inches(9.2), Inches(0.4)
    )
    table = shape.table
    widths = [5.4, 2.4, 1.4][: len(headers)]
    for c, w in enumerate(widths):
        table.columns[c].width = Inches(w)
    for c, h in enumerate(headers):
        table.cell(0, c).text = h
    for r, (cells, overdue) in enumerate(rows, start=1):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(10)
                    if overdue:
                        run.font.color.rgb = RGBColor(*_OVERDUE_RGB)


def write_pack(pack: MeetingPack, path: str | os.PathLike[str]) -> str:
    """Writes @p pack to path as a .pptx deck; returns the path."""
    pptx = _import_pptx()
    from pptx.util import Pt

    deck = pptx.Presentation()
    title_layout, content_layout, title_only = (
        deck.slide_layouts[0],
        deck.slide_layouts[1],
        deck.slide_layouts[5],
    )
    meeting = pack.meeting
    slide = deck.slides.add_slide(title_layout)
    slide.shapes.title.text = meeting.title
    subtitle = [meeting.date.isoformat() if meeting.date else ""]
    if meeting.place:
        subtitle.append(meeting.place)
    slide.placeholders[1].text = "\n".join(s for s in subtitle if s)

    # The agenda, then one slide per section with its points.
    slide = deck.slides.add_slide(content_layout)
    slide.shapes.title.text = "Agenda"
    body = slide.placeholders[1].text_frame
    body.text = ""
    for n, a in enumerate(meeting.agenda):
        p = body.paragraphs[0] if n == 0 else body.add_paragraph()
        when = f"{a.start:%H:%M}-{a.end:%H:%M} " if a.start and a.end else ""
        p.text = f"{when}{a.title}"
        p.font.size = Pt(14 if len(meeting.agenda) > 8 else 18)
    for a in meeting.agenda:
        if a.kind == "break":
            continue
        slide = deck.slides.add_slide(content_layout)
        slide.shapes.title.text = a.title
        body = slide.placeholders[1].text_frame
        lines = []
        if a.start and a.end:
            lines.append(f"{a.start:%H:%M}-{a.end:%H:%M}")
        if a.chairs:
            lines.append("Chair: " + _people(a.chairs))
        if a.presenters:
            lines.append("Presenters: " + _people(a.presenters))
        lines.extend(line for line in a.notes.split("\n") if line)
        body.text = lines[0] if lines else ""
        for line in lines[1:]:
            body.add_paragraph().text = line

    headers = ["Action", "Owner", "Due Date"]
    if pack.previous is not None:
        slide = deck.slides.add_slide(title_only)
        slide.shapes.title.text = f"Actions from the previous meeting ({pack.previous.date})"
        rows = [
            ([i.text, ", ".join(i.owners), f"{_due(i)} ({i.state.value})"], False)
            for i in pack.previous_actions
        ]
        if rows:
            _table(slide, pptx, rows, headers)
    for title, entries in pack.pages:
        slide = deck.slides.add_slide(title_only)
        slide.shapes.title.text = title
        rows = [([i.text, ", ".join(i.owners), _due(i)], overdue) for i, overdue in entries]
        if rows:
            _table(slide, pptx, rows, headers)
    deck.save(os.fspath(path))
    return os.fspath(path)
