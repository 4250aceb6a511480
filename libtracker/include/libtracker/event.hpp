#pragma once
/// @file event.hpp
/// One entry of an item's change history.

#include <boost/date_time/posix_time/ptime.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "libtracker/action_item.hpp"

namespace libtracker {

/// created: the item was added (new_value is its text); changed: one field changed; note: a
/// note was added (new_value is its text); deleted: the item was removed (old_value holds its
/// last values as a JSON object). Stored as its number: never renumber.
enum class EventKind { created = 0, changed = 1, note = 2, deleted = 3 };

/// "created", "changed", "note", "deleted".
std::string_view to_string(EventKind k) noexcept;

/// A history event. Field values are in their canonical text form: dates ISO, due as
/// Due::to_string(), states by name, owners and tags as a JSON array.
struct Event {
  /// Increasing in the order events were written.
  std::int64_t id = 0;
  /// The item it happened to.
  ItemId item = 0;
  /// When (UTC, from the store's clock).
  boost::posix_time::ptime at;
  /// Who made the change (the store's actor).
  std::string actor;
  /// What happened.
  EventKind kind = EventKind::changed;
  /// The field changed ("due", "state", "owners", ...); empty for created/deleted/note.
  std::string field;
  /// The field's value before and after (see EventKind for the other kinds).
  std::string old_value;
  std::string new_value;
  /// The item's version after the event.
  std::int64_t version = 0;
};

}  // namespace libtracker
