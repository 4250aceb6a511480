// Columns for data frames: see columns.hpp.

#include "columns.hpp"

#include <string_view>
#include <unordered_map>

namespace libtracker::python {

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

std::int64_t day_number(const std::optional<boost::gregorian::date>& day) {
  if (!day || day->is_special()) return ItemTable::no_date;
  static const boost::gregorian::date epoch(1970, 1, 1);
  return (*day - epoch).days();
}

}  // namespace libtracker::python
