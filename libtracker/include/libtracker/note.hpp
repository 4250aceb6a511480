#pragma once
/// @file note.hpp
/// A dated, authored progress note on an action item.

#include <boost/date_time/posix_time/ptime.hpp>
#include <cstdint>
#include <string>

#include "libtracker/action_item.hpp"

namespace libtracker {

struct Note {
  std::int64_t id = 0;
  ItemId item = 0;
  boost::posix_time::ptime at;
  std::string author;
  std::string text;
};

}  // namespace libtracker
