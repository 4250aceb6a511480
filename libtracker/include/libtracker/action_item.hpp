#pragma once
/// @file action_item.hpp
/// An action item: what must be done, by whom, by when, and where it stands.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libtracker/due.hpp"
#include "libtracker/rating.hpp"
#include "libtracker/state.hpp"

namespace libtracker {

/// An item's number in its store (1, 2, ...); 0 for an item not stored yet.
using ItemId = std::int64_t;
/// A meeting's number in its store.
using MeetingId = std::int64_t;
/// An agenda item's number in its store.
using AgendaItemId = std::int64_t;

/// One action item. A plain value: the Store gives it an id, dates and a version.
struct ActionItem {
  /// Given by the Store; 0 until the item is added.
  ItemId id = 0;
  /// What must be done (never empty in a store).
  std::string text;
  /// Long text: background, sub-questions.
  std::string details;
  /// People or groups, in the order given.
  std::vector<std::string> owners;
  /// When it is due: no date, TBD, or a day.
  Due due;
  /// Where it stands; done and cancelled close it.
  State state = State::open;
  /// Free text on progress ("Draft with RT for review. Scheduled to publish 6/20.").
  std::string status_note;
  /// Free labels ("security", "ICANN59"), in the order given.
  std::vector<std::string> tags;
  /// The meeting the item came from, if any.
  std::optional<MeetingId> meeting;
  /// The agenda item of the meeting it was raised under.
  std::optional<AgendaItemId> agenda_item;
  /// How much doing it matters, and how much work it is, when rated.
  std::optional<Rating> impact;
  std::optional<Rating> effort;
  /// Day the item was created; not_a_date_time means "today" when adding.
  boost::gregorian::date created{boost::date_time::not_a_date_time};
  /// Day the item was closed (done or cancelled); unset while open.
  std::optional<boost::gregorian::date> closed;
  /// Incremented by every change; pass it back as expected_version to detect stale writes.
  std::int64_t version = 0;
  /// The item's key in the list it was imported from (an item number, a Taskwarrior uuid).
  std::string ref;

  /// True unless done or cancelled.
  bool is_open() const noexcept { return !is_closed(state); }
  /// Overdue on @p today: open with a due date before it.
  bool is_overdue(boost::gregorian::date today) const;
};

/// A partial change to an item: only the fields that are set are changed.
struct ItemChanges {
  /// Each field, when set, replaces the item's (see ActionItem for what they mean).
  std::optional<std::string> text;
  std::optional<std::string> details;
  std::optional<std::vector<std::string>> owners;
  std::optional<Due> due;
  std::optional<State> state;
  std::optional<std::string> status_note;
  std::optional<std::vector<std::string>> tags;
  /// Set, holding nullopt: the item leaves its meeting (likewise impact and effort).
  std::optional<std::optional<MeetingId>> meeting;
  std::optional<std::optional<AgendaItemId>> agenda_item;
  std::optional<std::optional<Rating>> impact;
  std::optional<std::optional<Rating>> effort;
  std::optional<std::string> ref;

  /// True when no field is set: applying it changes nothing.
  bool empty() const noexcept;
};

}  // namespace libtracker
