#pragma once
/// @file minutes_parser.hpp
/// Finds action items in meeting slides and minutes (text extracted from PDF or slides).

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string_view>

#include "libtracker/date_parser.hpp"
#include "libtracker/extract.hpp"

namespace libtracker {

/// What parse_action_items found: items (unsaved, ids 0) with the line each starts on, the
/// lines skipped, the items that need review, and the reference date used.
using ParsedMinutes = ImportOutcome;

/// Finds action items in @p text: read_text_document, then extract_action_items. Tables
/// (tab-separated or pipes) whose header names an action and an owner, due date, status or
/// number, across pages "(1 of 3)"; bullet lists under a heading about actions with
/// "Status:" sub-bullets; lines starting "Action item:", "Action:" or "AI:". Agenda bullets
/// are not action items. Due dates are read against @p reference with @p options.
/// @throw ParseError for text that is not valid UTF-8.
ParsedMinutes parse_action_items(std::string_view text, boost::gregorian::date reference,
                                 const DateOptions& options = {});

/// The same, with every extraction option (the reference date may come from the document).
/// @throw ParseError naming @p source for text that is not valid UTF-8.
ParsedMinutes parse_action_items(std::string_view text, const ExtractOptions& options,
                                 const std::string& source = "minutes");

}  // namespace libtracker
