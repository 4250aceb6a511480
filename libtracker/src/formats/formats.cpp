#include "libtracker/formats.hpp"

#include <string>

#include "libtracker/error.hpp"
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
  }
  return "csv";
}

Format format_from_string(std::string_view name) {
  const std::string key = detail::lower(detail::trim(name));
  for (Format f : {Format::minutes, Format::csv, Format::json, Format::taskwarrior, Format::ics})
    if (key == to_string(f)) return f;
  if (key == "task" || key == "tw") return Format::taskwarrior;
  if (key == "ical" || key == "icalendar" || key == "ics") return Format::ics;
  if (key == "text" || key == "txt" || key == "md" || key == "markdown") return Format::minutes;
  throw ParseError("unknown format (expected minutes, csv, json, taskwarrior or ics)",
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
  if (ends_with(".txt") || ends_with(".md") || ends_with(".text") || ends_with(".markdown"))
    return Format::minutes;
  throw ParseError(
      "cannot tell the format from the file name (use .csv, .json, .task.json, .ics, "
      ".txt or .md, or name the format)",
      std::string(path), 0, "format");
}

}  // namespace libtracker
