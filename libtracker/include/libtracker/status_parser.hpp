#pragma once
/// @file status_parser.hpp
/// Status text as written in lists ("In progress", "Waiting on Legal") as a state and a note.

#include <string>
#include <string_view>

#include "libtracker/state.hpp"

namespace libtracker {

/// What parse_status read: a state and what else the status said.
struct ParsedStatus {
  /// The state the status names or suggests.
  State state = State::open;
  /// The text to keep as the item's status note (empty when the status said nothing more).
  std::string note;
};

/// "In progress" -> in_progress; "Completed"/"Done"/"Closed" -> done; "Not started"/"Open"
/// -> open; "Waiting on ..."/"On hold"/"Blocked" -> blocked; "Cancelled"/"Withdrawn"/
/// "Dropped" -> cancelled. Any other text becomes the note with a sensible state (open,
/// or in_progress when it reports work under way).
/// @throw ParseError for text that is not valid UTF-8 or holds control characters.
ParsedStatus parse_status(std::string_view text);

}  // namespace libtracker
