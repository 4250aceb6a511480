#include "libtracker/rating.hpp"

#include <string>

#include "libtracker/error.hpp"
#include "text/text_util.hpp"

namespace libtracker {

std::string_view to_string(Rating r) noexcept {
  switch (r) {
    case Rating::low:
      return "low";
    case Rating::medium:
      return "medium";
    case Rating::high:
      return "high";
  }
  return "low";
}

Rating rating_from_string(std::string_view text) {
  const std::string key = detail::lower(detail::trim(text));
  if (key == "high" || key == "h") return Rating::high;
  if (key == "medium" || key == "med" || key == "m") return Rating::medium;
  if (key == "low" || key == "l") return Rating::low;
  throw ParseError("unknown rating (expected high, medium or low)", std::string(text), 0, "rating");
}

}  // namespace libtracker
