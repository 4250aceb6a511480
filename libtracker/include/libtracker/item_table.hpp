#pragma once
/// @file item_table.hpp
/// Items as columns, for data frames: numbers and dates without a per-row object.

#include <cstdint>
#include <string>
#include <vector>

namespace libtracker {

/// Column form of a query result. Dates are days since 1970-01-01; missing dates are
/// ItemTable::no_date. Owners and tags are joined with "; ".
struct ItemTable {
  static constexpr std::int64_t no_date = INT64_MIN;

  std::vector<std::int64_t> id;
  std::vector<std::string> text;
  std::vector<std::string> details;
  std::vector<std::string> owners;
  /// Due date, or no_date for TBD and none.
  std::vector<std::int64_t> due;
  /// Due as text: ISO date, "TBD" or "".
  std::vector<std::string> due_text;
  /// State as its index in all_states.
  std::vector<std::int8_t> state;
  std::vector<std::string> status_note;
  std::vector<std::string> tags;
  /// Meeting id, or -1.
  std::vector<std::int64_t> meeting;
  /// Rating index (low=0, medium=1, high=2), or -1.
  std::vector<std::int8_t> impact;
  std::vector<std::int8_t> effort;
  std::vector<std::int64_t> created;
  std::vector<std::int64_t> closed;
  std::vector<std::int64_t> version;

  std::size_t size() const noexcept { return id.size(); }
  /// Reserves room for @p rows rows in every column.
  void reserve(std::size_t rows);
};

}  // namespace libtracker
