#pragma once
/// @file export.hpp
/// Writing items out: CSV, JSON (with notes and history), Taskwarrior JSON, iCalendar.

#include <string>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/formats.hpp"

namespace libtracker {

class Store;

/// How export_items writes.
struct ExportOptions {
  /// csv, json, taskwarrior or ics (minutes cannot be written).
  Format format = Format::csv;
  /// iCalendar: one VCALENDAR per owner instead of one for all.
  bool calendar_per_owner = false;
  /// iCalendar (one calendar): a VEVENT per meeting and per agenda item with its own times.
  bool meetings = true;
};

/// Writes @p items (as stored in @p store, which supplies notes and history) in
/// options.format. User text is escaped for the format (CSV cells that a spreadsheet would
/// run as a formula are prefixed with an apostrophe).
/// @throw InvalidArgumentError for Format::minutes (not an export format).
std::string export_items(const Store& store, const std::vector<ActionItem>& items,
                         const ExportOptions& options);

/// An item in its to_dict() form as a compact JSON object.
std::string to_json(const ActionItem& item);

}  // namespace libtracker
