#pragma once
/// @file state.hpp
/// Where an action item stands.

#include <array>
#include <string_view>

namespace libtracker {

/// The state of an action item. done and cancelled are closed; the others are open.
/// Stored as its number: never renumber (open states come before closed ones).
enum class State { open = 0, in_progress = 1, blocked = 2, done = 3, cancelled = 4 };

/// Every state, in declaration order.
inline constexpr std::array<State, 5> all_states{State::open, State::in_progress, State::blocked,
                                                 State::done, State::cancelled};

/// True for done and cancelled.
constexpr bool is_closed(State s) noexcept { return s == State::done || s == State::cancelled; }

/// The canonical name: "open", "in_progress", "blocked", "done", "cancelled".
std::string_view to_string(State s) noexcept;

/// Reads a canonical state name (case-insensitive; "in progress" and "in-progress" accepted).
/// @throw ParseError for any other text.
State state_from_string(std::string_view text);

}  // namespace libtracker
