// Fuzzes the CSV importer (reader, header synonyms, field parsers): every input gives items
// with a text, or a ParseError that names the source and a line inside the input.

#include <libtracker/error.hpp>
#include <libtracker/import.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const boost::gregorian::date reference(2017, 6, 15);
  try {
    for (const libtracker::ActionItem& item :
         libtracker::parse_items(text, libtracker::Format::csv, reference, {}, "fuzz.csv")) {
      if (item.text.empty()) std::abort();
    }
  } catch (const libtracker::ParseError& e) {
    // LF, CRLF and a lone CR each end a line.
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
    if (e.source() != "fuzz.csv" || e.line() == 0 || e.line() > lines) std::abort();
  }
  return 0;
}
