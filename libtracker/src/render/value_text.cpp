#include "render/value_text.hpp"

#include "libtracker/text.hpp"

namespace libtracker::detail {

std::string due_text(const Due& due) {
  if (due.has_date()) return iso_date(due.date());
  return due.is_tbd() ? std::string("TBD") : std::string();
}

std::string state_label(State s) {
  switch (s) {
    case State::open:
      return "Open";
    case State::in_progress:
      return "In progress";
    case State::blocked:
      return "Blocked";
    case State::done:
      return "Done";
    case State::cancelled:
      return "Cancelled";
  }
  return "Open";
}

std::string status_text(const ActionItem& item) {
  std::string out = state_label(item.state);
  if (!item.status_note.empty()) out += ": " + item.status_note;
  return out;
}

std::string owners_text(const ActionItem& item) { return join(item.owners, ", "); }

}  // namespace libtracker::detail
