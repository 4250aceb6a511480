#pragma once
// Helpers shared by the import and export formats (private to the library).

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/text.hpp"
#include "text/utf8.hpp"

namespace libtracker::detail {

/// How far either side of a problem an error message shows.
inline constexpr std::size_t excerpt_window = 60;

/// The part of @p text around @p position that a ParseError shows, with bytes that are not
/// printable UTF-8 replaced by '?' so that the message is always valid text (a binding may
/// decode it). The same byte count is kept, so positions inside stay right.
inline std::string excerpt(std::string_view text, std::size_t position) {
  const std::size_t start = position > excerpt_window ? position - excerpt_window : 0;
  std::string out(text.substr(std::min(start, text.size()), 2 * excerpt_window));
  for (std::size_t i = 0; i < out.size();) {
    const CodePoint cp = decode_utf8(out, i);
    if (cp.bytes == 0 || (is_forbidden_control(cp.value) && cp.value != 0)) {
      out[i] = '?';
      ++i;
    } else if (cp.value == 0) {
      out[i] = ' ';
      ++i;
    } else {
      i += cp.bytes;
    }
  }
  return out;
}

/// @p position as an offset into excerpt(text, position).
inline std::size_t excerpt_position(std::size_t position) {
  return position > excerpt_window ? excerpt_window : position;
}

/// "2017-06-15T10:30:00Z" (fractional seconds when there are any).
inline std::string iso_time(const boost::posix_time::ptime& t) {
  return boost::posix_time::to_iso_extended_string(t) + "Z";
}

/// 1-based line of byte @p offset in @p text.
inline std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') ++line;
  return line;
}

/// The 1-based lines of the ascending byte @p offsets in @p text, in one pass over it (line_of
/// for each would read the text once per offset).
inline std::vector<std::size_t> lines_of(std::string_view text,
                                         const std::vector<std::size_t>& offsets) {
  std::vector<std::size_t> lines;
  lines.reserve(offsets.size());
  std::size_t line = 1, pos = 0;
  for (const std::size_t offset : offsets) {
    const std::size_t end = std::min(offset, text.size());
    for (; pos < end; ++pos)
      if (text[pos] == '\n') ++line;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace libtracker::detail
