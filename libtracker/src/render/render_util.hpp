#pragma once
// What the report renderers share: the report laid out as headings and tables (so every form
// shows the same thing), escaping for each format, and Unicode display widths.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/meeting_pack.hpp"
#include "libtracker/render.hpp"
#include "libtracker/text.hpp"
#include "libtracker/weekly_report.hpp"

namespace libtracker::detail {

// -- the report as a document -------------------------------------------------------------

struct TableCell {
  std::string text;
  /// Numbers are right-aligned.
  bool numeric = false;
};

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<TableCell>> rows;
  /// Per row: the item is overdue (marked in HTML and text).
  std::vector<bool> overdue;
  /// Shown instead of an empty table.
  std::string empty_text = "None.";
};

/// A heading (level 1..3), a paragraph, or a table. page_break: the block starts a new
/// printed page (HTML).
struct Block {
  enum class Kind { heading, paragraph, table } kind = Kind::paragraph;
  int level = 0;
  std::string text;
  Table table;
  bool page_break = false;
  /// The section the block belongs to ("summary", "open", "overdue", ..., "by_owner").
  std::string section;
};

/// The report as the blocks every human-readable renderer shows, in order.
std::vector<Block> report_blocks(const WeeklyReport& report, const RenderOptions& options);
/// The meeting pack as blocks: agenda, previous meeting's actions, open pages (each section
/// starts a printed page).
std::vector<Block> pack_blocks(const MeetingPack& pack, const RenderOptions& options);

/// Blocks as Markdown: what render_markdown writes.
std::string render_blocks_markdown(const std::vector<Block>& blocks);

/// Action, Owner, Due Date, Status (and # with @p ids), overdue rows marked.
Table entries_table(const std::vector<ReportEntry>& entries, bool ids);

/// Blocks as one self-contained HTML document titled @p title (or, with @p fragment, the
/// report's <div> alone), with the report's styles: what render_html writes.
std::string render_blocks_html(const std::vector<Block>& blocks, const std::string& title,
                               bool fragment);
/// Blocks as plain text fitted to @p width columns (at least 40): what render_text writes.
std::string render_blocks_text(const std::vector<Block>& blocks, std::size_t width);

/// The table of a report section (its columns, one row per entry, overdue rows marked).
Table section_table(ReportSection s, const std::vector<ReportEntry>& entries, bool ids);
Block heading_block(int level, std::string text, std::string section, bool page_break = false);
Block paragraph_block(std::string text, std::string section);
Block table_block(Table t, std::string section);

/// "2017-06-20", "TBD" or "".
std::string due_text(const Due& due);
/// "Open", "In progress", "Blocked", "Done", "Cancelled".
std::string state_label(State s);
/// State and status note: "In progress: Draft with RT for review."
std::string status_text(const ActionItem& item);
/// Owners joined with ", ".
std::string owners_text(const ActionItem& item);

// -- escaping -----------------------------------------------------------------------------

/// & < > " ' as character references.
std::string html_escape(std::string_view text);
/// A Markdown table cell or heading: backslash-escapes Markdown punctuation (| \ ` * _ [ ] ~),
/// writes < > & as character references, escapes characters that would start a block at the
/// beginning, and turns line breaks into <br> (cells) or spaces (headings).
std::string markdown_escape(std::string_view text, bool in_table = true);
/// Control characters (line breaks, tabs) as single spaces; invalid UTF-8 as U+FFFD.
std::string one_line(std::string_view text);

// -- display width --------------------------------------------------------------------------

/// 0 for combining and zero-width characters, 2 for East Asian wide and emoji, else 1.
int code_point_width(char32_t c) noexcept;
/// @p text cut to at most @p width columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, std::size_t width);
/// @p text cut to @p width columns and padded with spaces (on the left when @p right_align).
std::string fit(std::string_view text, std::size_t width, bool right_align = false);

}  // namespace libtracker::detail
