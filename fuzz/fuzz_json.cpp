// Fuzzes the libtracker JSON importer (a document with items, notes and history, or an array of items): every input gives items with a text, or a ParseError that names the source and
// a line inside the input.

#include <libtracker/error.hpp>
#include <libtracker/import.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const boost::gregorian::date reference(2017, 6, 15);
  try {
    for (const libtracker::ActionItem& item :
         libtracker::parse_items(text, libtracker::Format::json, reference, {}, "fuzz.json")) {
      if (item.text.empty()) std::abort();
    }
  } catch (const libtracker::ParseError& e) {
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    if (e.source() != "fuzz.json" || e.line() == 0 || e.line() > lines) std::abort();
  }
  return 0;
}
