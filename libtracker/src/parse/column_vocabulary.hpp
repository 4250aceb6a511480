#pragma once
// The one vocabulary of table headers, shared by every tabular import: CSV files, tables in
// minutes and slides, and the tables of document formats (private to the library).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace libtracker::detail {

/// What a table column holds. `blank` is a column with an empty header, where extraction
/// often puts the value of the column before it; `unknown` is a header that names nothing
/// the tracker keeps.
enum class Column {
  unknown,
  blank,
  ref,      // item number: "Item #", "No.", "ID", "Ref"
  action,   // the item's text: "Action", "Action Item Request", "Task"
  details,  // longer text: "Details", "Background"
  owner,    // "Owner", "Action Owner", "Assigned to", "Who"
  due,      // "Due Date", "Deadline", "Anticipated Completion Date", "By when"
  status,   // read for a state: "Status", "Progress", "Complete", "Done"
  notes,    // kept as the status note: "Notes", "Progress Notes", "Completed Response"
  created,  // "Date of Request", "Date raised", "Opened", "Mtg date"
  closed,   // "Completion Date", "Date completed", "Closed on"
  source,   // "Source of Request", "Meeting", "Mtg": a "source:" tag
  tags,     // "Category", "Tags", "Labels"
  impact,   // "Impact (H/M/L)", "Priority"
  effort,   // "Effort", "How do you rate level of effort?"
};

/// The name of @p column, for messages ("owner", "due date").
std::string_view column_name(Column column) noexcept;

/// A header cell's best reading: the column, and how well the header's words matched
/// (0 for unknown and blank; an exact synonym scores above a synonym found among more words).
struct HeaderMatch {
  Column column = Column::unknown;
  int score = 0;
};

/// Reads one header cell, whatever its case, punctuation or word order: the synonym that
/// covers most of its words wins ("Action Item Request" is the action, "Action Item No." the
/// item number, "Anticipated Completion Date" the due date, "Date of Request" the created
/// date).
HeaderMatch match_header(std::string_view header);

/// A header row read as columns. Each single-valued column (ref, action, owner, due,
/// status, created, closed, impact, effort) goes to the cell that matches it best; the other
/// cells that named it are unknown. "Item" is the action only when no other cell is.
struct HeaderColumns {
  std::vector<Column> columns;
  /// The header cells that name nothing the tracker keeps, as written (blank ones excluded).
  std::vector<std::string> unknown;

  /// The index of @p column, or npos.
  std::size_t find(Column column) const noexcept;
  bool has(Column column) const noexcept { return find(column) != npos; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

HeaderColumns read_header(const std::vector<std::string>& cells);

/// True when @p header reads as the header of an action list: an action column and one more
/// column about items (owner, due, status, ref, notes, dates), or a statement rated for
/// both impact and effort. Other tables (agendas, attendance) are not action lists.
bool is_action_header(const HeaderColumns& header) noexcept;

}  // namespace libtracker::detail
