#pragma once
// The readers behind read_document, one per format (private to the library).

#include <string>
#include <string_view>

#include "libtracker/document.hpp"
#include "libtracker/readers.hpp"

namespace libtracker::detail {

Document read_docx(std::string_view bytes, const std::string& source, const ReadLimits& limits);
Document read_pptx(std::string_view bytes, const std::string& source, const ReadLimits& limits);
Document read_xlsx(std::string_view bytes, const std::string& source, const ReadLimits& limits);
Document read_pdf(std::string_view bytes, const std::string& source, const ReadLimits& limits);
Document read_html(std::string_view bytes, const std::string& source, const ReadLimits& limits);

}  // namespace libtracker::detail
