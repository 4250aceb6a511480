#pragma once
/// @file meeting.hpp
/// A meeting that action items come from.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>

#include "libtracker/action_item.hpp"

namespace libtracker {

/// "SSR2 Staff, Co-Chairs Coordination", 2017-06-15, "ICANN59 Johannesburg".
struct Meeting {
  MeetingId id = 0;
  std::string title;
  boost::gregorian::date date{boost::date_time::not_a_date_time};
  /// Place or event the meeting belongs to.
  std::string place;
};

}  // namespace libtracker
