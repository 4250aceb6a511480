#pragma once
// The store's write path: every INSERT and UPDATE of items, their owner and tag links, notes
// and history events, inside the caller's WriteTransaction.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/event.hpp"
#include "libtracker/note.hpp"
#include "libtracker/owner.hpp"
#include "store/store_impl.hpp"

namespace libtracker::detail {

/// Writes to the store at one time, @p at (microseconds since the epoch), as the store's actor.
struct Writer {
  StoreImpl& impl;
  std::int64_t at;

  /// The owner named @p name, created when new; @p canonical (when given) receives the name
  /// as stored.
  OwnerId owner_id(const std::string& name, std::string* canonical);

  /// Adds @p item (validated, with created and closed filled in) and its "created" event.
  /// @throw InvalidArgumentError, ParseError or NotFoundError for an item validate() refuses.
  ActionItem insert(ActionItem item, boost::gregorian::date today);
  /// Adds @p items as insert() would, with multi-row statements. @throw as insert(); nothing is
  /// written when one is refused.
  std::vector<ActionItem> insert_all(std::vector<ActionItem> items, boost::gregorian::date today);
  /// @throw NotFoundError when there is no such item.
  ActionItem load(ItemId id);
  /// Writes @p next over @p current, with one history event per changed field.
  /// @throw as insert() for an item validate() refuses.
  ActionItem rewrite(const ActionItem& current, ActionItem next, boost::gregorian::date today);
  /// @throw ConflictError when @p expected is given and is not @p current's version.
  static void check_version(const ActionItem& current, std::optional<std::int64_t> expected);

  /// Appends a history event at this writer's time, by the store's actor.
  void event(ItemId id, EventKind kind, const std::string& field, const std::string& old_value,
             const std::string& new_value, std::int64_t version);
  /// Appends @p e (its own time and actor; the store's actor when it has none) to @p id's
  /// history.
  void event(ItemId id, const Event& e);

  /// Adds a note at this writer's time, by the store's actor, with its "note" event.
  /// @throw InvalidArgumentError for an empty text.
  Note note(ItemId id, const std::string& text, std::int64_t version);
  /// Adds a note with its own time and author, without an event.
  /// @throw InvalidArgumentError for an empty text.
  Note note_row(ItemId id, const std::string& text, const boost::posix_time::ptime& when,
                const std::string& author);

 private:
  /// Trims and checks @p item before it is written: the one place an item is validated.
  void validate(ActionItem& item, const ActionItem* current);
  void check_meeting(const std::optional<MeetingId>& meeting);
  void check_agenda_item(ActionItem& item);
  void link_owners(ItemId id, std::vector<std::string>& owners);
  void link_tags(ItemId id, const std::vector<std::string>& tags);
  /// Binds an event row (item, at, actor, kind, field, old, new, version) from parameter
  /// @p first: one at this writer's time by the store's actor, or @p e as it is.
  void bind_event(Statement& s, int first, ItemId id, EventKind kind, const std::string& field,
                  const std::string& old_value, const std::string& new_value, std::int64_t version);
  static void bind_event(Statement& s, int first, ItemId id, const Event& e);
};

}  // namespace libtracker::detail
