#pragma once
// An item's values as the report tables show them (private to the library).

#include <string>

#include "libtracker/action_item.hpp"

namespace libtracker::detail {

/// "2017-06-20", "TBD" or "".
std::string due_text(const Due& due);
/// "Open", "In progress", "Blocked", "Done", "Cancelled".
std::string state_label(State s);
/// State and status note: "In progress: Draft with RT for review."
std::string status_text(const ActionItem& item);
/// Owners joined with ", ".
std::string owners_text(const ActionItem& item);

}  // namespace libtracker::detail
