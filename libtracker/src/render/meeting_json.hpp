#pragma once
// A meeting with its agenda as JSON, as the meeting pack and the weekly report write it
// (private to the library).

#include <nlohmann/json.hpp>

#include "libtracker/meeting.hpp"

namespace libtracker::detail {

/// {"id", "title", "series", "date", "end_date", "start", "end", "time_zone", "place",
/// "agenda": [{"id", "position", "day", "start", "end", "duration", "block", "title", "kind",
/// "chairs", "presenters", "engagement", "to_be_confirmed", "notes"}]}.
nlohmann::json meeting_to_json(const Meeting& m);

}  // namespace libtracker::detail
