// The libtracker error family as Python exceptions (defined in libtracker/_errors.py):
// NotFoundError is also a KeyError, ParseError and InvalidArgumentError also a ValueError. No C++
// exception reaches Python as a bare RuntimeError.

#include <pybind11/gil_safe_call_once.h>
#include <pybind11/pybind11.h>

#include <boost/date_time/gregorian/greg_day.hpp>
#include <boost/date_time/gregorian/greg_month.hpp>
#include <boost/date_time/gregorian/greg_year.hpp>
#include <exception>
#include <new>

#include "bindings.hpp"
#include "libtracker/copy.hpp"
#include "libtracker/error.hpp"

namespace libtracker::python {

namespace py = pybind11;

namespace {

struct ErrorClasses {
  py::object tracker, invalid_argument, not_found, parse, conflict, not_empty, storage, schema;
};

const ErrorClasses& error_classes() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<ErrorClasses> storage;
  return storage
      .call_once_and_store_result([] {
        const py::module_ errors = py::module_::import("libtracker._errors");
        return ErrorClasses{errors.attr("TrackerError"),  errors.attr("InvalidArgumentError"),
                            errors.attr("NotFoundError"), errors.attr("ParseError"),
                            errors.attr("ConflictError"), errors.attr("NotEmptyError"),
                            errors.attr("StorageError"),  errors.attr("SchemaError")};
      })
      .get_stored();
}

/// Raises @p cls(*args, **kwargs) as the pending Python error.
void raise(const py::object& cls, const py::tuple& args, const py::dict& kwargs = {}) {
  try {
    const py::object error = cls(*args, **kwargs);
    PyErr_SetObject(cls.ptr(), error.ptr());
  } catch (py::error_already_set& e) {
    e.restore();
  }
}

void translate(std::exception_ptr p) {
  try {
    std::rethrow_exception(p);
  } catch (const ParseError& e) {
    using namespace pybind11::literals;
    raise(error_classes().parse, py::make_tuple(e.what()),
          py::dict("reason"_a = e.reason(), "text"_a = e.text(), "position"_a = e.position(),
                   "source"_a = e.source(), "line"_a = e.line()));
  } catch (const InvalidArgumentError& e) {
    raise(error_classes().invalid_argument, py::make_tuple(e.what()));
  } catch (const NotFoundError& e) {
    raise(error_classes().not_found, py::make_tuple(e.what()));
  } catch (const NotEmptyError& e) {
    using namespace pybind11::literals;
    raise(error_classes().not_empty, py::make_tuple(e.what()),
          py::dict("destination"_a = e.destination()));
  } catch (const ConflictError& e) {
    raise(error_classes().conflict, py::make_tuple(e.what()));
  } catch (const SchemaError& e) {
    raise(error_classes().schema, py::make_tuple(e.what()));
  } catch (const StorageError& e) {
    using namespace pybind11::literals;
    raise(error_classes().storage, py::make_tuple(e.what()),
          py::dict("sqlite_code"_a = e.sqlite_code()));
  } catch (const Error& e) {
    raise(error_classes().tracker, py::make_tuple(e.what()));
  } catch (const boost::gregorian::bad_year& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
  } catch (const boost::gregorian::bad_month& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
  } catch (const boost::gregorian::bad_day_of_month& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
  } catch (const py::cast_error& e) {
    PyErr_SetString(PyExc_TypeError, e.what());  // pybind11 would say RuntimeError
  } catch (const py::builtin_exception&) {
    throw;  // pybind11's own (TypeError, ValueError, ...): its translator sets them
  } catch (const std::bad_alloc&) {
    throw;  // MemoryError
  } catch (const std::exception& e) {
    raise(error_classes().tracker, py::make_tuple(std::string("internal error: ") + e.what()));
  }
}

}  // namespace

void bind_errors(py::module_& m) {
  error_classes();  // fail at import, not at the first error, if _errors is missing
  py::register_exception_translator(&translate);
  m.attr("_errors_bound") = true;
}

}  // namespace libtracker::python
