#pragma once
/// @file formats.hpp
/// The list formats libtracker reads and writes.

#include <string>
#include <string_view>

namespace libtracker {

/// minutes: meeting slides or minutes as text (import only); csv: RFC 4180 with a header row;
/// json: the to_dict() form with notes and history; taskwarrior: `task export` / `task import`
/// JSON; ics: iCalendar VTODOs (export only).
enum class Format { minutes, csv, json, taskwarrior, ics };

/// "minutes", "csv", "json", "taskwarrior", "ics".
std::string_view to_string(Format f) noexcept;
/// @throw ParseError for an unknown name.
Format format_from_string(std::string_view name);
/// The format a file name suggests (by extension; ".txt" and ".md" are minutes).
/// @throw ParseError when the extension says nothing.
Format format_for_path(std::string_view path);

}  // namespace libtracker
