#include "libtracker/error.hpp"

#include <utility>

namespace libtracker {
namespace {

std::string describe(const std::string& reason, const std::string& text, std::size_t position,
                     const std::string& source, std::size_t line) {
  std::string msg;
  if (!source.empty()) {
    msg += source;
    if (line > 0) msg += ":" + std::to_string(line);
    msg += ": ";
  }
  msg += reason;
  msg += " at position " + std::to_string(position);
  // Long inputs are shown around the position so the message stays one readable line.
  constexpr std::size_t window = 60;
  std::size_t start = position > window ? position - window : 0;
  std::string shown = text.substr(start, 2 * window);
  for (char& c : shown)
    if (c == '\n' || c == '\r' || c == '\t' || c == '\0') c = ' ';
  msg += " in \"";
  if (start > 0) msg += "...";
  msg += shown;
  if (start + 2 * window < text.size()) msg += "...";
  msg += "\"";
  return msg;
}

}  // namespace

ParseError::ParseError(std::string reason, std::string text, std::size_t position,
                       std::string source, std::size_t line)
    : Error(describe(reason, text, position, source, line)),
      reason_(std::move(reason)),
      text_(std::move(text)),
      position_(position),
      source_(std::move(source)),
      line_(line) {}

ParseError ParseError::at_line(std::string source, std::size_t line) const {
  return ParseError(reason_, text_, position_, std::move(source), line);
}

}  // namespace libtracker
