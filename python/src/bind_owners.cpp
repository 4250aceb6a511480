// Owners' addresses and the owners CSV: Tracker.set_owner_email, import_owners(_text),
// parse_email_address.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>

#include "bindings.hpp"
#include "casters.hpp"
#include "files.hpp"
#include "libtracker/email_address.hpp"
#include "libtracker/owners_csv.hpp"
#include "tracker.hpp"

namespace libtracker::python {

void bind_owners(py::module_& m) {
  using namespace pybind11::literals;

  m.def("parse_email_address", &parse_email_address, "text"_a,
        "The address without surrounding spaces; ParseError when it is not a plain ASCII "
        "local@domain address (no display name, no line breaks).");

  py::class_<OwnersImportResult>(m, "OwnersImportResult", "What an owners import did, by name.")
      .def_readonly("added", &OwnersImportResult::added)
      .def_readonly("updated", &OwnersImportResult::updated)
      .def_readonly("unchanged", &OwnersImportResult::unchanged)
      .def("__repr__", [](const OwnersImportResult& r) {
        return "OwnersImportResult(added=" + std::to_string(r.added.size()) +
               ", updated=" + std::to_string(r.updated.size()) +
               ", unchanged=" + std::to_string(r.unchanged.size()) + ")";
      });

  auto tracker = py::reinterpret_borrow<py::class_<Tracker>>(m.attr("Tracker"));
  tracker
      .def(
          "set_owner_email",
          [](Tracker& t, const std::string& name, const std::string& email) {
            return t.run([&](Store& s) { return s.set_owner_email(name, email); });
          },
          "name"_a, "email"_a,
          "Sets an existing owner's e-mail address (\"\" removes it) and returns the owner. "
          "NotFoundError for an unknown owner, ParseError for an invalid address.")
      .def(
          "import_owners_text",
          [](Tracker& t, const std::string& text, const std::string& source) {
            return t.run([&](Store& s) { return import_owners_csv(s, text, source); });
          },
          "text"_a, py::kw_only(), "source"_a = "owners.csv",
          "Imports an owners CSV (name,email,initials,groups) in one transaction.")
      .def(
          "import_owners",
          [](Tracker& t, const std::filesystem::path& path) {
            const std::string text = read_file(path);
            return t.run(
                [&](Store& s) { return import_owners_csv(s, text, path.filename().string()); });
          },
          "path"_a, "Imports an owners CSV file (name,email,initials,groups) in one transaction.");
}

}  // namespace libtracker::python
