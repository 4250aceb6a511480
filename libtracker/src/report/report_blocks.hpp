#pragma once
// The report laid out as headings, paragraphs and tables, in the order every human-readable
// form shows them, so that Markdown, HTML and text cannot disagree on what a report contains
// (private to the library).

#include <cstddef>
#include <string>
#include <vector>

#include "libtracker/render.hpp"
#include "libtracker/weekly_report.hpp"

namespace libtracker::detail {

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

/// The table of a report section (its columns, one row per entry, overdue rows marked).
Table section_table(ReportSection s, const std::vector<ReportEntry>& entries, bool ids);
/// Action, Owner, Due Date, Status (and # with @p ids), overdue rows marked.
Table entries_table(const std::vector<ReportEntry>& entries, bool ids);
/// Single blocks, for layouts built from the report's pieces (reminders, the meeting pack).
Block heading_block(int level, std::string text, std::string section, bool page_break = false);
Block paragraph_block(std::string text, std::string section);
Block table_block(Table t, std::string section);
/// "1 day", "7 days": @p n with the word for one or for many.
std::string count_text(std::size_t n, const char* one, const char* many);

}  // namespace libtracker::detail
