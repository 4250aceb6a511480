// Value types: ActionItem, Note, Event, Owner (meetings are in bind_meeting.cpp).

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "bindings.hpp"
#include "casters.hpp"
#include "libtracker/action_item.hpp"
#include "libtracker/event.hpp"
#include "libtracker/meeting.hpp"
#include "libtracker/note.hpp"
#include "libtracker/owner.hpp"
#include "values.hpp"

namespace libtracker::python {

namespace {

std::string show(py::handle value) { return py::repr(value).cast<std::string>(); }

std::string item_repr(const ActionItem& item) {
  std::string out =
      "ActionItem(id=" + std::to_string(item.id) + ", text=" + show(py::str(item.text));
  if (!item.owners.empty()) out += ", owners=" + show(py::cast(item.owners));
  if (!item.due.is_none()) out += ", due=" + show(due_to_python(item.due));
  const auto state = to_string(item.state);
  out += ", state='" + std::string(state) + "'";
  if (!item.tags.empty()) out += ", tags=" + show(py::cast(item.tags));
  return out + ", version=" + std::to_string(item.version) + ")";
}

bool same_item(const ActionItem& a, const ActionItem& b) {
  return a.id == b.id && a.text == b.text && a.details == b.details && a.owners == b.owners &&
         a.due == b.due && a.due.text() == b.due.text() && a.state == b.state &&
         a.status_note == b.status_note && a.tags == b.tags && a.meeting == b.meeting &&
         a.agenda_item == b.agenda_item && a.impact == b.impact && a.effort == b.effort &&
         a.created == b.created && a.closed == b.closed && a.version == b.version && a.ref == b.ref;
}

}  // namespace

void bind_item(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<ActionItem>(m, "ActionItem",
                         "One action item: what must be done, by whom, by when, where it stands.")
      .def(py::init([](const std::string& text, const std::vector<std::string>& owners,
                       py::handle due, State state, const std::string& details,
                       const std::string& status_note, py::handle tags, py::handle meeting,
                       std::optional<Rating> impact, std::optional<Rating> effort,
                       const std::string& ref) {
             ActionItem item;
             item.text = text;
             item.owners = owners;
             item.due = due_from_canonical(due);
             item.state = state;
             item.details = details;
             item.status_note = status_note;
             item.tags = tags_from_python(tags);
             item.meeting = meeting_from_python(meeting);
             item.impact = impact;
             item.effort = effort;
             item.ref = ref;
             return item;
           }),
           "text"_a = "", "owners"_a = std::vector<std::string>{}, "due"_a = py::none(),
           "state"_a = State::open, py::kw_only(), "details"_a = "", "status_note"_a = "",
           "tags"_a = py::none(), "meeting"_a = py::none(), "impact"_a = py::none(),
           "effort"_a = py::none(), "ref"_a = "",
           "An unsaved item (id 0). due: a datetime.date, \"TBD\", an ISO date string or None.")
      .def_readwrite("id", &ActionItem::id)
      .def_readwrite("text", &ActionItem::text)
      .def_readwrite("details", &ActionItem::details)
      .def_readwrite("owners", &ActionItem::owners,
                     "People or groups, in the order given (a copy).")
      .def_property(
          "due", [](const ActionItem& item) { return due_to_python(item.due); },
          [](ActionItem& item, py::handle value) { item.due = due_from_canonical(value); },
          "A datetime.date, the string \"TBD\", or None.")
      .def_property_readonly(
          "due_text", [](const ActionItem& item) { return item.due.text(); },
          "The due date as it was written (\"30 May\"); \"\" when there is none.")
      .def_readwrite("state", &ActionItem::state)
      .def_readwrite("status_note", &ActionItem::status_note)
      .def_readwrite("tags", &ActionItem::tags, "Tags (a copy).")
      .def_readwrite("meeting", &ActionItem::meeting)
      .def_readwrite("agenda_item", &ActionItem::agenda_item,
                     "The id of the agenda item it was raised under, or None.")
      .def_readwrite("impact", &ActionItem::impact)
      .def_readwrite("effort", &ActionItem::effort)
      .def_readwrite("created", &ActionItem::created)
      .def_readwrite("closed", &ActionItem::closed)
      .def_readwrite("version", &ActionItem::version)
      .def_readwrite("ref", &ActionItem::ref)
      .def_property_readonly("is_open", &ActionItem::is_open)
      .def("is_overdue", &ActionItem::is_overdue, "today"_a, "Open with a due date before today.")
      .def("to_dict", &item_to_dict,
           "The item as a dict of JSON values: due is an ISO date, \"TBD\" or None; state a name.")
      .def(
          "__eq__", [](const ActionItem& a, const ActionItem& b) { return same_item(a, b); },
          py::is_operator())
      .def(
          "_repr_html_", [](const py::object& self) { return items_html(py::make_tuple(self)); },
          "The item as a one-row HTML table (Jupyter).")
      .def("__repr__", &item_repr);

  py::class_<Note>(m, "Note", "A dated, authored progress note on an item.")
      .def_readonly("id", &Note::id)
      .def_readonly("item", &Note::item)
      .def_readonly("at", &Note::at, "When (UTC).")
      .def_readonly("author", &Note::author)
      .def_readonly("text", &Note::text)
      .def("__repr__", [](const Note& n) {
        return "Note(item=" + std::to_string(n.item) + ", at=" + show(py::cast(n.at)) +
               ", author=" + show(py::str(n.author)) + ", text=" + show(py::str(n.text)) + ")";
      });

  py::class_<Event>(m, "Event", "One entry of an item's history; values in canonical text form.")
      .def_readonly("id", &Event::id)
      .def_readonly("item", &Event::item)
      .def_readonly("at", &Event::at, "When (UTC).")
      .def_readonly("actor", &Event::actor)
      .def_property_readonly(
          "kind", [](const Event& e) { return std::string(to_string(e.kind)); },
          "\"created\", \"changed\", \"note\" or \"deleted\".")
      .def_readonly("field", &Event::field)
      .def_readonly("old_value", &Event::old_value)
      .def_readonly("new_value", &Event::new_value)
      .def_readonly("version", &Event::version)
      .def("__repr__", [](const Event& e) {
        std::string out = "Event(item=" + std::to_string(e.item) + ", kind='" +
                          std::string(to_string(e.kind)) + "'";
        if (!e.field.empty())
          out += ", field='" + e.field + "', old_value=" + show(py::str(e.old_value)) +
                 ", new_value=" + show(py::str(e.new_value));
        return out + ", version=" + std::to_string(e.version) + ")";
      });

  py::class_<Owner>(m, "Owner", "A person or a group who owns items.")
      .def_readonly("id", &Owner::id)
      .def_readonly("name", &Owner::name)
      .def_readonly("initials", &Owner::initials)
      .def_readonly("email", &Owner::email, "E-mail address; \"\" when none is known.")
      .def_readonly("members", &Owner::members)
      .def("__repr__", [](const Owner& o) {
        return "Owner(name=" + show(py::str(o.name)) +
               (o.email.empty() ? std::string() : ", email=" + show(py::str(o.email))) +
               (o.members.empty() ? std::string() : ", members=" + show(py::cast(o.members))) + ")";
      });
}

}  // namespace libtracker::python
