#pragma once
// A meeting as the report's blocks show it: the line saying when and where, and its agenda as
// a table; the meeting pack and the weekly report's "Next meeting" both use them (private to
// the library).

#include <optional>
#include <string>

#include "libtracker/meeting.hpp"
#include "report/report_blocks.hpp"

namespace libtracker::detail {

/// "09:00-09:45", "14:00" (no end), "" (no start).
std::string meeting_times(const std::optional<TimeOfDay>& start,
                          const std::optional<TimeOfDay>& end);

/// "2020-03-10 to 2020-03-11, 09:00-18:00 America/Cancun; ICANN67 Cancun (MX)".
std::string meeting_when(const Meeting& m);

/// The agenda: #, then day, time, block, chair, presenters and level where any item has one,
/// item (breaks and TBC marked) and notes.
Table agenda_table(const Meeting& m);

}  // namespace libtracker::detail
