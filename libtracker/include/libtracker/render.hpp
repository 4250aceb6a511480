#pragma once
/// @file render.hpp
/// Renderers of a WeeklyReport: one report value, several forms. Every renderer escapes user
/// text for its format; none of them computes anything.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/meeting_pack.hpp"
#include "libtracker/reminders.hpp"
#include "libtracker/report_layout.hpp"
#include "libtracker/text.hpp"
#include "libtracker/weekly_report.hpp"

namespace libtracker {

/// The forms a report can take.
enum class ReportFormat { text, markdown, html, csv, json };

/// "text", "markdown", "html", "csv", "json".
std::string_view to_string(ReportFormat f) noexcept;
/// Reads a format name: "text"/"txt", "markdown"/"md", "html"/"htm", "csv", "json"
/// (case-insensitive). @throw ParseError for others.
ReportFormat report_format_from_string(std::string_view name);

/// How a report is rendered; each option says which forms it applies to.
struct RenderOptions {
  /// Grouping and pages of the open table (Markdown, HTML, text).
  ReportLayout layout;
  /// Text: the width of the terminal in columns; tables are fitted into it.
  std::size_t width = 100;
  /// Markdown, HTML, text: an item-number column in the tables.
  bool show_ids = false;
  /// JSON: spaces per indent level; negative for one line.
  int json_indent = 2;
  /// HTML: a <div> with its own scoped styles instead of a whole document, to embed in a page
  /// (Jupyter's rich display).
  bool html_fragment = false;
};

/// Markdown with pipe tables: a summary, the paged open table, each section and per-owner counts.
std::string render_markdown(const WeeklyReport& report, const RenderOptions& options = {});

/// One self-contained HTML document (inline CSS, no external resources) that reads well in a
/// browser and prints on A4; overdue rows have class="overdue". Every style is scoped to the
/// report's <div class="libtracker-report">, so options.html_fragment embeds it in a page.
std::string render_html(const WeeklyReport& report, const RenderOptions& options = {});

/// RFC 4180 CSV (CRLF line ends), one row per item per section:
/// section,id,text,owners,due,state,status_note,created,closed,days_overdue,old_due,new_due.
/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
std::string render_csv(const WeeklyReport& report, const RenderOptions& options = {});

/// The JSON form: {"as_of", "period_start", "period_end", "period_days", "counts": {...,
/// "by_owner": [...]}, "sections": {"open": [...], ...}}; each entry is the item's to_dict()
/// plus "overdue", and "days_overdue" (overdue section) or "old_due"/"new_due" (slipped).
std::string render_json(const WeeklyReport& report, const RenderOptions& options = {});

/// Plain text for a terminal: columns sized by display width (wide CJK characters count two,
/// combining marks none), cut with an ellipsis to fit options.width.
std::string render_text(const WeeklyReport& report, const RenderOptions& options = {});

/// The report in @p format.
std::string render(const WeeklyReport& report, ReportFormat format,
                   const RenderOptions& options = {});

/// One person's reminder as plain text: a heading, the counts, the due-soon window and a table
/// per non-empty section (overdue, due soon, no date, later, closed), as render_text lays
/// tables out (options.width, options.show_ids).
std::string render_reminder_text(const Reminders& reminders, const Reminder& reminder,
                                 const RenderOptions& options = {});

/// The same reminder as an HTML document with the weekly report's styles (options.html_fragment
/// for the <div> alone); user text is escaped.
std::string render_reminder_html(const Reminders& reminders, const Reminder& reminder,
                                 const RenderOptions& options = {});

/// The meeting pack as Markdown: the agenda, the previous meeting's actions and the open pages,
/// as the weekly report's Markdown writes headings and tables.
std::string render_markdown(const MeetingPack& pack, const RenderOptions& options = {});
/// The meeting pack as one HTML document with the report's styles, each section (agenda,
/// previous actions, each open page) on its own printed page.
std::string render_html(const MeetingPack& pack, const RenderOptions& options = {});
/// The meeting pack as RFC 4180 CSV, one row per agenda item and per action:
/// section,page,number,text,owners,due,state,status_note,time,overdue (sections agenda,
/// previous, open).
std::string render_csv(const MeetingPack& pack, const RenderOptions& options = {});
/// The meeting pack as JSON: {"as_of", "meeting" (with its agenda), "previous",
/// "previous_actions", "open_pages": [{"title", "number", "page_count", "items"}], "counts"}.
std::string render_json(const MeetingPack& pack, const RenderOptions& options = {});
/// The meeting pack as plain text for a terminal, laid out as render_text lays out the report.
std::string render_text(const MeetingPack& pack, const RenderOptions& options = {});
/// The pack in @p format.
std::string render(const MeetingPack& pack, ReportFormat format, const RenderOptions& options = {});

/// Items as a terminal table (ID, Action, Owner, Due Date, Status) fitted to @p width columns;
/// rows of items overdue on @p today are marked with "!".
std::string render_items_text(const std::vector<ActionItem>& items, boost::gregorian::date today,
                              std::size_t width = 100);

}  // namespace libtracker
