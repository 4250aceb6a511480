#include "formats/source_document.hpp"

#include "libtracker/readers.hpp"

namespace libtracker::detail {

std::optional<Document> read_source_document(std::string_view text, Format format,
                                             const std::string& source) {
  std::optional<DocumentFormat> document;
  switch (format) {
    case Format::minutes:
      return read_text_document(text, source);
    case Format::agenda:
      document = detect_document_format(text);
      if (!document) return read_text_document(text, source);
      break;
    case Format::docx:
      document = DocumentFormat::docx;
      break;
    case Format::pptx:
      document = DocumentFormat::pptx;
      break;
    case Format::xlsx:
      document = DocumentFormat::xlsx;
      break;
    case Format::pdf:
      document = DocumentFormat::pdf;
      break;
    case Format::html:
      document = DocumentFormat::html;
      break;
    case Format::csv:
    case Format::json:
    case Format::taskwarrior:
    case Format::ics:
      return std::nullopt;
  }
  return read_document(text, *document, source);
}

}  // namespace libtracker::detail
