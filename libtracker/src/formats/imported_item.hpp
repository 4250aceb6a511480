#pragma once
// An item read from an import file, with what the file said about it (private to the library).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/event.hpp"
#include "libtracker/field.hpp"
#include "libtracker/note.hpp"

namespace libtracker::detail {

/// The bit of @p field in ImportedItem::provided.
constexpr std::uint32_t field_bit(Field field) noexcept {
  return 1u << static_cast<unsigned>(field);
}

struct ImportedItem {
  ActionItem item;
  /// 1-based line of the input where the item starts.
  std::size_t line = 0;
  /// The fields the input gave a value for (field_bit() of each): a re-import changes only
  /// these, so an empty cell in a list does not erase what the tracker already knows.
  std::uint32_t provided = 0;
  /// Notes with their original time and author (author empty: the importing actor).
  std::vector<Note> notes;
  /// The item's history as exported (JSON format only); replayed for new items.
  std::vector<Event> history;

  bool has(Field f) const noexcept { return (provided & field_bit(f)) != 0; }
  void provide(Field f) noexcept { provided |= field_bit(f); }
};

/// Rejects user text that a store must not hold (invalid UTF-8, control characters other
/// than tab, LF and CR) in every text field of @p imported.
/// @throw ParseError placed at the item's line of @p source.
void check_imported_text(const ImportedItem& imported, const std::string& source);

}  // namespace libtracker::detail
