// Fuzzes parse_due and parse_date: any input either parses to a calendar date Boost can hold
// or throws ParseError. Anything else (another exception, a crash, a bad date) is a bug.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <libtracker/date_parser.hpp>
#include <libtracker/error.hpp>
#include <string_view>

namespace {

using boost::gregorian::date;

bool valid(date d) { return !d.is_special() && d.year() >= 1400 && d.year() <= 9999; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the options and the reference date; the rest is the text.
  const std::uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  libtracker::DateOptions options;
  options.day_first = (flags & 1) != 0;
  if (flags & 2)
    options.event_date = [](std::string_view name) -> std::optional<date> {
      if (name == "ICANN59") return date(2017, 6, 25);
      return std::nullopt;
    };
  // References near both ends of Boost's calendar find overflow in relative dates.
  const date reference = (flags & 4)   ? date(9999, 12, 20)
                         : (flags & 8) ? date(1400, 1, 3)
                                       : date(2017, 6, 15);
  try {
    const libtracker::Due due = libtracker::parse_due(text, reference, options);
    if (due.has_date() && !valid(due.date())) std::abort();
    if (!due.is_none() && due.text().empty()) std::abort();
  } catch (const libtracker::ParseError& e) {
    if (e.position() > text.size()) std::abort();
  }
  try {
    if (!valid(libtracker::parse_date(text, reference, options))) std::abort();
  } catch (const libtracker::ParseError&) {
  }
  return 0;
}
