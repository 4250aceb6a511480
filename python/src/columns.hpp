#pragma once
// Columns for data frames: numpy arrays over C++ vectors (numbers and dates without a Python
// object per row) and object arrays of str. Tracker._columns() and WeeklyReport._columns()
// build theirs with these.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "libtracker/item_table.hpp"

namespace libtracker::python {

namespace py = pybind11;

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
py::array strings(const TextColumn& values, bool share);

/// @p day as days since 1970-01-01 (a datetime64[D] value), or ItemTable::no_date.
std::int64_t day_number(const std::optional<boost::gregorian::date>& day);

}  // namespace libtracker::python
