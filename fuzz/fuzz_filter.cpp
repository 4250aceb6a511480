// Fuzzes the filter language (CLI and Python find("...")): every input gives a query, or a
// ParseError for the filter with a position inside it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/filter.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const libtracker::Query q = libtracker::parse_filter(text, boost::gregorian::date(2017, 6, 15));
    if (q.open && q.closed) std::abort();  // contradictory virtual tags are refused
  } catch (const libtracker::ParseError& e) {
    if (e.source() != "filter" || e.position() > size || e.text() != text) std::abort();
  }
  return 0;
}
