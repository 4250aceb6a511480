#pragma once
/// @file reminder_log.hpp
/// The record of reminders sent: what the store keeps so that a day's reminders go out once.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/ptime.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "libtracker/action_item.hpp"

namespace libtracker {

/// One reminder message recorded as sent.
struct SentReminder {
  std::int64_t id = 0;
  /// The day the reminder was about (its as-of day).
  boost::gregorian::date day{boost::date_time::not_a_date_time};
  /// When it was recorded, and by whom (the store's clock and actor).
  boost::posix_time::ptime sent_at;
  std::string actor;
  /// The person's name and the address it went to.
  std::string recipient;
  std::string address;
  /// The message's Message-ID header, without the angle brackets.
  std::string message_id;
  /// The items it listed.
  std::vector<ItemId> items;
};

}  // namespace libtracker
