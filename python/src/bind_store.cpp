// Tracker: the Python face of libtracker::Store (same method names).

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

#include "bindings.hpp"
#include "casters.hpp"
#include "libtracker/field.hpp"
#include "query_args.hpp"
#include "tracker.hpp"
#include "values.hpp"

namespace libtracker::python {

namespace {

/// Fields given to add(): read with the GIL, resolved against the store without it.
struct NewItem {
  ActionItem item;
  OwnersArg owners;
  DueArg due;

  ActionItem resolve(const Store& store) const {
    ActionItem out = item;
    out.owners = owners.resolve(store);
    out.due = due.resolve(store);
    return out;
  }
};

/// Fields given to update(): only those named change.
struct Changes {
  ItemChanges changes;
  std::optional<OwnersArg> owners;
  std::optional<DueArg> due;

  explicit Changes(const py::kwargs& fields) {
    for (const auto& [key_handle, value] : fields) {
      const std::string key = key_handle.cast<std::string>();
      const std::optional<Field> field = field_from_string(key);
      if (!field || !is_changeable(*field)) throw py::type_error(unexpected(key));
      switch (*field) {
        case Field::text:
          changes.text = value.cast<std::string>();
          break;
        case Field::details:
          changes.details = value.cast<std::string>();
          break;
        case Field::owners:
          owners = OwnersArg(value);
          break;
        case Field::due:
          due = DueArg(value);
          break;
        case Field::state:
          changes.state = value.cast<State>();
          break;
        case Field::status_note:
          changes.status_note = value.cast<std::string>();
          break;
        case Field::tags:
          changes.tags = tags_from_python(value);
          break;
        case Field::meeting:
          changes.meeting = meeting_from_python(value);
          break;
        case Field::agenda_item:
          changes.agenda_item = value.cast<std::optional<AgendaItemId>>();
          break;
        case Field::impact:
          changes.impact = value.cast<std::optional<Rating>>();
          break;
        case Field::effort:
          changes.effort = value.cast<std::optional<Rating>>();
          break;
        case Field::ref:
          changes.ref = value.cast<std::string>();
          break;
        case Field::closed:
        case Field::created:
          throw py::type_error(unexpected(key));
      }
    }
  }

  /// The message for a keyword that names no changeable field.
  static std::string unexpected(const std::string& key) {
    std::string names;
    for (const Field field : all_fields)
      if (is_changeable(field))
        names += (names.empty() ? "" : ", ") + std::string(to_string(field));
    return "update() got an unexpected keyword argument '" + key + "'; fields are " + names;
  }

  ItemChanges resolve(const Store& store) const {
    ItemChanges out = changes;
    if (owners) out.owners = owners->resolve(store);
    if (due) out.due = due->resolve(store);
    return out;
  }
};

/// Python names the synchronous setting as SQLite does ("NORMAL", "full", ...).
Synchronous synchronous_from_python(const std::string& name) {
  static const std::pair<const char*, Synchronous> names[] = {{"off", Synchronous::off},
                                                              {"normal", Synchronous::normal},
                                                              {"full", Synchronous::full},
                                                              {"extra", Synchronous::extra}};
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [text, value] : names)
    if (lower == text) return value;
  throw InvalidArgumentError("unknown synchronous setting: " + name);
}

}  // namespace

void bind_store(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<Tracker>(m, "Tracker",
                      "A tracker database. Safe to share between threads: calls are serialized.")
      .def(py::init([](const std::filesystem::path& path, bool read_only, int busy_timeout_ms,
                       const std::string& synchronous) {
             StoreOptions options;
             options.read_only = read_only;
             options.busy_timeout_ms = busy_timeout_ms;
             options.synchronous = synchronous_from_python(synchronous);
             return std::make_unique<Tracker>(path.string(), options);
           }),
           "path"_a = ":memory:", py::kw_only(), "read_only"_a = false, "busy_timeout_ms"_a = 10000,
           "synchronous"_a = "NORMAL",
           "Opens (creating when missing) the database at path; \":memory:\" for a private one; "
           "a server address (\"postgresql://user@host/db?schema=team\") for a tracker on "
           "PostgreSQL.")
      .def_property_readonly("path", &Tracker::path)
      .def_property_readonly(
          "on_server", [](Tracker& t) { return t.run([](Store& s) { return s.on_server(); }); },
          "True for a tracker on a PostgreSQL server.")
      .def_property_readonly("closed", &Tracker::closed)
      .def("close", &Tracker::close, "Closes the database; closing twice is harmless.")
      .def(
          "__enter__", [](Tracker& t) -> Tracker& { return t; }, py::return_value_policy::reference)
      .def("__exit__", [](Tracker& t, const py::args&) { t.close(); })
      .def("__repr__",
           [](Tracker& t) {
             return "Tracker(" + py::repr(py::str(t.path())).cast<std::string>() + ")";
           })
      // -- clock and actor
      .def_property(
          "today", [](Tracker& t) { return t.run([](Store& s) { return s.today(); }); },
          [](Tracker& t, std::optional<boost::gregorian::date> day) {
            t.run([&](Store& s) { s.set_today(day); });
          },
          "Today's date for timestamps and \"overdue\"; set a date to fix the clock, None for the "
          "real clock.")
      .def_property_readonly(
          "fixed_today", [](Tracker& t) { return t.run([](Store& s) { return s.fixed_today(); }); },
          "The fixed day, or None when the real clock is used.")
      .def_property(
          "actor", [](Tracker& t) { return t.run([](Store& s) { return s.actor(); }); },
          [](Tracker& t, const std::string& actor) {
            t.run([&](Store& s) { s.set_actor(actor); });
          },
          "Who is recorded as making changes.")
      .def(
          "now", [](Tracker& t) { return t.run([](Store& s) { return s.now(); }); },
          "The current time (UTC) by the tracker's clock.")
      .def("user_version",
           [](Tracker& t) { return t.run([](Store& s) { return s.user_version(); }); })
      .def(
          "grant_roles",
          [](Tracker& t, const std::string& reader, const std::string& writer) {
            t.run([&](Store& s) { s.grant_roles(reader, writer); });
          },
          "reader"_a, "writer"_a,
          "On a server: creates the reader and writer roles when missing and grants them their "
          "rights on this tracker.")
      // -- items
      .def(
          "add",
          [](Tracker& t, const std::string& text, py::handle owners, py::handle due, State state,
             const std::string& details, const std::string& status_note, py::handle tags,
             py::handle meeting, std::optional<Rating> impact, std::optional<Rating> effort,
             const std::string& ref, std::optional<boost::gregorian::date> created) {
            NewItem n{ActionItem{}, OwnersArg(owners), DueArg(due)};
            n.item.text = text;
            n.item.state = state;
            n.item.details = details;
            n.item.status_note = status_note;
            n.item.tags = tags_from_python(tags);
            n.item.meeting = meeting_from_python(meeting);
            n.item.impact = impact;
            n.item.effort = effort;
            n.item.ref = ref;
            if (created) n.item.created = *created;
            return t.run([&](Store& s) { return s.add(n.resolve(s)); });
          },
          "text"_a, "owners"_a = py::none(), "due"_a = py::none(), "state"_a = State::open,
          py::kw_only(), "details"_a = "", "status_note"_a = "", "tags"_a = py::none(),
          "meeting"_a = py::none(), "impact"_a = py::none(), "effort"_a = py::none(), "ref"_a = "",
          "created"_a = py::none(),
          "Adds an item and returns it as stored. owners: a list of names or one string "
          "(\"Co-Chairs, James Gannon\"); due: a date, \"TBD\", None or text such as \"30 May\".")
      .def(
          "add_all",
          [](Tracker& t, const std::vector<ActionItem>& items) {
            return t.run([&](Store& s) { return s.add_all(items); });
          },
          "items"_a, "Adds many items in one transaction (all or nothing); returns their ids.")
      .def(
          "get", [](Tracker& t, ItemId id) { return t.run([&](Store& s) { return s.get(id); }); },
          "id"_a)
      .def(
          "update",
          [](Tracker& t, ItemId id, std::optional<std::int64_t> expected_version,
             const py::kwargs& fields) {
            const Changes changes(fields);
            return t.run(
                [&](Store& s) { return s.update(id, changes.resolve(s), expected_version); });
          },
          "id"_a, py::kw_only(), "expected_version"_a = py::none(),
          "Changes the fields given as keywords; with expected_version, a stale write raises "
          "ConflictError and changes nothing.")
      .def(
          "set_state",
          [](Tracker& t, ItemId id, State state, const std::string& note,
             std::optional<std::int64_t> expected_version) {
            return t.run([&](Store& s) { return s.set_state(id, state, note, expected_version); });
          },
          "id"_a, "state"_a, "note"_a = "", py::kw_only(), "expected_version"_a = py::none())
      .def(
          "remove", [](Tracker& t, ItemId id) { t.run([&](Store& s) { s.remove(id); }); }, "id"_a)
      // -- notes and history
      .def(
          "add_note",
          [](Tracker& t, ItemId id, const std::string& text) {
            return t.run([&](Store& s) { return s.add_note(id, text); });
          },
          "id"_a, "text"_a)
      .def(
          "notes",
          [](Tracker& t, ItemId id) { return t.run([&](Store& s) { return s.notes(id); }); },
          "id"_a)
      .def(
          "history",
          [](Tracker& t, ItemId id) { return t.run([&](Store& s) { return s.history(id); }); },
          "id"_a, "Every event of an item, oldest first.")
      .def(
          "events",
          [](Tracker& t, boost::gregorian::date from, boost::gregorian::date to,
             const std::string& field) {
            return t.run([&](Store& s) { return s.events(from, to, field); });
          },
          "start"_a, "end"_a, "field"_a = "",
          "Every event with start <= day <= end, oldest first; only the changes of field "
          "(\"due\", \"state\", ...) when it is given.")
      .def(
          "get_as_of",
          [](Tracker& t, ItemId id, boost::gregorian::date day) {
            return t.run([&](Store& s) { return s.get_as_of(id, day); });
          },
          "id"_a, "day"_a, "The item as it was at the end of day; None when it did not exist.")
      .def(
          "items_as_of",
          [](Tracker& t, boost::gregorian::date day) {
            return t.run([&](Store& s) { return s.items_as_of(day); });
          },
          "day"_a)
      .def(
          "state_counts",
          [](Tracker& t, const std::vector<boost::gregorian::date>& days) {
            const auto counts = t.run([&](Store& s) { return s.state_counts(days); });
            py::list out;
            for (const StateCounts& day : counts) {
              py::dict by_state;
              for (State state : all_states)
                by_state[py::str(std::string(to_string(state)))] =
                    day[static_cast<std::size_t>(state)];
              out.append(std::move(by_state));
            }
            return out;
          },
          "days"_a,
          "For each day, how many items were in each state at its end: "
          "[{\"open\": n, \"in_progress\": n, ...}, ...].")
      // -- queries
      .def(
          "find",
          [](Tracker& t, const py::object& filter, const py::kwargs& kwargs) {
            const QueryArgs args(filter, kwargs);
            return t.run([&](Store& s) { return s.find(args.resolve(s)); });
          },
          "filter"_a = py::none(),
          "Items matching a filter (\"owner:'ICANN Org' +overdue\") and keyword filters.")
      .def(
          "count",
          [](Tracker& t, const py::object& filter, const py::kwargs& kwargs) {
            const QueryArgs args(filter, kwargs);
            return t.run([&](Store& s) { return s.count(args.resolve(s)); });
          },
          "filter"_a = py::none())
      // -- owners, groups, meetings
      .def(
          "add_owner",
          [](Tracker& t, const std::string& name, const std::string& initials) {
            return t.run([&](Store& s) { return s.add_owner(name, initials); });
          },
          "name"_a, "initials"_a = "")
      .def(
          "owner",
          [](Tracker& t, const std::string& name) {
            return t.run([&](Store& s) { return s.owner(name); });
          },
          "name"_a)
      .def("owners", [](Tracker& t) { return t.run([](Store& s) { return s.owners(); }); })
      .def(
          "add_member",
          [](Tracker& t, const std::string& group, const std::string& member) {
            t.run([&](Store& s) { s.add_member(group, member); });
          },
          "group"_a, "member"_a)
      .def(
          "add_meeting",
          [](Tracker& t, const Meeting& meeting) {
            return t.run([&](Store& s) { return s.add_meeting(meeting); });
          },
          "meeting"_a)
      .def(
          "add_meeting",
          [](Tracker& t, const std::string& title, std::optional<boost::gregorian::date> date,
             const std::string& place) {
            Meeting meeting;
            meeting.title = title;
            if (date) meeting.date = *date;
            meeting.place = place;
            return t.run([&](Store& s) { return s.add_meeting(meeting); });
          },
          "title"_a, "date"_a = py::none(), "place"_a = "")
      .def(
          "meeting",
          [](Tracker& t, MeetingId id) { return t.run([&](Store& s) { return s.meeting(id); }); },
          "id"_a)
      .def("meetings", [](Tracker& t) { return t.run([](Store& s) { return s.meetings(); }); })
      .def(
          "update_meeting",
          [](Tracker& t, const Meeting& meeting) {
            return t.run([&](Store& s) { return s.update_meeting(meeting); });
          },
          "meeting"_a,
          "Replaces the meeting's fields and agenda; agenda items of the same title keep their "
          "ids and linked actions.")
      .def(
          "find_meeting",
          [](Tracker& t, const std::string& name, boost::gregorian::date date) {
            return t.run([&](Store& s) { return s.find_meeting(name, date); });
          },
          "name"_a, "date"_a, "The meeting of that series or title on that day, or None.")
      .def(
          "next_meeting",
          [](Tracker& t, boost::gregorian::date day, const std::string& series) {
            return t.run([&](Store& s) { return s.next_meeting(day, series); });
          },
          "day"_a, "series"_a = "",
          "The earliest meeting on or after day (of the series, when given), or None.")
      .def(
          "previous_meeting",
          [](Tracker& t, const Meeting& meeting) {
            return t.run([&](Store& s) { return s.previous_meeting(meeting); });
          },
          "meeting"_a, "The latest meeting of the same series before it, or None.")
      .def(
          "agenda_item",
          [](Tracker& t, AgendaItemId id) {
            return t.run([&](Store& s) { return s.agenda_item(id); });
          },
          "id"_a)
      .def(
          "event_date",
          [](Tracker& t, const std::string& name) {
            return t.run([&](Store& s) { return s.event_date(name); });
          },
          "name"_a, "The date of the earliest meeting named after the event (\"ICANN59\").");
}

}  // namespace libtracker::python
