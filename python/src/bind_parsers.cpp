// The text parsers: due dates, dates, owner lists, statuses, and action items in minutes.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "bindings.hpp"
#include "casters.hpp"
#include "libtracker/date_parser.hpp"
#include "libtracker/minutes_parser.hpp"
#include "libtracker/owner_parser.hpp"
#include "libtracker/status_parser.hpp"
#include "values.hpp"

namespace libtracker::python {

namespace {

/// The reference day: the one given, else today in UTC (never the local time zone).
boost::gregorian::date reference_or_today(const std::optional<boost::gregorian::date>& reference) {
  return reference ? *reference : boost::gregorian::day_clock::universal_day();
}

DateOptions date_options(bool day_first) {
  DateOptions options;
  options.day_first = day_first;
  return options;
}

py::list skipped_lines(const std::vector<SkippedLine>& skipped) {
  py::list out;
  for (const auto& s : skipped) out.append(py::make_tuple(s.line, s.text, s.reason));
  return out;
}

}  // namespace

py::list skipped_to_python(const std::vector<SkippedLine>& skipped) {
  return skipped_lines(skipped);
}

void bind_parsers(py::module_& m) {
  using namespace pybind11::literals;

  m.def(
      "parse_due",
      [](const std::string& text, std::optional<boost::gregorian::date> reference, bool day_first) {
        const Due due = [&] {
          py::gil_scoped_release nogil;
          return parse_due(text, reference_or_today(reference), date_options(day_first));
        }();
        return due_to_python(due);
      },
      "text"_a, "reference"_a = py::none(), py::kw_only(), "day_first"_a = false,
      "A due date as people write it (\"30 May\", \"TBD\", \"end of June\"), read against "
      "reference (default: today, UTC): a datetime.date, \"TBD\", or None for empty text.");
  m.def(
      "parse_date",
      [](const std::string& text, std::optional<boost::gregorian::date> reference, bool day_first) {
        py::gil_scoped_release nogil;
        return parse_date(text, reference_or_today(reference), date_options(day_first));
      },
      "text"_a, "reference"_a = py::none(), py::kw_only(), "day_first"_a = false,
      "Like parse_due, but a calendar date is required.");
  m.def(
      "parse_owners",
      [](const std::string& text, const std::vector<std::string>& known) {
        py::gil_scoped_release nogil;
        return parse_owners(text, known);
      },
      "text"_a, "known"_a = std::vector<std::string>{},
      "Splits an owner list (\"Co-Chairs, James Gannon and ICANN Org\") into names.");
  m.def(
      "parse_status",
      [](const std::string& text) {
        const ParsedStatus status = [&] {
          py::gil_scoped_release nogil;
          return parse_status(text);
        }();
        return std::make_pair(status.state, status.note);
      },
      "text"_a, "Status text (\"Waiting on Legal\") as a (State, note) pair.");

  py::class_<ParsedMinutes>(m, "ParsedMinutes", "Action items found in minutes, and skipped lines.")
      .def_readonly("items", &ParsedMinutes::items, "Unsaved items (id 0).")
      .def_readonly("lines", &ParsedMinutes::lines, "The line each item starts on (1-based).")
      .def_property_readonly(
          "skipped", [](const ParsedMinutes& p) { return skipped_lines(p.skipped); },
          "(line, text, reason) for each line that looked like an action but was not taken.")
      .def("__len__", [](const ParsedMinutes& p) { return p.items.size(); })
      .def("__repr__", [](const ParsedMinutes& p) {
        return "ParsedMinutes(" + std::to_string(p.items.size()) + " items, " +
               std::to_string(p.skipped.size()) + " skipped)";
      });
  m.def(
      "parse_action_items",
      [](const std::string& text, std::optional<boost::gregorian::date> reference, bool day_first) {
        py::gil_scoped_release nogil;
        return parse_action_items(text, reference_or_today(reference), date_options(day_first));
      },
      "text"_a, "reference"_a = py::none(), py::kw_only(), "day_first"_a = false,
      "Finds action items in meeting minutes or slides (text), due dates read against "
      "reference (the meeting's date).");
}

}  // namespace libtracker::python
