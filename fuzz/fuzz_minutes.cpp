// Fuzzes parse_action_items: any document gives items (each with text and a line) or throws
// ParseError.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/minutes_parser.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const libtracker::ParsedMinutes m =
        libtracker::parse_action_items(text, boost::gregorian::date(2017, 6, 15));
    if (m.items.size() != m.lines.size()) std::abort();
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      if (m.items[i].text.empty() || m.lines[i] == 0) std::abort();
      if (m.items[i].due.has_date() && m.items[i].due.date().is_special()) std::abort();
    }
  } catch (const libtracker::ParseError& e) {
    if (e.line() == 0) std::abort();  // errors in a document name their line
  }
  return 0;
}
