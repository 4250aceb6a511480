// Fuzzes the ZIP layer and detection: raw bytes as an archive, read as whatever they are
// detected as, else as Word.
#include "fuzz_documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace libtracker;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::optional<DocumentFormat> format = detect_document_format(bytes);
  fuzz::check_document(bytes, format ? *format : DocumentFormat::docx);
  return 0;
}
