#pragma once
// How enumerations are written in the database. Their numbers are part of the file format
// (each enum says "stored: never renumber"); SQL text is built from these, never from
// literals.

#include <string>

#include "libtracker/due.hpp"
#include "libtracker/event.hpp"
#include "libtracker/meeting.hpp"
#include "libtracker/rating.hpp"
#include "libtracker/state.hpp"

namespace libtracker::detail {

/// The number a value is stored as.
constexpr int stored(State s) noexcept { return static_cast<int>(s); }
constexpr int stored(Due::Kind k) noexcept { return static_cast<int>(k); }
constexpr int stored(Rating r) noexcept { return static_cast<int>(r); }
constexpr int stored(EventKind k) noexcept { return static_cast<int>(k); }
constexpr int stored(AgendaKind k) noexcept { return static_cast<int>(k); }

/// agenda_people.role: what a person does under an agenda item.
enum class AgendaRole { chair = 0, presenter = 1 };  // stored: never renumber
constexpr int stored(AgendaRole r) noexcept { return static_cast<int>(r); }

/// The number as SQL text ("3").
template <class Enum>
std::string sql_value(Enum e) {
  return std::to_string(stored(e));
}

/// Open states are stored below the first closed one: "state < 3" selects the open items (and
/// is the condition of the partial index items_open_due).
inline constexpr State first_closed_state = State::done;
constexpr bool closed_states_follow_open() noexcept {
  for (const State s : all_states)
    if (is_closed(s) != (stored(s) >= stored(first_closed_state))) return false;
  return true;
}
static_assert(closed_states_follow_open());

/// Due kinds are stored in the reverse of due order (dated first, then TBD, then none), so
/// "(2 - due_kind)" sorts by it.
static_assert(stored(Due::Kind::none) < stored(Due::Kind::tbd) &&
              stored(Due::Kind::tbd) < stored(Due::Kind::date));

}  // namespace libtracker::detail
