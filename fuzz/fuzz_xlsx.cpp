// Fuzzes the Excel reader: the workbook, its relationships, shared strings, styles, a sheet.
#include "fuzz_documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace libtracker;
  const std::string zip =
      fuzz::zip_of_parts(std::string_view(reinterpret_cast<const char*>(data), size),
                         {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                          "xl/styles.xml", "xl/worksheets/sheet1.xml"});
  fuzz::check_document(zip, DocumentFormat::xlsx);
  return 0;
}
