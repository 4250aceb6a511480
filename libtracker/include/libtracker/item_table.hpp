#pragma once
/// @file item_table.hpp
/// Items as columns, for data frames: numbers and dates without a per-row object.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libtracker {

/// A column of texts, stored end to end in one buffer: a million rows are one allocation, not
/// a million. Reads like a vector of strings (`column[row]`, `size()`).
class TextColumn {
 public:
  /// The number of rows.
  std::size_t size() const noexcept { return ends_.size(); }
  /// True when there are no rows.
  bool empty() const noexcept { return ends_.empty(); }
  /// The text of @p row (< size()); valid until the column is changed.
  std::string_view operator[](std::size_t row) const noexcept {
    const std::size_t begin = row == 0 ? 0 : ends_[row - 1];
    return std::string_view(chars_).substr(begin, ends_[row] - begin);
  }
  /// Appends a row holding @p text.
  void push_back(std::string_view text) {
    chars_.append(text);
    ends_.push_back(chars_.size());
  }
  /// Reserves room for @p rows rows of @p chars bytes in all.
  void reserve(std::size_t rows, std::size_t chars = 0) {
    ends_.reserve(rows);
    chars_.reserve(chars);
  }

 private:
  std::string chars_;
  std::vector<std::size_t> ends_;
};

/// Column form of a query result. Dates are days since 1970-01-01; missing dates are
/// ItemTable::no_date. Owners and tags are joined with "; ".
struct ItemTable {
  /// A missing date (numpy's NaT, so a data frame reads it as one).
  static constexpr std::int64_t no_date = INT64_MIN;

  /// One entry per row in each column, as in ActionItem.
  std::vector<std::int64_t> id;
  TextColumn text;
  TextColumn details;
  /// Owners joined with "; ".
  TextColumn owners;
  /// Due date, or no_date for TBD and none.
  std::vector<std::int64_t> due;
  /// Due as text: ISO date, "TBD" or "".
  TextColumn due_text;
  /// State as its index in all_states.
  std::vector<std::int8_t> state;
  TextColumn status_note;
  /// Tags joined with "; ".
  TextColumn tags;
  /// Meeting id, or -1.
  std::vector<std::int64_t> meeting;
  /// Rating index (low=0, medium=1, high=2), or -1.
  std::vector<std::int8_t> impact;
  std::vector<std::int8_t> effort;
  /// Created day.
  std::vector<std::int64_t> created;
  /// Closed day, or no_date while open.
  std::vector<std::int64_t> closed;
  std::vector<std::int64_t> version;

  /// The number of rows.
  std::size_t size() const noexcept { return id.size(); }
  /// Reserves room for @p rows rows in every column.
  void reserve(std::size_t rows);
};

}  // namespace libtracker
