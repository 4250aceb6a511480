#pragma once
// The check every importer's fuzz target makes: the input gives items that each have a text,
// or a ParseError that names the source and a line inside the input.

#include <cstddef>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/import.hpp>
#include <string_view>

namespace libtracker::fuzz {

/// Lines of @p text: LF ends a line, and so does a lone CR when @p cr_ends_lines (CSV).
inline std::size_t count_lines(std::string_view text, bool cr_ends_lines) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' ||
        (cr_ends_lines && text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      ++lines;
  return lines;
}

/// Parses @p text as @p format; aborts (a finding) when the result breaks the contract.
inline void check_items(std::string_view text, Format format, bool cr_ends_lines) {
  constexpr const char* source = "fuzz-input";
  try {
    for (const ActionItem& item :
         parse_items(text, format, boost::gregorian::date(2017, 6, 15), {}, source)) {
      if (item.text.empty()) std::abort();
    }
  } catch (const ParseError& e) {
    if (e.source() != source || e.line() == 0 || e.line() > count_lines(text, cr_ends_lines))
      std::abort();
  }
}

}  // namespace libtracker::fuzz
