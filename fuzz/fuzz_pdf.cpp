// Fuzzes the PDF reader (poppler and the layout analysis).
#include "fuzz_documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  libtracker::fuzz::check_document(std::string_view(reinterpret_cast<const char*>(data), size),
                                   libtracker::DocumentFormat::pdf);
  return 0;
}
