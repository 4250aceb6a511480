// Fuzzes the HTML reader (libxml2's HTML parser and the walk over its tree).
#include "fuzz_documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  libtracker::fuzz::check_document(std::string_view(reinterpret_cast<const char*>(data), size),
                                   libtracker::DocumentFormat::html);
  return 0;
}
