// Fuzzes the CSV importer (reader, header synonyms, field parsers): every input gives items with a
// text, or a ParseError that names the source and a line inside the input.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_items.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  libtracker::fuzz::check_items(std::string_view(reinterpret_cast<const char*>(data), size),
                                libtracker::Format::csv, /*cr_ends_lines=*/true);
  return 0;
}
