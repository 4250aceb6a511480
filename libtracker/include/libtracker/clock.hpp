#pragma once
/// @file clock.hpp
/// The source of "now": injectable so tests and reports are reproducible.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/ptime.hpp>
#include <functional>

namespace libtracker {

/// Returns the current UTC time.
using Clock = std::function<boost::posix_time::ptime()>;

/// The real clock (UTC).
Clock system_clock();

/// A clock stopped at the start of @p day.
Clock fixed_clock(boost::gregorian::date day);

}  // namespace libtracker
