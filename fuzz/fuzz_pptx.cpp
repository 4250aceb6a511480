// Fuzzes the PowerPoint reader: the presentation, its relationships and two slides.
#include "fuzz_documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace libtracker;
  const std::string zip =
      fuzz::zip_of_parts(std::string_view(reinterpret_cast<const char*>(data), size),
                         {"ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
                          "ppt/slides/slide1.xml", "ppt/slides/slide2.xml"});
  fuzz::check_document(zip, DocumentFormat::pptx);
  return 0;
}
