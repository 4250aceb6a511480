#pragma once
// The libtracker JSON document: items in their to_dict() form with ref, notes and history
// (private to the library).

#include <boost/date_time/posix_time/ptime.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "formats/imported_item.hpp"

namespace libtracker {
class Store;
}

namespace libtracker::detail {

/// Deepest nesting of arrays and objects an imported JSON document may have.
inline constexpr int json_max_depth = 64;

/// Parses JSON text. Errors name @p source and the line.
/// @throw ParseError for malformed JSON, invalid UTF-8 or nesting deeper than json_max_depth.
nlohmann::json parse_json_document(std::string_view text, const std::string& source);

/// Byte offsets where the elements of the item array start: the root array, or the array
/// under the root object's "items" key. For naming the line of an item in errors.
std::vector<std::size_t> json_item_offsets(std::string_view text);

/// "2017-06-15T10:30:00Z" (also without the Z, with fractional seconds) as a UTC time.
/// @throw ParseError naming @p what.
boost::posix_time::ptime parse_iso_time(const std::string& text, const std::string& what);

/// Reads {"format": "libtracker", "version": 1, "items": [...]} or a bare array of items.
/// @throw ParseError naming @p source and the line of the item at fault.
std::vector<ImportedItem> parse_json_items(std::string_view text, const std::string& source);

/// The document parse_json_items reads, with every item's notes and history from @p store.
std::string write_json_items(const Store& store, const std::vector<ActionItem>& items);

}  // namespace libtracker::detail
