#pragma once
/// @file report_layout.hpp
/// The open table of a weekly report or a meeting pack laid out for reading: grouped by owner
/// or by state and cut into pages ("Review Open Action Items (1 of 3)"). Layout only: it never
/// changes what a section contains.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/weekly_report.hpp"

namespace libtracker {

/// How the open table is grouped: not at all, by owner (an item appears under each of its
/// owners), or by state (open, in_progress, blocked).
enum class GroupBy { none, owner, state };

/// "none", "owner", "state".
std::string_view to_string(GroupBy g) noexcept;
/// Reads "none", "owner" or "state" (case-insensitive). @throw ParseError for others.
GroupBy group_by_from_string(std::string_view text);

/// How the open table is laid out in pages.
struct ReportLayout {
  /// What the rows are grouped by; none: one run of rows in due order.
  GroupBy group_by = GroupBy::none;
  /// Rows per page; 0 puts every row on one page.
  std::size_t page_size = 0;
  /// The title of each page; " (N of M)" is added when there is more than one page.
  std::string title = "Review Open Action Items";
};

/// A run of rows under one group heading. A group split across pages continues on the next
/// page with `continued` set.
struct ReportGroup {
  /// Owner name or state name ("in_progress"); empty when not grouped or for items without owners.
  std::string key;
  /// The group started on an earlier page.
  bool continued = false;
  /// The group's rows on this page, in the open section's order.
  std::vector<ReportEntry> rows;
};

/// One page of the open table.
struct ReportPage {
  /// "Review Open Action Items (1 of 3)", or the bare title for a single page.
  std::string title;
  /// 1-based page number.
  std::size_t number = 1;
  /// The number of pages.
  std::size_t page_count = 1;
  /// The page's groups, in order; empty when nothing is open.
  std::vector<ReportGroup> groups;
};

/// Splits the open section of @p report into pages of layout.page_size rows, grouped as asked.
/// Always returns at least one page (with no groups when nothing is open).
std::vector<ReportPage> paginate(const WeeklyReport& report, const ReportLayout& layout = {});

/// How the open items are laid out in pages, as on the slides: at most page_size rows and at
/// most page_lines lines of text (a row takes one line per line_width columns of its action
/// and details, at least one), so a long action takes most of a page.
struct PackLayout {
  /// Rows per page at most; 0: no limit.
  std::size_t page_size = 10;
  /// Lines of text per page at most; 0: no limit. A longer row takes a page of its own.
  std::size_t page_lines = 40;
  /// Columns per line when a row's lines are counted.
  std::size_t line_width = 80;
  /// The title of each page; " (N of M)" is added when there is more than one page.
  std::string title = "Review Open Action Items";
};

/// Splits @p entries into pages as @p layout says; at least one page.
std::vector<ReportPage> paginate_entries(const std::vector<ReportEntry>& entries,
                                         const PackLayout& layout);

}  // namespace libtracker
