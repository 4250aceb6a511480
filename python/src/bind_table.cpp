// Tracker._columns(): a query result as numpy arrays, for to_dataframe(). Numbers and dates are
// handed over without a copy and without a Python object per row; strings become one object
// array each, with repeated values (owners, tags, notes) sharing one str object.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "libtracker/item_table.hpp"
#include "query_args.hpp"
#include "tracker.hpp"

namespace libtracker::python {

namespace {

/// A numpy array over @p values' buffer; the array owns the vector.
template <class T>
py::array adopt(std::vector<T>&& values, const py::dtype& dtype) {
  if (values.empty()) return py::array(dtype, std::vector<py::ssize_t>{0});
  auto* owned = new std::vector<T>(std::move(values));
  const py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array(dtype, {static_cast<py::ssize_t>(owned->size())},
                   {static_cast<py::ssize_t>(sizeof(T))}, owned->data(), owner);
}

/// An object array of str. With @p share, equal strings become one object (up to a bound,
/// so a column of distinct values does not grow an unbounded cache).
py::array strings(const TextColumn& values, bool share) {
  constexpr std::size_t max_shared = 1 << 16;
  const auto n = static_cast<py::ssize_t>(values.size());
  py::array out(py::dtype("O"), std::vector<py::ssize_t>{n});
  auto** cells = static_cast<PyObject**>(out.mutable_data());
  std::unordered_map<std::string_view, PyObject*> shared;
  auto decode = [](std::string_view s) {
    PyObject* str = PyUnicode_DecodeUTF8(s.data(), static_cast<py::ssize_t>(s.size()), "replace");
    if (str == nullptr) throw py::error_already_set();
    return str;
  };
  for (py::ssize_t i = 0; i < n; ++i) {
    const std::string_view value = values[static_cast<std::size_t>(i)];
    PyObject* cell = nullptr;
    if (share) {
      if (const auto hit = shared.find(value); hit != shared.end()) {
        cell = hit->second;
        Py_INCREF(cell);
      } else {
        cell = decode(value);
        if (shared.size() < max_shared) shared.emplace(value, cell);  // borrowed from the array
      }
    } else {
      cell = decode(value);
    }
    Py_XDECREF(cells[i]);
    cells[i] = cell;
  }
  return out;
}

}  // namespace

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
