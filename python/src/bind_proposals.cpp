// Meetings and deadlines stated in prose: Proposal, Proposals, Tracker.propose/propose_file
// and Tracker.accept (nothing is written until some are accepted).

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <filesystem>

#include "bindings.hpp"
#include "casters.hpp"
#include "files.hpp"
#include "libtracker/error.hpp"
#include "libtracker/formats.hpp"
#include "libtracker/import.hpp"
#include "libtracker/proposals.hpp"
#include "libtracker/text.hpp"
#include "tracker.hpp"
#include "values.hpp"

namespace libtracker::python {

namespace {

Proposals propose_from(const std::string& content, Format format, const std::string& source,
                       std::optional<boost::gregorian::date> reference) {
  ImportOptions options;
  options.format = format;
  options.source = source;
  options.reference = reference;
  return propose_text(content, options);
}

}  // namespace

void bind_proposals(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<Proposal>(m, "Proposal",
                       "A meeting or a deadline read from a sentence, for a person to accept.")
      .def_property_readonly(
          "kind", [](const Proposal& p) { return std::string(to_string(p.kind)); },
          "\"meeting\" or \"item\".")
      .def_readonly("sentence", &Proposal::sentence, "The sentence it came from.")
      .def_readonly("line", &Proposal::line, "The line (or block) the sentence starts on.")
      .def_readonly("owners", &Proposal::owners,
                    "The committees, groups or teams named, by their full names where given.")
      .def_readonly("abbreviations", &Proposal::abbreviations,
                    "For each owner, the abbreviation it was written as (\"\" when in full).")
      .def_readonly("title", &Proposal::title,
                    "A meeting's title or an item's action (\"Complete its work\").")
      .def_readonly("date", &Proposal::date, "The meeting's day or the item's due date.")
      .def_readonly("date_text", &Proposal::date_text, "The date as written.")
      .def_property_readonly(
          "start", [](const Proposal& p) { return time_to_python(p.start); },
          "A meeting's start (datetime.time) or None.")
      .def_readonly("time_zone", &Proposal::time_zone, "\"UTC\" when the sentence says so.")
      .def_readonly("place", &Proposal::place, "The event a meeting is held at (\"ICANN79\").")
      .def("__repr__", [](const Proposal& p) {
        return "Proposal(" + std::string(to_string(p.kind)) + ", " + iso_date(p.date) + ", " +
               py::repr(py::str(p.title)).cast<std::string>() + ")";
      });

  py::class_<Proposals>(m, "Proposals",
                        "The proposals of a document, numbered from 1 in its order (a list).")
      .def_readonly("proposals", &Proposals::proposals)
      .def_readonly("reference_date", &Proposals::reference,
                    "The day dates without a year were read against.")
      .def_property_readonly(
          "reference_source",
          [](const Proposals& p) { return std::string(to_string(p.reference_source)); },
          "\"caller\", \"document\" or \"today\".")
      .def("__len__", [](const Proposals& p) { return p.proposals.size(); })
      .def(
          "__getitem__",
          [](const Proposals& p, std::ptrdiff_t i) {
            const auto n = static_cast<std::ptrdiff_t>(p.proposals.size());
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw py::index_error("proposal index out of range");
            return p.proposals[static_cast<std::size_t>(i)];
          },
          "index"_a)
      .def(
          "__iter__",
          [](const Proposals& p) {
            return py::make_iterator(p.proposals.begin(), p.proposals.end());
          },
          py::keep_alive<0, 1>())
      .def("__repr__", [](const Proposals& p) {
        return "Proposals(" + std::to_string(p.proposals.size()) +
               ", reference_date=" + iso_date(p.reference) + ")";
      });

  auto tracker = py::reinterpret_borrow<py::class_<Tracker>>(m.attr("Tracker"));
  tracker
      .def(
          "propose",
          [](Tracker&, const std::string& text, const std::string& format,
             std::optional<boost::gregorian::date> reference_date, const std::string& source) {
            return propose_from(text, format_from_string(format), source, reference_date);
          },
          "text"_a, "format"_a = "minutes", py::kw_only(), "reference_date"_a = py::none(),
          "source"_a = "",
          "The meetings and deadlines the prose of text states (see Proposal); writes nothing.")
      .def(
          "propose_file",
          [](Tracker&, const std::filesystem::path& path, std::optional<std::string> format,
             std::optional<boost::gregorian::date> reference_date) {
            const std::string content = read_file(path);
            const Format f =
                format ? format_from_string(*format) : format_for_file(content, path.string());
            return propose_from(content, f, path.filename().string(), reference_date);
          },
          "path"_a, "format"_a = py::none(), py::kw_only(), "reference_date"_a = py::none(),
          "The meetings and deadlines the prose of a file states (text or a document); writes "
          "nothing.")
      .def(
          "accept",
          [](Tracker& t, const py::iterable& proposals) {
            std::vector<Proposal> accepted;
            for (py::handle p : proposals) accepted.push_back(p.cast<Proposal>());
            return t.run([&](Store& s) { return accept_proposals(s, accepted); });
          },
          "proposals"_a,
          "Writes the proposals given (a list of Proposal, or a Proposals) in one transaction: "
          "meetings added or updated, items added unless already stored.");
}

}  // namespace libtracker::python
