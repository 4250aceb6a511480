#pragma once
/// @file date_parser.hpp
/// Due dates as people write them in minutes and slides, resolved against a reference date.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <functional>
#include <optional>
#include <string_view>

#include "libtracker/due.hpp"

namespace libtracker {

/// How dates are read beyond the forms every reader accepts.
struct DateOptions {
  /// Read "6/7" as 6 July (day/month) instead of June 7 (month/day, the default).
  bool day_first = false;
  /// Looks up the date of a named event ("ICANN59"); unset: event names are not understood.
  std::function<std::optional<boost::gregorian::date>(std::string_view)> event_date;
};

/// Parses a due date: ISO "2017-06-20"; "20 June 2017", "June 20, 2017", "20 Jun";
/// "30 May", "25th June" (the year nearest @p reference); "6/20", "6/20/2017";
/// "TBD"/"TBC"; "end of June", "end of week", "next Friday", "in 2 weeks", "+3d";
/// "ICANN59", "before ICANN59", "ahead of ICANN59" (through DateOptions::event_date).
/// The result keeps @p text (trimmed) as its original text. Empty text gives no due date.
/// @throw ParseError naming the text and the position of the first character not understood.
Due parse_due(std::string_view text, boost::gregorian::date reference,
              const DateOptions& options = {});

/// Like parse_due, but a calendar date is required ("TBD" and empty text are errors).
/// @throw ParseError.
boost::gregorian::date parse_date(std::string_view text, boost::gregorian::date reference,
                                  const DateOptions& options = {});

}  // namespace libtracker
