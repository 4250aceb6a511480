// Fuzzes parse_status: any text gives a state (and note) or throws ParseError.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/status_parser.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const libtracker::ParsedStatus status = libtracker::parse_status(text);
    if (status.note.size() > text.size()) std::abort();
  } catch (const libtracker::ParseError& e) {
    if (e.position() > text.size()) std::abort();
  }
  return 0;
}
