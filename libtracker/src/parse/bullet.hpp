#pragma once
// Bullet glyphs at the start of a line, as PDF and slide extraction leaves them (private).

#include <cstddef>
#include <string>
#include <string_view>

namespace libtracker::detail {

/// The bullet part of a line: its indentation, its first glyph and where the text starts.
struct Bullet {
  /// Leading whitespace in columns (a tab counts 4).
  std::size_t indent = 0;
  /// The first glyph ("-", "•", "\uF0A7", "1."), or empty when the line has none.
  std::string glyph;
  /// Byte offset of the text after the glyphs and the spaces that follow them.
  std::size_t content = 0;

  bool is_bullet() const noexcept { return !glyph.empty(); }
};

/// Reads the leading whitespace and bullet glyphs of @p line. Glyphs: "-", "*", "+", "–", "—",
/// "•", "◦", "▪", "●", "○", "■", "►", "➢", "⊙", "\odot", a lone "o"/"O", private-use
/// characters (PDF symbol fonts, e.g. U+F0A7), and with @p numbers also "1.", "1)", "(1)".
/// Several glyphs in a row ("- ⊙ text") are all stripped; the first one is reported.
Bullet read_bullet(std::string_view line, bool numbers = true);

}  // namespace libtracker::detail
