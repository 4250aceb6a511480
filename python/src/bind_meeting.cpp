// Meetings and their agendas: Meeting, AgendaItem, Participant. Times of day are
// datetime.time values, engagement levels (low, high) tuples, kinds "topic" or "break".

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "bindings.hpp"
#include "casters.hpp"
#include "libtracker/meeting.hpp"
#include "values.hpp"

namespace libtracker::python {

namespace {

std::string show(py::handle value) { return py::repr(value).cast<std::string>(); }

py::object engagement_to_python(const std::optional<EngagementLevel>& level) {
  if (!level) return py::none();
  return py::make_tuple(level->low, level->high);
}

std::optional<EngagementLevel> engagement_from_python(py::handle value) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
    const int v = value.cast<int>();
    return EngagementLevel{v, v};
  }
  if (py::isinstance<py::tuple>(value) && py::len(value) == 2) {
    const auto pair = value.cast<std::pair<int, int>>();
    return EngagementLevel{pair.first, pair.second};
  }
  throw py::type_error("an engagement level is an int 1..3, a (low, high) tuple, or None");
}

std::vector<Participant> people_from_python(py::handle value) {
  std::vector<Participant> out;
  if (value.is_none()) return out;
  for (const auto& p : value) {
    if (py::isinstance<Participant>(p))
      out.push_back(p.cast<Participant>());
    else if (py::isinstance<py::str>(p))
      out.push_back({p.cast<std::string>(), {}});
    else
      throw py::type_error("chairs and presenters are Participant values or names");
  }
  return out;
}

std::vector<AgendaItem> agenda_from_python(py::handle value) {
  if (value.is_none()) return {};
  return value.cast<std::vector<AgendaItem>>();
}

}  // namespace

void bind_meeting(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<Participant>(m, "Participant",
                          "A chair or presenter: a name and the organisation it speaks for.")
      .def(py::init([](const std::string& name, const std::string& affiliation) {
             return Participant{name, affiliation};
           }),
           "name"_a, "affiliation"_a = "")
      .def_readwrite("name", &Participant::name)
      .def_readwrite("affiliation", &Participant::affiliation, "As written: \".lv\", \"ccNSO\".")
      .def(py::self == py::self)
      .def("__repr__", [](const Participant& p) {
        return "Participant(" + show(py::str(p.name)) +
               (p.affiliation.empty() ? std::string() : ", " + show(py::str(p.affiliation))) + ")";
      });

  py::class_<AgendaItem>(m, "AgendaItem", "One entry of an agenda: a session, a topic or a break.")
      .def(py::init([](const std::string& title, const std::string& kind, int day, py::handle start,
                       py::handle end, std::optional<int> duration, const std::string& block,
                       py::handle chairs, py::handle presenters, py::handle engagement,
                       bool to_be_confirmed, const std::string& notes) {
             AgendaItem a;
             a.title = title;
             a.kind = agenda_kind_from_string(kind);
             a.day = day;
             a.start = time_from_python(start);
             a.end = time_from_python(end);
             a.duration = duration;
             a.block = block;
             a.chairs = people_from_python(chairs);
             a.presenters = people_from_python(presenters);
             a.engagement = engagement_from_python(engagement);
             a.to_be_confirmed = to_be_confirmed;
             a.notes = notes;
             return a;
           }),
           "title"_a, "kind"_a = "topic", "day"_a = 1, "start"_a = py::none(), "end"_a = py::none(),
           "duration"_a = py::none(), "block"_a = "", "chairs"_a = py::none(),
           "presenters"_a = py::none(), "engagement"_a = py::none(), "to_be_confirmed"_a = false,
           "notes"_a = "")
      .def_readonly("id", &AgendaItem::id)
      .def_readonly("meeting", &AgendaItem::meeting)
      .def_readonly("position", &AgendaItem::position, "1-based order in the agenda.")
      .def_readwrite("day", &AgendaItem::day, "1-based day of a multi-day meeting.")
      .def_property(
          "start", [](const AgendaItem& a) { return time_to_python(a.start); },
          [](AgendaItem& a, py::handle v) { a.start = time_from_python(v); })
      .def_property(
          "end", [](const AgendaItem& a) { return time_to_python(a.end); },
          [](AgendaItem& a, py::handle v) { a.end = time_from_python(v); })
      .def_readwrite("duration", &AgendaItem::duration, "Minutes, or None.")
      .def_readwrite("block", &AgendaItem::block)
      .def_readwrite("title", &AgendaItem::title)
      .def_property(
          "kind", [](const AgendaItem& a) { return std::string(to_string(a.kind)); },
          [](AgendaItem& a, const std::string& k) { a.kind = agenda_kind_from_string(k); },
          "\"topic\" or \"break\".")
      .def_readwrite("chairs", &AgendaItem::chairs, "Participant values (a copy).")
      .def_readwrite("presenters", &AgendaItem::presenters, "Participant values (a copy).")
      .def_property(
          "engagement", [](const AgendaItem& a) { return engagement_to_python(a.engagement); },
          [](AgendaItem& a, py::handle v) { a.engagement = engagement_from_python(v); },
          "(low, high) from 1 (minimum) to 3 (maximum), or None.")
      .def_readwrite("to_be_confirmed", &AgendaItem::to_be_confirmed)
      .def_readwrite("notes", &AgendaItem::notes)
      .def("__repr__", [](const AgendaItem& a) {
        std::string out = "AgendaItem(" + show(py::str(a.title));
        if (a.start) out += ", start='" + time_of_day_text(*a.start) + "'";
        if (a.end) out += ", end='" + time_of_day_text(*a.end) + "'";
        if (a.kind == AgendaKind::break_time) out += ", kind='break'";
        return out + ")";
      });

  py::class_<Meeting>(m, "Meeting", "A meeting that items come from, with its agenda.")
      .def(py::init([](const std::string& title, std::optional<boost::gregorian::date> date,
                       const std::string& place, const std::string& series,
                       std::optional<boost::gregorian::date> end_date, py::handle start,
                       py::handle end, const std::string& time_zone, py::handle agenda) {
             Meeting meeting;
             meeting.title = title;
             if (date) meeting.date = *date;
             meeting.place = place;
             meeting.series = series;
             if (end_date) meeting.end_date = *end_date;
             meeting.start = time_from_python(start);
             meeting.end = time_from_python(end);
             meeting.time_zone = time_zone;
             meeting.agenda = agenda_from_python(agenda);
             return meeting;
           }),
           "title"_a, "date"_a = py::none(), "place"_a = "", "series"_a = "",
           "end_date"_a = py::none(), "start"_a = py::none(), "end"_a = py::none(),
           "time_zone"_a = "", "agenda"_a = py::none())
      .def_readwrite("id", &Meeting::id)
      .def_readwrite("title", &Meeting::title)
      .def_readwrite("date", &Meeting::date)
      .def_readwrite("place", &Meeting::place)
      .def_readwrite("series", &Meeting::series, "The series; \"\" when the title is the series.")
      .def_readwrite("end_date", &Meeting::end_date, "Last day of a multi-day meeting, or None.")
      .def_property(
          "start", [](const Meeting& mt) { return time_to_python(mt.start); },
          [](Meeting& mt, py::handle v) { mt.start = time_from_python(v); })
      .def_property(
          "end", [](const Meeting& mt) { return time_to_python(mt.end); },
          [](Meeting& mt, py::handle v) { mt.end = time_from_python(v); })
      .def_readwrite("time_zone", &Meeting::time_zone,
                     "IANA name, \"UTC\" or \"UTC+02:00\"; \"\" for local times.")
      .def_readwrite("agenda", &Meeting::agenda, "AgendaItem values by position (a copy).")
      .def_property_readonly("series_name", &Meeting::series_name)
      .def("__repr__", [](const Meeting& mt) {
        return "Meeting(id=" + std::to_string(mt.id) + ", title=" + show(py::str(mt.title)) +
               ", date=" + show(py::cast(mt.date)) + ", place=" + show(py::str(mt.place)) + ")";
      });

  m.def("canonical_time_zone", &canonical_time_zone, "name"_a,
        "The canonical spelling of a time zone (\"UTC+02:00\", \"Europe/Paris\"); ParseError "
        "for an unknown one.");
}

}  // namespace libtracker::python
