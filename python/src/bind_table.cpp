// Tracker._columns(): a query result as numpy arrays, for to_dataframe(). Numbers and dates are
// handed over without a copy and without a Python object per row; strings become one object
// array each, with repeated values (owners, tags, notes) sharing one str object.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <utility>

#include "bindings.hpp"
#include "columns.hpp"
#include "libtracker/item_table.hpp"
#include "query_args.hpp"
#include "tracker.hpp"

namespace libtracker::python {

void bind_table(py::module_& m) {
  using namespace pybind11::literals;
  auto tracker = py::reinterpret_borrow<py::class_<Tracker>>(m.attr("Tracker"));
  tracker.def(
      "_columns",
      [](Tracker& t, const py::object& filter, const py::kwargs& kwargs) {
        const QueryArgs args(filter, kwargs);
        ItemTable table = t.run([&](Store& s) { return s.table(args.resolve(s)); });
        const py::dtype int64("int64"), int8("int8"), day("datetime64[D]");
        static_assert(ItemTable::no_date == INT64_MIN, "no_date must be numpy's NaT");
        py::dict columns;
        columns["id"] = adopt(std::move(table.id), int64);
        columns["text"] = strings(table.text, false);
        columns["details"] = strings(table.details, true);
        columns["owners"] = strings(table.owners, true);
        columns["due"] = adopt(std::move(table.due), day);
        columns["due_text"] = strings(table.due_text, true);
        columns["state"] = adopt(std::move(table.state), int8);
        columns["status_note"] = strings(table.status_note, true);
        columns["tags"] = strings(table.tags, true);
        columns["meeting"] = adopt(std::move(table.meeting), int64);
        columns["impact"] = adopt(std::move(table.impact), int8);
        columns["effort"] = adopt(std::move(table.effort), int8);
        columns["created"] = adopt(std::move(table.created), day);
        columns["closed"] = adopt(std::move(table.closed), day);
        columns["version"] = adopt(std::move(table.version), int64);
        return columns;
      },
      "filter"_a = py::none(),
      "The query result as a dict of numpy arrays (dates datetime64[D], NaT for none; state, "
      "impact and effort as int8 codes, -1 for none; meeting -1 for none).");
}

}  // namespace libtracker::python
