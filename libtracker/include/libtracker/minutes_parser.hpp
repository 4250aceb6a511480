#pragma once
/// @file minutes_parser.hpp
/// Finds action items in meeting slides and minutes (text extracted from PDF or slides).

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/date_parser.hpp"

namespace libtracker {

/// A line that looked like part of an action list but was not taken, and why.
struct SkippedLine {
  std::size_t line = 0;
  std::string text;
  std::string reason;
};

/// What parse_action_items found: items (unsaved, ids 0) with the line each starts on.
struct ParsedMinutes {
  std::vector<ActionItem> items;
  std::vector<std::size_t> lines;
  std::vector<SkippedLine> skipped;
};

/// Finds action items in @p text: tab-separated tables whose header names Action and Owner
/// (and Due Date, Status when present), across pages "(1 of 3)"; bullet lists under an
/// "Action Items" heading with "Status:" sub-bullets; lines starting "Action item:",
/// "Action:" or "AI:". Agenda bullets are not action items. Due dates are read against
/// @p reference with @p options.
/// @throw ParseError for text that is not valid UTF-8.
ParsedMinutes parse_action_items(std::string_view text, boost::gregorian::date reference,
                                 const DateOptions& options = {});

}  // namespace libtracker
