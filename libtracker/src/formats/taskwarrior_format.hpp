#pragma once
// Taskwarrior's JSON: what `task export` writes and `task import` reads (private to the library).

#include <string>
#include <string_view>
#include <vector>

#include "formats/imported_item.hpp"

namespace libtracker {
class Store;
}

namespace libtracker::detail {

/// Reads `task export` output: a JSON array of tasks, or one task object per line
/// (rc.json.array=off). Recurring templates (status "recurring") are left out: their
/// instances are the tasks.
/// @throw ParseError naming @p source and the line of the task at fault.
std::vector<ImportedItem> parse_taskwarrior_items(std::string_view text, const std::string& source);

/// A JSON array that `task import` accepts, one task per item.
std::string write_taskwarrior_items(const Store& store, const std::vector<ActionItem>& items);

/// The uuid an item is exported under: its ref when that is a uuid, else one derived from
/// the item's id and creation date (the same on every export, UUID version 4 layout).
std::string taskwarrior_uuid(const ActionItem& item);

}  // namespace libtracker::detail
