#include "libtracker/event.hpp"

namespace libtracker {

std::string_view to_string(EventKind k) noexcept {
  switch (k) {
    case EventKind::created:
      return "created";
    case EventKind::changed:
      return "changed";
    case EventKind::note:
      return "note";
    case EventKind::deleted:
      return "deleted";
  }
  return "changed";
}

}  // namespace libtracker
