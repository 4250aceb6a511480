// Moving a team: copy_tracker and what it copied (CopyCounts).

#include <pybind11/pybind11.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <string>

#include "bindings.hpp"
#include "libtracker/copy.hpp"

namespace libtracker::python {

namespace py = pybind11;

void bind_copy(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<CopyCounts>(m, "CopyCounts", "What copy_tracker copied: the rows of each kind.")
      .def_readonly("items", &CopyCounts::items)
      .def_readonly("owners", &CopyCounts::owners)
      .def_readonly("group_members", &CopyCounts::group_members)
      .def_readonly("meetings", &CopyCounts::meetings)
      .def_readonly("agenda_items", &CopyCounts::agenda_items)
      .def_readonly("notes", &CopyCounts::notes)
      .def_readonly("events", &CopyCounts::events)
      .def_readonly("reminders", &CopyCounts::reminders)
      .def_readonly("settings", &CopyCounts::settings)
      .def("__repr__", [](const CopyCounts& c) {
        return "CopyCounts(items=" + std::to_string(c.items) +
               ", owners=" + std::to_string(c.owners) +
               ", group_members=" + std::to_string(c.group_members) +
               ", meetings=" + std::to_string(c.meetings) +
               ", agenda_items=" + std::to_string(c.agenda_items) +
               ", notes=" + std::to_string(c.notes) + ", events=" + std::to_string(c.events) +
               ", reminders=" + std::to_string(c.reminders) +
               ", settings=" + std::to_string(c.settings) + ")";
      });

  m.def(
      "copy_tracker",
      [](const std::filesystem::path& source, const std::filesystem::path& destination,
         bool replace) {
        CopyOptions options;
        options.replace = replace;
        return copy_tracker(source.string(), destination.string(), options);
      },
      "source"_a, "destination"_a, py::kw_only(), "replace"_a = false,
      py::call_guard<py::gil_scoped_release>(),
      "Copies the whole tracker at source (a file or a server address) into destination "
      "(created when missing), keeping ids, times and actors, in one transaction. "
      "NotEmptyError when the destination holds anything, unless replace=True empties it first "
      "(never on a server whose history is not empty); NotFoundError for a missing source file.");
}

}  // namespace libtracker::python
