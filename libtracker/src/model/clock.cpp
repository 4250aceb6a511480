#include "libtracker/clock.hpp"

#include <boost/date_time/posix_time/posix_time_types.hpp>

namespace libtracker {

Clock system_clock() {
  return [] { return boost::posix_time::microsec_clock::universal_time(); };
}

Clock fixed_clock(boost::gregorian::date day) {
  const boost::posix_time::ptime start(day);
  return [start] { return start; };
}

}  // namespace libtracker
