#include "libtracker/state.hpp"

#include <string>

#include "libtracker/error.hpp"
#include "text/text_util.hpp"

namespace libtracker {

std::string_view to_string(State s) noexcept {
  switch (s) {
    case State::open:
      return "open";
    case State::in_progress:
      return "in_progress";
    case State::blocked:
      return "blocked";
    case State::done:
      return "done";
    case State::cancelled:
      return "cancelled";
  }
  return "open";
}

State state_from_string(std::string_view text) {
  std::string key = detail::lower(detail::trim(text));
  for (char& c : key)
    if (c == ' ' || c == '-') c = '_';
  for (State s : all_states)
    if (key == to_string(s)) return s;
  if (key == "canceled") return State::cancelled;
  throw ParseError("unknown state (expected open, in_progress, blocked, done or cancelled)",
                   std::string(text), 0, "state");
}

}  // namespace libtracker
