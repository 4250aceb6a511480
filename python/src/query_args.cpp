#include "query_args.hpp"

#include <pybind11/stl.h>

#include <algorithm>

#include "casters.hpp"
#include "libtracker/date_parser.hpp"
#include "libtracker/filter.hpp"
#include "libtracker/text.hpp"
#include "tracker.hpp"
#include "values.hpp"

namespace libtracker::python {

namespace {

std::string type_name(py::handle value) {
  return py::str(py::type::of(value).attr("__name__")).cast<std::string>();
}

std::vector<std::string> strings(py::handle value, const char* what) {
  if (py::isinstance<py::str>(value)) return {value.cast<std::string>()};
  try {
    return value.cast<std::vector<std::string>>();
  } catch (const py::cast_error&) {
    throw py::type_error(std::string(what) + " must be a string or a list of strings, not " +
                         type_name(value));
  }
}

std::vector<State> states(py::handle value) {
  if (py::isinstance<py::str>(value)) return {value.cast<State>()};
  try {
    return value.cast<std::vector<State>>();
  } catch (const py::cast_error&) {
    throw py::type_error("state must be a State, a state name, or a list of them, not " +
                         type_name(value));
  }
}

bool flag(py::handle value, const char* what) {
  if (!py::isinstance<py::bool_>(value))
    throw py::type_error(std::string(what) + " must be True or False, not " + type_name(value));
  return value.cast<bool>();
}

DateArg date_arg(py::handle value, const char* what) {
  if (value.is_none()) return std::monostate{};
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  try {
    return value.cast<boost::gregorian::date>();
  } catch (const py::cast_error&) {
    throw py::type_error(std::string(what) + " must be a datetime.date or date text, not " +
                         type_name(value));
  }
}

std::optional<boost::gregorian::date> resolve_date(const DateArg& arg, const Store& store) {
  if (const auto* day = std::get_if<boost::gregorian::date>(&arg)) return *day;
  if (const auto* text = std::get_if<std::string>(&arg))
    return parse_date(*text, store.today(), store_date_options(store));
  return std::nullopt;
}

std::size_t count_arg(py::handle value, const char* what) {
  if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value))
    throw py::type_error(std::string(what) + " must be an int, not " + type_name(value));
  const auto n = value.cast<long long>();
  if (n < 0) throw py::value_error(std::string(what) + " must not be negative");
  return static_cast<std::size_t>(n);
}

OrderBy order_arg(py::handle value) {
  const std::string name = py::isinstance<py::str>(value) ? value.cast<std::string>() : "";
  if (name == "id") return OrderBy::id;
  if (name == "due") return OrderBy::due;
  if (name == "created") return OrderBy::created;
  if (name == "closed") return OrderBy::closed;
  if (name == "changed") return OrderBy::changed;
  throw py::value_error(
      "order_by must be one of \"id\", \"due\", \"created\", \"closed\", "
      "\"changed\", not " +
      py::repr(value).cast<std::string>());
}

}  // namespace

const std::vector<std::string>& query_keywords() {
  static const std::vector<std::string> names{
      "state",       "owner",      "through_groups", "open",         "closed",
      "due_before",  "due_after",  "overdue",        "tbd",          "no_due_date",
      "tag",         "meeting",    "text",           "created_from", "created_to",
      "closed_from", "closed_to",  "changed_from",   "changed_to",   "as_of",
      "order_by",    "descending", "limit",          "offset"};
  return names;
}

QueryArgs::QueryArgs(const py::object& filter, const py::kwargs& kwargs) {
  if (!filter.is_none()) {
    if (!py::isinstance<py::str>(filter))
      throw py::type_error("the filter must be a string such as \"owner:'ICANN Org' +overdue\"");
    filter_ = filter.cast<std::string>();
  }
  for (const auto& [key_handle, value] : kwargs) {
    const std::string key = key_handle.cast<std::string>();
    if (value.is_none() && key != "meeting") continue;  // None: no filter
    if (key == "state")
      states_ = states(value);
    else if (key == "owner")
      owners_ = strings(value, "owner");
    else if (key == "tag")
      tags_ = strings(value, "tag");
    else if (key == "through_groups")
      through_groups_ = flag(value, "through_groups");
    else if (key == "open")
      open_ = flag(value, "open");
    else if (key == "closed")
      closed_ = flag(value, "closed");
    else if (key == "overdue")
      overdue_ = flag(value, "overdue");
    else if (key == "tbd")
      tbd_ = flag(value, "tbd");
    else if (key == "no_due_date")
      no_due_date_ = flag(value, "no_due_date");
    else if (key == "descending")
      descending_ = flag(value, "descending");
    else if (key == "due_before")
      due_before_ = date_arg(value, "due_before");
    else if (key == "due_after")
      due_after_ = date_arg(value, "due_after");
    else if (key == "created_from")
      created_from_ = date_arg(value, "created_from");
    else if (key == "created_to")
      created_to_ = date_arg(value, "created_to");
    else if (key == "closed_from")
      closed_from_ = date_arg(value, "closed_from");
    else if (key == "closed_to")
      closed_to_ = date_arg(value, "closed_to");
    else if (key == "changed_from")
      changed_from_ = date_arg(value, "changed_from");
    else if (key == "changed_to")
      changed_to_ = date_arg(value, "changed_to");
    else if (key == "as_of")
      as_of_ = date_arg(value, "as_of");
    else if (key == "meeting")
      meeting_ = meeting_from_python(value);
    else if (key == "text") {
      if (!py::isinstance<py::str>(value)) throw py::type_error("text must be a string");
      text_ = value.cast<std::string>();
    } else if (key == "order_by")
      order_by_ = order_arg(value);
    else if (key == "limit")
      limit_ = count_arg(value, "limit");
    else if (key == "offset")
      offset_ = count_arg(value, "offset");
    else {
      throw py::type_error("unexpected keyword argument '" + key +
                           "'; filters are: " + join(query_keywords(), ", "));
    }
  }
}

Query QueryArgs::resolve(const Store& store) const {
  Query q = filter_ ? parse_filter(*filter_, store.today(), store_date_options(store)) : Query{};
  q.states.insert(q.states.end(), states_.begin(), states_.end());
  q.owners.insert(q.owners.end(), owners_.begin(), owners_.end());
  q.tags.insert(q.tags.end(), tags_.begin(), tags_.end());
  if (open_) q.open = *open_;
  if (closed_) q.closed = *closed_;
  if (through_groups_) q.through_groups = *through_groups_;
  if (overdue_) q.overdue = *overdue_;
  if (tbd_) q.tbd = *tbd_;
  if (no_due_date_) q.no_due_date = *no_due_date_;
  if (descending_) q.descending = *descending_;
  auto set = [&](std::optional<boost::gregorian::date>& target, const DateArg& arg) {
    if (auto day = resolve_date(arg, store)) target = day;
  };
  set(q.due_before, due_before_);
  set(q.due_after, due_after_);
  set(q.created.from, created_from_);
  set(q.created.to, created_to_);
  set(q.closed_in.from, closed_from_);
  set(q.closed_in.to, closed_to_);
  set(q.changed.from, changed_from_);
  set(q.changed.to, changed_to_);
  set(q.as_of, as_of_);
  if (meeting_) q.meeting = meeting_;
  if (text_) q.text = q.text.empty() ? *text_ : q.text + " " + *text_;
  if (order_by_) q.order_by = *order_by_;
  if (limit_) q.limit = limit_;
  if (offset_) q.offset = *offset_;
  return q;
}

}  // namespace libtracker::python
