#pragma once
// iCalendar (RFC 5545) export: one VTODO per item (private to the library).

#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"

namespace libtracker {
class Store;
}

namespace libtracker::detail {

/// TEXT value escaping: backslash, semicolon, comma and line breaks (as \n).
std::string ical_escape(std::string_view text);

/// One content line, folded to lines of at most 75 octets (never inside a UTF-8 sequence),
/// each ended by CRLF.
std::string ical_line(std::string_view line);

/// A VCALENDAR with one VTODO per item; with @p per_owner, one VCALENDAR per owner (named by
/// X-WR-CALNAME; items without owners in one named "(no owner)"), concatenated. With
/// @p with_meetings (one calendar only), a VEVENT per dated meeting of the store and per
/// agenda item with a start and an end.
std::string write_icalendar(const Store& store, const std::vector<ActionItem>& items,
                            bool per_owner, bool with_meetings = false);

}  // namespace libtracker::detail
