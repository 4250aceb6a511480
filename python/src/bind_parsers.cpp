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

/// repr of a SkippedLine or ReviewNote: its class name and fields, part only when it has one.
template <class Entry>
std::string entry_repr(const char* name, const Entry& e) {
  std::string out = std::string(name) + "(line=" + std::to_string(e.line) +
                    ", text=" + py::repr(py::str(e.text)).cast<std::string>() +
                    ", reason=" + py::repr(py::str(e.reason)).cast<std::string>();
  if (!e.part.empty()) out += ", part=" + py::repr(py::str(e.part)).cast<std::string>();
  return out + ")";
}

/// Binds SkippedLine or ReviewNote: read-only fields, repr and equality.
template <class Entry>
void bind_entry(py::module_& m, const char* name, const char* doc, const char* line_doc,
                const char* text_doc) {
  py::class_<Entry>(m, name, doc)
      .def_readonly("line", &Entry::line, line_doc)
      .def_readonly("text", &Entry::text, text_doc)
      .def_readonly("reason", &Entry::reason, "Why (\"status not understood (...)\").")
      .def_readonly("part", &Entry::part,
                    "The part of a structured file it is in (\"slide 3\"); empty for text.")
      .def(
          "__eq__",
          [](const Entry& a, const Entry& b) {
            return a.line == b.line && a.text == b.text && a.reason == b.reason && a.part == b.part;
          },
          py::is_operator(), py::arg("other"))
      .def(
          "__hash__",
          [](const Entry& e) { return py::hash(py::make_tuple(e.line, e.text, e.reason, e.part)); })
      .def("__repr__", [name](const Entry& e) { return entry_repr(name, e); });
}

}  // namespace

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

  bind_entry<SkippedLine>(
      m, "SkippedLine",
      "A part of the input that looked like part of an action list but was not taken, and why.",
      "1-based line of the input.", "The line's text, trimmed.");
  bind_entry<ReviewNote>(m, "ReviewNote",
                         "An item taken without a field its text seems to give but does not say "
                         "clearly: nothing was guessed; a person should look at it.",
                         "1-based line the item starts on.", "The item's text.");

  py::class_<ParsedMinutes>(m, "ParsedMinutes",
                            "Action items found in minutes, with what was skipped, what needs "
                            "review and the reference date used (the fields of ImportResult).")
      .def_readonly("items", &ParsedMinutes::items, "Unsaved items (id 0).")
      .def_readonly("lines", &ParsedMinutes::lines, "The line each item starts on (1-based).")
      .def_readonly("skipped", &ParsedMinutes::skipped,
                    "A SkippedLine for each line that looked like an action but was not taken.")
      .def_readonly("needs_review", &ParsedMinutes::needs_review,
                    "A ReviewNote for each item taken without a field its text seems to give.")
      .def_readonly("unknown_columns", &ParsedMinutes::unknown_columns,
                    "Header cells of action tables that name nothing the tracker keeps.")
      .def_readonly("reference_date", &ParsedMinutes::reference,
                    "The day relative dates were read against.")
      .def_property_readonly(
          "reference_source",
          [](const ParsedMinutes& p) { return std::string(to_string(p.reference_source)); },
          "Where the reference date came from: \"caller\", \"document\" or \"today\".")
      .def("__len__", [](const ParsedMinutes& p) { return p.items.size(); })
      .def(
          "_repr_html_", [](const py::object& self) { return items_html(self.attr("items")); },
          "The items as an HTML table (Jupyter).")
      .def("__repr__", [](const ParsedMinutes& p) {
        return "ParsedMinutes(" + std::to_string(p.items.size()) + " items, " +
               std::to_string(p.skipped.size()) + " skipped, " +
               std::to_string(p.needs_review.size()) + " to review)";
      });
  m.def(
      "parse_action_items",
      [](const std::string& text, std::optional<boost::gregorian::date> reference, bool day_first,
         const std::string& source) {
        py::gil_scoped_release nogil;
        ExtractOptions options;
        options.reference = reference;
        options.today = boost::gregorian::day_clock::universal_day();
        options.dates = date_options(day_first);
        return parse_action_items(text, options, source.empty() ? "minutes" : source);
      },
      "text"_a, "reference"_a = py::none(), py::kw_only(), "day_first"_a = false, "source"_a = "",
      "Finds action items in meeting minutes or slides (text), due dates read against "
      "reference (the meeting's date; default: the date the text states in its first lines, "
      "else today, UTC).");
}

}  // namespace libtracker::python
