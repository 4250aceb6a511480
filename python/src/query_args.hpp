#pragma once
// find()/count()/to_dataframe() arguments: a filter string in the CLI's language and keyword
// filters, read while the GIL is held and turned into one Query once the store is ours.

#include <pybind11/pybind11.h>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "libtracker/query.hpp"
#include "libtracker/store.hpp"

namespace libtracker::python {

namespace py = pybind11;

/// A date given as a datetime.date or as text ("2017-07-01", "end of June") read against today.
using DateArg = std::variant<std::monostate, boost::gregorian::date, std::string>;

class QueryArgs {
 public:
  /// @throw py::type_error for an unknown keyword or a value of the wrong type.
  QueryArgs(const py::object& filter, const py::kwargs& kwargs);
  /// The filter parsed with parse_filter, then the keywords: lists extend, others override.
  /// @throw ParseError for a bad filter or date text.
  Query resolve(const Store& store) const;

 private:
  std::optional<std::string> filter_;
  std::vector<State> states_;
  std::vector<std::string> owners_;
  std::vector<std::string> tags_;
  std::optional<bool> open_, closed_, through_groups_, overdue_, tbd_, no_due_date_, descending_;
  DateArg due_before_, due_after_, created_from_, created_to_, closed_from_, closed_to_,
      changed_from_, changed_to_, as_of_;
  std::optional<MeetingId> meeting_;
  std::optional<std::string> text_;
  std::optional<OrderBy> order_by_;
  std::optional<std::size_t> limit_;
  std::optional<std::size_t> offset_;
};

/// The keyword names find() accepts, for error messages and the stubs.
const std::vector<std::string>& query_keywords();

}  // namespace libtracker::python
