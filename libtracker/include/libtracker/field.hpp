#pragma once
/// @file field.hpp
/// The fields of an action item, as history events, imports and Python's update() name them.

#include <array>
#include <optional>
#include <string_view>

namespace libtracker {

/// A field of an ActionItem (id and version are the store's, not fields). Events store a
/// field by its name, never by its number.
enum class Field {
  text,
  details,
  owners,
  due,
  state,
  status_note,
  tags,
  meeting,
  agenda_item,
  impact,
  effort,
  closed,
  ref,
  created
};

/// Every field, in the order a change records them.
inline constexpr std::array<Field, 14> all_fields{
    Field::text,        Field::details, Field::owners,  Field::due,         Field::state,
    Field::status_note, Field::tags,    Field::meeting, Field::agenda_item, Field::impact,
    Field::effort,      Field::closed,  Field::ref,     Field::created};

/// The field's name, as ActionItem spells its member: "text", "status_note", "agenda_item", ...
std::string_view to_string(Field field) noexcept;

/// The field named @p name (exactly as to_string writes it); std::nullopt for any other text.
std::optional<Field> field_from_string(std::string_view name) noexcept;

/// True for the fields an ItemChanges can set: all but closed and created, which the store
/// keeps from the state and the day an item was added.
constexpr bool is_changeable(Field field) noexcept {
  return field != Field::closed && field != Field::created;
}

}  // namespace libtracker
