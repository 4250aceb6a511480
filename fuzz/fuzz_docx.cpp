// Fuzzes the Word reader: document.xml, styles.xml and numbering.xml from the input.
#include "fuzz_documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace libtracker;
  const std::string zip =
      fuzz::zip_of_parts(std::string_view(reinterpret_cast<const char*>(data), size),
                         {"word/document.xml", "word/styles.xml", "word/numbering.xml"});
  fuzz::check_document(zip, DocumentFormat::docx);
  return 0;
}
