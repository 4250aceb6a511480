// The datetime C API, in this one file (see casters.hpp).

#include "casters.hpp"

#include <datetime.h>

namespace libtracker::python {

namespace {

void import_datetime() {
  if (PyDateTimeAPI == nullptr) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();
  }
}

/// A calendar date in boost's range (1400-01-01 .. 9999-12-31).
boost::gregorian::date make_date(int year, int month, int day) {
  if (year < 1400 || year > 9999)
    throw py::value_error("year " + std::to_string(year) +
                          " is out of range: libtracker dates run from 1400 to 9999");
  return boost::gregorian::date(static_cast<unsigned short>(year),
                                static_cast<unsigned short>(month),
                                static_cast<unsigned short>(day));
}

}  // namespace

bool date_from_python(PyObject* src, boost::gregorian::date& out) {
  import_datetime();
  if (!PyDate_Check(src) || PyDateTime_Check(src)) return false;
  out = make_date(PyDateTime_GET_YEAR(src), PyDateTime_GET_MONTH(src), PyDateTime_GET_DAY(src));
  return true;
}

PyObject* date_to_python(const boost::gregorian::date& day) {
  if (day.is_special()) return py::none().release().ptr();
  import_datetime();
  const auto ymd = day.year_month_day();
  PyObject* out = PyDate_FromDate(ymd.year, ymd.month, ymd.day);
  if (out == nullptr) throw py::error_already_set();
  return out;
}

bool ptime_from_python(PyObject* src, boost::posix_time::ptime& out) {
  import_datetime();
  if (!PyDateTime_Check(src)) return false;
  const auto value = py::reinterpret_borrow<py::object>(src);
  if (value.attr("tzinfo").is_none())
    throw py::value_error("a naive datetime has no time zone; pass an aware one (UTC)");
  const py::object utc =
      value.attr("astimezone")(py::reinterpret_borrow<py::object>(PyDateTime_TimeZone_UTC));
  PyObject* p = utc.ptr();
  const auto day =
      make_date(PyDateTime_GET_YEAR(p), PyDateTime_GET_MONTH(p), PyDateTime_GET_DAY(p));
  out = boost::posix_time::ptime(
      day, boost::posix_time::hours(PyDateTime_DATE_GET_HOUR(p)) +
               boost::posix_time::minutes(PyDateTime_DATE_GET_MINUTE(p)) +
               boost::posix_time::seconds(PyDateTime_DATE_GET_SECOND(p)) +
               boost::posix_time::microseconds(PyDateTime_DATE_GET_MICROSECOND(p)));
  return true;
}

PyObject* ptime_to_python(const boost::posix_time::ptime& t) {
  if (t.is_special()) return py::none().release().ptr();
  import_datetime();
  const auto ymd = t.date().year_month_day();
  const auto tod = t.time_of_day();
  const auto micros =
      tod.fractional_seconds() * 1000000 / boost::posix_time::time_duration::ticks_per_second();
  PyObject* out = PyDateTimeAPI->DateTime_FromDateAndTime(
      ymd.year, ymd.month, ymd.day, static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()),
      static_cast<int>(tod.seconds()), static_cast<int>(micros), PyDateTime_TimeZone_UTC,
      PyDateTimeAPI->DateTimeType);
  if (out == nullptr) throw py::error_already_set();
  return out;
}

}  // namespace libtracker::python
