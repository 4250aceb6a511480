#pragma once
// One binding function per area; module.cpp calls them in dependency order.

#include <pybind11/pybind11.h>

namespace libtracker::python {

void bind_errors(pybind11::module_& m);
void bind_item(pybind11::module_& m);
void bind_meeting(pybind11::module_& m);
void bind_store(pybind11::module_& m);
void bind_table(pybind11::module_& m);
void bind_parsers(pybind11::module_& m);
void bind_io(pybind11::module_& m);
void bind_report(pybind11::module_& m);
void bind_owners(pybind11::module_& m);
void bind_remind(pybind11::module_& m);
void bind_proposals(pybind11::module_& m);
void bind_copy(pybind11::module_& m);

}  // namespace libtracker::python
