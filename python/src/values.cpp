#include "values.hpp"

#include <pybind11/stl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "casters.hpp"
#include "libtracker/date_parser.hpp"
#include "libtracker/meeting.hpp"
#include "libtracker/owner_parser.hpp"
#include "libtracker/text.hpp"
#include "tracker.hpp"

namespace libtracker::python {

py::object time_to_python(const std::optional<TimeOfDay>& t) {
  if (!t) return py::none();
  return py::module_::import("datetime").attr("time")(*t / 60, *t % 60);
}

std::optional<TimeOfDay> time_from_python(py::handle value) {
  if (value.is_none()) return std::nullopt;
  const py::object time_type = py::module_::import("datetime").attr("time");
  if (py::isinstance(value, time_type))
    return value.attr("hour").cast<int>() * 60 + value.attr("minute").cast<int>();
  if (py::isinstance<py::str>(value)) {
    const auto text = value.cast<std::string>();
    const py::object parsed = time_type.attr("fromisoformat")(text);
    return parsed.attr("hour").cast<int>() * 60 + parsed.attr("minute").cast<int>();
  }
  throw py::type_error("a time of day must be a datetime.time, an \"HH:MM\" string, or None");
}

py::object due_to_python(const Due& due) {
  if (due.has_date()) return py::cast(due.date());
  if (due.is_tbd()) return py::str("TBD");
  return py::none();
}

Due due_from_canonical(py::handle value) {
  if (value.is_none()) return Due();
  if (py::isinstance<py::str>(value)) return Due::from_string(value.cast<std::string>());
  boost::gregorian::date day;
  if (!date_from_python(value.ptr(), day))
    throw py::type_error("due must be a datetime.date, \"TBD\", an ISO date or None; got " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
  return Due::on(day);
}

DueArg::DueArg(py::handle value) {
  if (value.is_none()) return;
  if (py::isinstance<py::str>(value)) {
    text_ = value.cast<std::string>();
    return;
  }
  boost::gregorian::date day;
  if (!date_from_python(value.ptr(), day))
    throw py::type_error(
        "due must be a datetime.date, a string such as \"TBD\" or \"30 May\", "
        "or None; got " +
        std::string(py::str(py::type::of(value).attr("__name__"))));
  due_ = Due::on(day);
}

Due DueArg::resolve(const Store& store) const {
  if (!text_) return due_;
  return parse_due(*text_, store.today(), store_date_options(store));
}

OwnersArg::OwnersArg(py::handle value) {
  if (value.is_none()) return;
  if (py::isinstance<py::str>(value)) {
    text_ = value.cast<std::string>();
    return;
  }
  try {
    names_ = value.cast<std::vector<std::string>>();
  } catch (const py::cast_error&) {
    throw py::type_error(
        "owners must be a string (\"Co-Chairs, James Gannon\") or a list of names");
  }
}

std::vector<std::string> OwnersArg::resolve(const Store& store) const {
  if (!text_) return names_;
  std::vector<std::string> known;
  for (const auto& owner : store.owners()) known.push_back(owner.name);
  return parse_owners(*text_, known);
}

std::vector<std::string> tags_from_python(py::handle value) {
  if (value.is_none()) return {};
  if (py::isinstance<py::str>(value)) return {value.cast<std::string>()};
  try {
    return value.cast<std::vector<std::string>>();
  } catch (const py::cast_error&) {
    throw py::type_error("tags must be a string or a list of strings");
  }
}

std::optional<MeetingId> meeting_from_python(py::handle value) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<Meeting>(value)) return value.cast<const Meeting&>().id;
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value))
    return value.cast<MeetingId>();
  throw py::type_error("meeting must be a meeting id, a Meeting, or None");
}

py::dict item_to_dict(const ActionItem& item) {
  py::dict d;
  auto text_or_none = [](const auto& opt) -> py::object {
    if (!opt) return py::none();
    const auto name = to_string(*opt);
    return py::str(name.data(), name.size());
  };
  auto iso = [](const boost::gregorian::date& day) -> py::object {
    if (day.is_special()) return py::none();
    return py::str(iso_date(day));
  };
  d["id"] = item.id;
  d["text"] = item.text;
  d["details"] = item.details;
  d["owners"] = item.owners;
  d["due"] =
      item.due.is_none() ? py::object(py::none()) : py::object(py::str(item.due.to_string()));
  const auto state = to_string(item.state);
  d["state"] = py::str(state.data(), state.size());
  d["status_note"] = item.status_note;
  d["tags"] = item.tags;
  d["meeting"] = item.meeting ? py::object(py::int_(*item.meeting)) : py::object(py::none());
  d["impact"] = text_or_none(item.impact);
  d["effort"] = text_or_none(item.effort);
  d["created"] = iso(item.created);
  d["closed"] = item.closed ? iso(*item.closed) : py::object(py::none());
  d["version"] = item.version;
  return d;
}

py::str items_html(const py::handle& items) {
  return py::module_::import("libtracker._html").attr("items_html")(items);
}

}  // namespace libtracker::python
