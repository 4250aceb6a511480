#pragma once
// Python forms of libtracker values that have no one-to-one Python type: a due date
// (datetime.date, "TBD" or None) and an item as a dict (its JSON form).

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/meeting.hpp"
#include "libtracker/store.hpp"

namespace libtracker::python {

namespace py = pybind11;

/// A time of day as datetime.time, or None.
py::object time_to_python(const std::optional<TimeOfDay>& t);
/// datetime.time, "HH:MM" or None. @throw py::type_error for anything else.
std::optional<TimeOfDay> time_from_python(py::handle value);

/// datetime.date, "TBD", or None.
py::object due_to_python(const Due& due);

/// A due date given without a reference day: datetime.date, None, or text in the canonical
/// form ("2017-06-20", "TBD", ""). @throw ParseError for other text; py::type_error.
Due due_from_canonical(py::handle value);

/// A due date given to Tracker.add/update: read now, while the GIL is held, and resolved
/// against the store's today once the store is ours (so "30 May" and "ICANN59" work).
class DueArg {
 public:
  DueArg() = default;
  /// @throw py::type_error for anything but a date, a string or None.
  explicit DueArg(py::handle value);
  /// @throw ParseError for text that is not a due date.
  Due resolve(const Store& store) const;

 private:
  Due due_;
  std::optional<std::string> text_;
};

/// Owners given as a list of names, or as one string in the minutes' form
/// ("Co-Chairs, James Gannon") split with parse_owners against the store's owner names.
class OwnersArg {
 public:
  OwnersArg() = default;
  /// @throw py::type_error for anything but a string, a sequence of strings or None.
  explicit OwnersArg(py::handle value);
  std::vector<std::string> resolve(const Store& store) const;

 private:
  std::vector<std::string> names_;
  std::optional<std::string> text_;
};

/// Tags: one string (one tag) or a sequence of strings; None for none.
std::vector<std::string> tags_from_python(py::handle value);

/// A meeting id from an int, a Meeting, or None.
std::optional<MeetingId> meeting_from_python(py::handle value);

/// The item's to_dict() form; the same keys and values as the CLI's JSON output.
py::dict item_to_dict(const ActionItem& item);

/// Items (an iterable of ActionItem) as one HTML table, the _repr_html_ of an item, a list of
/// items and parsed minutes: libtracker._html.items_html, one renderer for all of them.
py::str items_html(const py::handle& items);

}  // namespace libtracker::python
