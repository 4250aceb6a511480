#include "libtracker/formats.hpp"

#include <string>

#include "libtracker/error.hpp"
#include "libtracker/readers.hpp"
#include "text/text_util.hpp"

namespace libtracker {

std::string_view to_string(Format f) noexcept {
  switch (f) {
    case Format::minutes:
      return "minutes";
    case Format::csv:
      return "csv";
    case Format::json:
      return "json";
    case Format::taskwarrior:
      return "taskwarrior";
    case Format::ics:
      return "ics";
    case Format::docx:
      return "docx";
    case Format::pptx:
      return "pptx";
    case Format::xlsx:
      return "xlsx";
    case Format::pdf:
      return "pdf";
    case Format::html:
      return "html";
    case Format::agenda:
      return "agenda";
  }
  return "csv";
}

Format format_from_string(std::string_view name) {
  const std::string key = detail::lower(detail::trim(name));
  for (Format f :
       {Format::minutes, Format::csv, Format::json, Format::taskwarrior, Format::ics,
        Format::agenda, Format::docx, Format::pptx, Format::xlsx, Format::pdf, Format::html})
    if (key == to_string(f)) return f;
  if (key == "htm") return Format::html;
  if (key == "word") return Format::docx;
  if (key == "powerpoint") return Format::pptx;
  if (key == "excel") return Format::xlsx;
  if (key == "task" || key == "tw") return Format::taskwarrior;
  if (key == "ical" || key == "icalendar" || key == "ics") return Format::ics;
  if (key == "text" || key == "txt" || key == "md" || key == "markdown") return Format::minutes;
  throw ParseError(
      "unknown format (expected minutes, agenda, csv, json, taskwarrior, ics, docx, pptx, xlsx, "
      "pdf or html)",
      std::string(name), 0, "format");
}

Format format_for_path(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::string name = detail::lower(file);
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // Taskwarrior files are JSON too: they say so in their name ("tasks.task.json", "x.tw.json").
  if (ends_with(".task.json") || ends_with(".tw.json") || ends_with(".taskwarrior.json") ||
      ends_with(".taskwarrior"))
    return Format::taskwarrior;
  if (ends_with(".csv")) return Format::csv;
  if (ends_with(".json")) return Format::json;
  if (ends_with(".ics") || ends_with(".ical") || ends_with(".ifb")) return Format::ics;
  if (ends_with(".docx") || ends_with(".docm")) return Format::docx;
  if (ends_with(".pptx") || ends_with(".pptm")) return Format::pptx;
  if (ends_with(".xlsx") || ends_with(".xlsm")) return Format::xlsx;
  if (ends_with(".pdf")) return Format::pdf;
  if (ends_with(".html") || ends_with(".htm") || ends_with(".xhtml")) return Format::html;
  if (ends_with(".txt") || ends_with(".md") || ends_with(".text") || ends_with(".markdown"))
    return Format::minutes;
  throw ParseError(
      "cannot tell the format from the file name (use .csv, .json, .task.json, .ics, .txt, "
      ".md, .docx, .pptx, .xlsx, .pdf or .html, or name the format)",
      std::string(path), 0, "format");
}

bool is_document_format(Format f) noexcept {
  return f == Format::docx || f == Format::pptx || f == Format::xlsx || f == Format::pdf ||
         f == Format::html;
}

Format format_for_file(std::string_view content, std::string_view path) {
  if (const std::optional<DocumentFormat> d = detect_document_format(content)) {
    switch (*d) {
      case DocumentFormat::docx:
        return Format::docx;
      case DocumentFormat::pptx:
        return Format::pptx;
      case DocumentFormat::xlsx:
        return Format::xlsx;
      case DocumentFormat::pdf:
        return Format::pdf;
      case DocumentFormat::html:
        return Format::html;
    }
  }
  // A file named .docx that is no Word file is refused by its reader with a ParseError.
  return format_for_path(path);
}

}  // namespace libtracker
