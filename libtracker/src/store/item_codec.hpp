#pragma once
// Items and their fields as text: the form history events and JSON documents use.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"

namespace libtracker::detail {

/// The fields a "changed" event can name, in the order changes are recorded.
const std::vector<std::string>& item_fields();

/// The canonical text of one field (dates ISO, lists as a JSON array, absent as "").
std::string field_value(const ActionItem& item, std::string_view field);

/// True when @p a and @p b have the same value of @p field, as field_value would say (without
/// writing either as text).
bool same_field(const ActionItem& a, const ActionItem& b, std::string_view field);

/// Sets one field from its canonical text. @throw ParseError for a value that does not fit.
void set_field(ActionItem& item, std::string_view field, const std::string& value);

/// The item's to_dict() form: id, text, details, owners, due, state, status_note, tags,
/// meeting, impact, effort, created, closed, version.
nlohmann::json item_to_json(const ActionItem& item);

/// Reads the to_dict() form (missing keys keep their defaults; "ref" is read when present).
/// @throw ParseError naming the key whose value does not fit.
ActionItem item_from_json(const nlohmann::json& value);

}  // namespace libtracker::detail
