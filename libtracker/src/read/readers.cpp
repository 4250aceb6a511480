// read_document: the one entry point to the document readers, and detection from content.

#include "libtracker/readers.hpp"

#include "libtracker/error.hpp"
#include "read/office_readers.hpp"
#include "read/zip_archive.hpp"
#include "text/text_util.hpp"

namespace libtracker {

std::string_view to_string(DocumentFormat f) noexcept {
  switch (f) {
    case DocumentFormat::docx:
      return "docx";
    case DocumentFormat::pptx:
      return "pptx";
    case DocumentFormat::xlsx:
      return "xlsx";
    case DocumentFormat::pdf:
      return "pdf";
    case DocumentFormat::html:
      return "html";
  }
  return "docx";
}

namespace {

bool looks_like_html(std::string_view content) {
  if (content.size() >= 3 && content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.remove_prefix(3);
  const std::string_view rest = detail::trim(content.substr(0, std::size_t{64} * 1024));
  if (rest.empty() || rest.front() != '<') return false;
  const std::string head = detail::lower(rest.substr(0, 4096));
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<table", "<div", "<p>",
                          "<h1", "<h2", "<h3", "<ul", "<ol", "<meta", "<title"})
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

}  // namespace

std::optional<DocumentFormat> detect_document_format(std::string_view content) noexcept {
  if (content.size() >= 5 && content.compare(0, 5, "%PDF-") == 0) return DocumentFormat::pdf;
  // Some producers write a few bytes before the header; PDF readers accept it within 1 KiB.
  if (content.substr(0, 1024).find("%PDF-") != std::string_view::npos) return DocumentFormat::pdf;
  if (detail::looks_like_zip(content)) {
    try {
      detail::ZipArchive zip(content, std::string(), ReadLimits{});
      if (zip.has("word/document.xml")) return DocumentFormat::docx;
      if (zip.has("ppt/presentation.xml")) return DocumentFormat::pptx;
      if (zip.has("xl/workbook.xml")) return DocumentFormat::xlsx;
    } catch (...) {
      return std::nullopt;
    }
    return std::nullopt;
  }
  try {
    if (looks_like_html(content)) return DocumentFormat::html;
  } catch (...) {
  }
  return std::nullopt;
}

Document read_document(std::string_view content, DocumentFormat format, const std::string& source,
                       const ReadLimits& limits) {
  if (content.size() > limits.max_file_bytes)
    throw ParseError("file larger than " + std::to_string(limits.max_file_bytes >> 20) + " MiB",
                     std::string(), 0, source);
  if (content.empty()) throw ParseError("empty file", std::string(), 0, source);
  switch (format) {
    case DocumentFormat::docx:
    case DocumentFormat::pptx:
    case DocumentFormat::xlsx:
      if (!detail::looks_like_zip(content))
        throw ParseError(std::string("not a ") + std::string(to_string(format)) +
                             " file (a ZIP archive was expected)",
                         std::string(), 0, source);
      if (format == DocumentFormat::docx) return detail::read_docx(content, source, limits);
      if (format == DocumentFormat::pptx) return detail::read_pptx(content, source, limits);
      return detail::read_xlsx(content, source, limits);
    case DocumentFormat::pdf:
      return detail::read_pdf(content, source, limits);
    case DocumentFormat::html:
      return detail::read_html(content, source, limits);
  }
  throw ParseError("unknown document format", std::string(), 0, source);
}

}  // namespace libtracker
