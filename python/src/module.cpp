// libtracker._core: the compiled half of the libtracker Python package.

#include <pybind11/gil_safe_call_once.h>
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "casters.hpp"
#include "libtracker/version.hpp"

namespace libtracker::python {

const std::array<py::object, 5>& state_members() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<std::array<py::object, 5>> storage;
  return storage
      .call_once_and_store_result([] {
        const py::object cls = py::module_::import("libtracker._enums").attr("State");
        std::array<py::object, 5> members;
        for (std::size_t i = 0; i < all_states.size(); ++i) {
          const auto name = to_string(all_states[i]);
          members[i] = cls(py::str(name.data(), name.size()));
        }
        return members;
      })
      .get_stored();
}

}  // namespace libtracker::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of libtracker; use the libtracker package instead.";
  // The CMake project's version: the package metadata reads the same line of CMakeLists.txt.
  m.attr("__version__") = libtracker::version;
  libtracker::python::bind_errors(m);
  libtracker::python::bind_item(m);
  libtracker::python::bind_meeting(m);
  libtracker::python::bind_store(m);
  libtracker::python::bind_table(m);
  libtracker::python::bind_parsers(m);
  libtracker::python::bind_io(m);
  libtracker::python::bind_report(m);
  libtracker::python::bind_owners(m);
  libtracker::python::bind_remind(m);
  libtracker::python::bind_proposals(m);
  libtracker::python::bind_copy(m);
}
