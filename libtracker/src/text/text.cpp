// The text forms every output shares (libtracker/text.hpp).

#include "libtracker/text.hpp"

#include <boost/algorithm/string/join.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>

namespace libtracker {

std::string iso_date(boost::gregorian::date day) {
  if (day.is_special()) return {};
  const auto ymd = day.year_month_day();
  std::string out = "0000-00-00";
  // Digits from the right of each field; Boost keeps years within 1400..9999.
  auto put = [&out](std::size_t last, unsigned value) {
    for (std::size_t i = last; value > 0; --i, value /= 10)
      out[i] = static_cast<char>('0' + value % 10);
  };
  put(3, ymd.year);
  put(6, ymd.month);
  put(9, ymd.day);
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  return boost::algorithm::join(parts, separator);
}

}  // namespace libtracker
