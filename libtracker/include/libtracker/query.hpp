#pragma once
/// @file query.hpp
/// Which items to find: every filter is optional and they combine with AND.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "libtracker/action_item.hpp"

namespace libtracker {

/// A date range; either end may be open. Both ends are inclusive.
struct DateRange {
  /// The first day in the range; unset: no lower bound.
  std::optional<boost::gregorian::date> from;
  /// The last day in the range; unset: no upper bound.
  std::optional<boost::gregorian::date> to;
};

/// The order Store::find returns items in; ties go by id. due: dated items by date, then TBD,
/// then none; closed: closed items by closed day, open items last; changed: by the latest
/// change in history.
enum class OrderBy { id, due, created, closed, changed };

/// Which items Store::find and Store::count take, and in what order. A default Query takes
/// every item, by id.
struct Query {
  /// Any of these states (empty: any state).
  std::vector<State> states;
  /// Only open items (open, in_progress, blocked).
  bool open = false;
  /// Only closed items (done, cancelled).
  bool closed = false;
  /// Owned by any of these (names, case-insensitive).
  std::vector<std::string> owners;
  /// Also match items owned by a group that an owner above belongs to.
  bool through_groups = false;
  /// Due strictly before / strictly after a date (items without a date never match).
  std::optional<boost::gregorian::date> due_before;
  std::optional<boost::gregorian::date> due_after;
  /// Open with a due date before the "as of" day (as_of, else the store's today).
  bool overdue = false;
  /// Explicitly TBD.
  bool tbd = false;
  /// TBD or no due date at all.
  bool no_due_date = false;
  /// Carrying every one of these tags.
  std::vector<std::string> tags;
  /// Linked to this meeting.
  std::optional<MeetingId> meeting;
  /// Full-text search over text and details (words; all must match).
  std::string text;
  /// Created in this range.
  DateRange created;
  /// Closed in this range.
  DateRange closed_in;
  /// Changed (any history event) in this range.
  DateRange changed;
  /// The day "overdue" is judged on; unset means the store's today.
  std::optional<boost::gregorian::date> as_of;

  /// The order of the results.
  OrderBy order_by = OrderBy::id;
  /// Reverses order_by (and the ties).
  bool descending = false;
  /// At most this many items; unset: all.
  std::optional<std::size_t> limit;
  /// Skips this many items first (with limit, for pages of results).
  std::size_t offset = 0;
};

}  // namespace libtracker
