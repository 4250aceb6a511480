// Fuzzes the minutes import (text reader and extractor): any document gives items (each with a
// text and a line) that keep the extraction invariants, or throws a ParseError naming its line.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/extract.hpp>
#include <libtracker/readers.hpp>
#include <string_view>

#include "../tests/extraction_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const libtracker::Document doc = libtracker::read_text_document(text, "fuzz-input");
    libtracker::ExtractOptions options;
    options.today = boost::gregorian::date(2017, 6, 15);
    const libtracker::ImportOutcome m = libtracker::extract_action_items(doc, options);
    if (m.items.size() != m.lines.size() || m.items.size() != m.parts.size()) std::abort();
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      if (m.items[i].text.empty() || m.lines[i] == 0) std::abort();
      if (m.items[i].due.has_date() && m.items[i].due.date().is_special()) std::abort();
    }
    if (m.reference.is_special()) std::abort();
    if (!libtracker::invariants::first_violation(doc, m).empty()) std::abort();
  } catch (const libtracker::ParseError& e) {
    if (e.line() == 0) std::abort();  // errors in a document name their line
  }
  return 0;
}
