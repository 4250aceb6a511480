#pragma once
// An item read from an import file, with what the file said about it (private to the library).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/event.hpp"
#include "libtracker/note.hpp"

namespace libtracker::detail {

/// The fields an input gave a value for. A re-import changes only these: an empty cell in a
/// list does not erase what the tracker already knows.
enum ImportedField : std::uint32_t {
  field_text = 1u << 0,
  field_details = 1u << 1,
  field_owners = 1u << 2,
  field_due = 1u << 3,
  field_state = 1u << 4,
  field_status_note = 1u << 5,
  field_tags = 1u << 6,
  field_impact = 1u << 7,
  field_effort = 1u << 8,
  field_created = 1u << 9,
  field_closed = 1u << 10,
  field_ref = 1u << 11,
};

struct ImportedItem {
  ActionItem item;
  /// 1-based line of the input where the item starts.
  std::size_t line = 0;
  /// ImportedField bits.
  std::uint32_t provided = 0;
  /// Notes with their original time and author (author empty: the importing actor).
  std::vector<Note> notes;
  /// The item's history as exported (JSON format only); replayed for new items.
  std::vector<Event> history;

  bool has(ImportedField f) const noexcept { return (provided & f) != 0; }
};

/// Rejects user text that a store must not hold (invalid UTF-8, control characters other
/// than tab, LF and CR) in every text field of @p imported.
/// @throw ParseError placed at the item's line of @p source.
void check_imported_text(const ImportedItem& imported, const std::string& source);

}  // namespace libtracker::detail
