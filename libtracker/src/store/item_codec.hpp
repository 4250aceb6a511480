#pragma once
// Items and their fields as stored: the one field table (each field's name, columns, row
// codec, text form and comparison), the list codec (owners and tags on the item row) and the
// text form history events and JSON documents use.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/field.hpp"
#include "store/engine.hpp"

namespace libtracker::detail {

/// One field of an item: its name, its columns in the items table, how it is read from a row
/// and bound to a statement, its canonical text and how two values compare.
struct FieldInfo {
  Field field;
  const char* name;
  /// Its columns in the items table, in the order read and bind use them.
  const char* columns;
  /// Reads the field from @p row, whose column @p first is the field's first column.
  void (*read)(Statement& row, int first, ActionItem& item);
  /// Binds the field's columns to parameters @p first, @p first + 1, ...
  void (*bind)(Statement& s, int first, const ActionItem& item);
  /// The canonical text (dates ISO, lists as a JSON array, absent as "").
  std::string (*text)(const ActionItem& item);
  /// Sets the field from its canonical text. @throw ParseError for a value that does not fit.
  void (*set)(ActionItem& item, const std::string& value);
  /// True when both items have the same value, as text() would say (without writing it).
  bool (*same)(const ActionItem& a, const ActionItem& b);
  /// How many columns it has.
  int column_count = 1;
  /// A change of it is recorded as a "changed" event (created never changes).
  bool recorded = true;
};

/// Every field, in the order of all_fields.
const std::vector<FieldInfo>& field_table();
/// The entry of @p field.
const FieldInfo& field_info(Field field);
/// The entry of the field named @p name. @throw ParseError for an unknown name.
const FieldInfo& field_info(std::string_view name);

/// Owners and tags are kept on the item row too, joined by the unit separator, so reading an
/// item is one row; item_owners and item_tags serve the filters.
inline constexpr char list_separator = '\x1f';
std::string join_list(const std::vector<std::string>& values);
std::vector<std::string> split_list(std::string_view joined);

/// The columns every item read selects, in the order read_item expects: id, each field's
/// columns in the order of field_table(), version.
const std::string& item_columns();
/// The item in the current row of a statement that selected item_columns().
ActionItem read_item(Statement& row);

/// The statement that inserts @p rows item rows and returns their ids in that order; bind row
/// k with bind_item(s, item, k * version_parameter()).
std::string insert_items_sql(std::size_t rows);
/// The SET part of an UPDATE for @p field, with bind_item's parameter numbers.
std::string column_assignment(Field field);
/// The parameter numbers of the version and id in insert_item_sql() and UPDATEs.
int version_parameter();
int id_parameter();
/// Binds @p item's fields and version with the numbers of column_assignment() (and of
/// insert_items_sql()'s first row), each moved by @p offset.
void bind_item(Statement& s, const ActionItem& item, int offset = 0);

/// The canonical text of one field (dates ISO, lists as a JSON array, absent as "").
/// @throw ParseError for an unknown field name.
std::string field_value(const ActionItem& item, std::string_view field);

/// Sets one field from its canonical text. @throw ParseError for a value that does not fit
/// or an unknown field name.
void set_field(ActionItem& item, std::string_view field, const std::string& value);

/// The item's to_dict() form: id, text, details, owners, due, state, status_note, tags,
/// meeting, impact, effort, created, closed, version.
nlohmann::json item_to_json(const ActionItem& item);

/// Reads the to_dict() form (missing keys keep their defaults; "ref" is read when present).
/// @throw ParseError naming the key whose value does not fit.
ActionItem item_from_json(const nlohmann::json& value);

}  // namespace libtracker::detail
