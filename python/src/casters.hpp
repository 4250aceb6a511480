#pragma once
// Conversions between libtracker's value types and Python's: boost dates as datetime.date
// (built from year, month and day: never through time_t or local time), timestamps as
// UTC-aware datetime.datetime, State as the Python enum libtracker.State, Rating as a string.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <string>

#include "libtracker/rating.hpp"
#include "libtracker/state.hpp"

namespace libtracker::python {

namespace py = pybind11;

// The datetime C API lives in casters.cpp only: its PyDateTimeAPI pointer is a static per
// translation unit, so inline code using it from several files would see different pointers.

/// Reads a datetime.date (not a datetime.datetime) into @p out; false for other types.
/// @throw py::value_error for a year outside 1400..9999.
bool date_from_python(PyObject* src, boost::gregorian::date& out);
/// A new datetime.date, or None for a special value.
PyObject* date_to_python(const boost::gregorian::date& day);
/// Reads a time-zone-aware datetime.datetime as UTC; false for other types.
/// @throw py::value_error for a naive datetime or an out-of-range year.
bool ptime_from_python(PyObject* src, boost::posix_time::ptime& out);
/// A new UTC-aware datetime.datetime, or None for a special value.
PyObject* ptime_to_python(const boost::posix_time::ptime& t);

/// The members of libtracker.State, in libtracker::all_states order.
const std::array<py::object, 5>& state_members();

}  // namespace libtracker::python

namespace pybind11::detail {

template <>
struct type_caster<boost::gregorian::date> {
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  /// A datetime.date but not a datetime.datetime: a timestamp's day depends on a time zone,
  /// and libtracker never guesses one.
  bool load(handle src, bool) {
    return src && libtracker::python::date_from_python(src.ptr(), value);
  }

  /// A special value (not_a_date_time) becomes None.
  static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
    return libtracker::python::date_to_python(d);
  }
};

template <>
struct type_caster<boost::posix_time::ptime> {
  PYBIND11_TYPE_CASTER(boost::posix_time::ptime, const_name("datetime.datetime"));

  bool load(handle src, bool) {
    return src && libtracker::python::ptime_from_python(src.ptr(), value);
  }

  static handle cast(const boost::posix_time::ptime& t, return_value_policy, handle) {
    return libtracker::python::ptime_to_python(t);
  }
};

/// libtracker.State (a Python enum.Enum) both ways; a state name is accepted as well.
template <>
struct type_caster<libtracker::State> {
  PYBIND11_TYPE_CASTER(libtracker::State, io_name("libtracker.State | str", "libtracker.State"));

  bool load(handle src, bool) {
    if (!src) return false;
    const auto& members = libtracker::python::state_members();
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (src.is(members[i])) {
        value = libtracker::all_states[i];
        return true;
      }
    }
    if (!isinstance<str>(src)) return false;
    value = libtracker::state_from_string(src.cast<std::string>());
    return true;
  }

  static handle cast(libtracker::State s, return_value_policy, handle) {
    return libtracker::python::state_members().at(static_cast<std::size_t>(s)).inc_ref();
  }
};

/// Ratings as "low", "medium" or "high" (abbreviations accepted on the way in).
template <>
struct type_caster<libtracker::Rating> {
  PYBIND11_TYPE_CASTER(libtracker::Rating, const_name("str"));

  bool load(handle src, bool) {
    if (!src || !isinstance<str>(src)) return false;
    value = libtracker::rating_from_string(src.cast<std::string>());
    return true;
  }

  static handle cast(libtracker::Rating r, return_value_policy, handle) {
    const auto name = libtracker::to_string(r);
    return str(name.data(), name.size()).release();
  }
};

}  // namespace pybind11::detail
