#pragma once
/// @file note.hpp
/// A dated, authored progress note on an action item.

#include <boost/date_time/posix_time/ptime.hpp>
#include <cstdint>
#include <string>

#include "libtracker/action_item.hpp"

namespace libtracker {

/// A progress note ("followed up 6/2"), kept with the item and in its history.
struct Note {
  /// Given by the Store, increasing in the order notes were written.
  std::int64_t id = 0;
  /// The item it is on.
  ItemId item = 0;
  /// When it was written (UTC).
  boost::posix_time::ptime at;
  /// Who wrote it (the store's actor).
  std::string author;
  std::string text;
};

}  // namespace libtracker
