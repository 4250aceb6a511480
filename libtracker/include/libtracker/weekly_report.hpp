#pragma once
/// @file weekly_report.hpp
/// The weekly status report: computed once, as data, from a store and its history, for any
/// day (a past day gives exactly what the report said then). Its open table is laid out in
/// pages by report_layout.hpp; renderers are in render.hpp.

#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/meeting.hpp"

namespace libtracker {

class Store;

/// The sections of a weekly report, in the order they are shown.
enum class ReportSection { open, overdue, upcoming, no_due_date, new_items, completed, slipped };

/// Every section, in report order.
inline constexpr std::array<ReportSection, 7> all_report_sections{
    ReportSection::open,        ReportSection::overdue,   ReportSection::upcoming,
    ReportSection::no_due_date, ReportSection::new_items, ReportSection::completed,
    ReportSection::slipped};

/// The section's key in the JSON form: "open", "overdue", "upcoming", "no_due_date", "new",
/// "completed", "slipped".
std::string_view to_string(ReportSection s) noexcept;
/// The section's heading: "Open", "Overdue", "Due this period", "No due date", "New",
/// "Completed", "Slipped".
std::string_view title(ReportSection s) noexcept;

/// One row of a section: the item as it was on the report day, with the section's own fields.
struct ReportEntry {
  /// The item as it was on the report day.
  ActionItem item;
  /// Open with a due date before the report day (true in every section it applies to).
  bool overdue = false;
  /// as_of - due when overdue, else 0.
  int days_overdue = 0;
  /// Slipped entries: the due date before the first move in the period, and the one at as_of.
  std::optional<boost::gregorian::date> old_due;
  /// Slipped entries: the due date at as_of.
  std::optional<boost::gregorian::date> new_due;
};

/// How many entries each section has.
struct ReportCounts {
  /// One count per section, named as WeeklyReport's members.
  std::size_t open = 0;
  std::size_t overdue = 0;
  std::size_t upcoming = 0;
  std::size_t no_due_date = 0;
  std::size_t new_items = 0;
  std::size_t completed = 0;
  std::size_t slipped = 0;

  /// The count of @p s.
  std::size_t of(ReportSection s) const noexcept;
  /// Equal when every section has the same count.
  friend bool operator==(const ReportCounts& a, const ReportCounts& b) noexcept;
  /// Some section has another count.
  friend bool operator!=(const ReportCounts& a, const ReportCounts& b) noexcept {
    return !(a == b);
  }
};

/// The counts of one owner's items. An item with two owners counts for both.
struct OwnerCounts {
  /// The owner's name; empty for items that have no owner.
  std::string owner;
  /// How many of the owner's items each section has.
  ReportCounts counts;
};

/// A weekly status report: every section as of the report day.
struct WeeklyReport {
  /// The report day: "today" for the report.
  boost::gregorian::date as_of{boost::date_time::not_a_date_time};
  /// The period is the period_days days ending on as_of: period_start .. period_end (= as_of).
  boost::gregorian::date period_start{boost::date_time::not_a_date_time};
  boost::gregorian::date period_end{boost::date_time::not_a_date_time};
  int period_days = 7;

  /// Every item not closed, by due date (dated first, then TBD, then none; ties by id).
  std::vector<ReportEntry> open;
  /// Open with a due date before as_of, in due order; days_overdue is set.
  std::vector<ReportEntry> overdue;
  /// Open and due from as_of to as_of + period_days - 1, in due order.
  std::vector<ReportEntry> upcoming;
  /// Open, TBD or without a due date (TBD first), by id.
  std::vector<ReportEntry> no_due_date;
  /// Created in the period and still existing at as_of, by created date then id.
  std::vector<ReportEntry> new_items;
  /// Closed (done or cancelled) in the period and still closed at as_of, by closed date then id.
  std::vector<ReportEntry> completed;
  /// Open items whose due date is later at as_of than before its first change in the period
  /// (both calendar dates), in due order; old_due and new_due are set.
  std::vector<ReportEntry> slipped;

  /// The number of entries of each section.
  ReportCounts counts;
  /// Per owner (names compared case-insensitively), by name; items without owners last.
  std::vector<OwnerCounts> by_owner;

  /// The first meeting on or after as_of (of any series), with its agenda; none when the
  /// store has no such meeting.
  std::optional<Meeting> next_meeting;

  /// The entries of section @p s.
  const std::vector<ReportEntry>& section(ReportSection s) const noexcept;
};

/// Computes the weekly report of @p store for @p as_of over the @p period_days days ending
/// on it. Past days are rebuilt from history, so later changes never leak into the report.
/// @throw InvalidArgumentError when @p as_of is not a calendar date or @p period_days < 1;
/// StorageError.
WeeklyReport weekly_report(const Store& store, boost::gregorian::date as_of, int period_days = 7);

}  // namespace libtracker
