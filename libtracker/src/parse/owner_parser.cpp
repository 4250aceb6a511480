// Owner lists: names separated by ",", ";", "/", "&" or the word "and", checked one code point
// at a time so that errors point at the character that is wrong.

#include "libtracker/owner_parser.hpp"

#include <string>
#include <vector>

#include "libtracker/error.hpp"
#include "parse/bullet.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace {

// A name longer than this is a sentence that landed in an owner cell, not a name.
constexpr std::size_t max_name_bytes = 100;
constexpr std::size_t max_name_words = 10;

bool is_ascii_letter(char32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }
bool is_blank(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0;
}
bool is_separator(char32_t c) noexcept { return c == ',' || c == ';' || c == '/' || c == '&'; }

/// Non-ASCII characters that cannot be part of a name: bullets, dashes and quotes of the
/// General Punctuation block (but ’ and the Unicode hyphens), private-use glyphs, specials.
bool is_non_name_symbol(char32_t c) noexcept {
  if (c >= 0x2000 && c <= 0x206F) return c != 0x2019 && c != 0x2010 && c != 0x2011;
  if (c >= 0x2190 && c <= 0x2BFF) return true;  // arrows, math operators, shapes, dingbats
  if (c >= 0xE000 && c <= 0xF8FF) return true;  // private use
  if (c >= 0xFFF0 && c <= 0xFFFF) return true;  // specials, U+FFFD replacement character
  return c == 0xFEFF || c == 0x00B7 || c == 0x00AB || c == 0x00BB;
}

/// A letter for the purpose of "a name has letters": ASCII letters and non-ASCII characters
/// (diacritics, other scripts) that are not symbols.
bool is_name_letter(char32_t c) noexcept {
  return is_ascii_letter(c) || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !is_non_name_symbol(c));
}

bool is_name_char(char32_t c) noexcept {
  return is_name_letter(c) || is_ascii_digit(c) || c == '-' || c == '\'' || c == '.' ||
         c == 0x2019 || c == 0x2010 || c == 0x2011;
}

class OwnerReader {
 public:
  OwnerReader(std::string_view text, const std::vector<std::string>& known)
      : text_(text), known_(known) {}

  std::vector<std::string> read() {
    const detail::TextProblem problem = detail::find_text_problem(text_);
    if (problem.found()) fail(problem.reason, problem.position);
    std::size_t i = skip_prefix();
    split(i);
    std::vector<std::string> out;
    for (const Piece& piece : pieces_) add(out, name_of(piece));
    return out;
  }

 private:
  struct Piece {
    std::size_t begin;
    std::size_t end;
  };

  [[noreturn]] void fail(const std::string& reason, std::size_t pos) const {
    throw ParseError(reason, std::string(text_), pos, "owners");
  }

  detail::CodePoint at(std::size_t i) const { return detail::decode_utf8(text_, i); }

  /// Skips leading whitespace, bullet glyphs and a "cc." / "cc:" marker: none of them are names.
  std::size_t skip_prefix() const {
    std::size_t i = detail::read_bullet(text_, false).content;
    const std::string_view rest = text_.substr(i);
    if (rest.size() >= 3 && detail::iequals(rest.substr(0, 2), "cc") &&
        (rest[2] == '.' || rest[2] == ':' || rest[2] == ' ')) {
      i += 3;
      while (i < text_.size() && is_blank(at(i).value)) i += at(i).bytes;
    }
    return i;
  }

  /// True when the word "and" (any case) starts at @p i and stands alone.
  bool and_at(std::size_t i) const {
    if (i + 3 > text_.size() || !detail::iequals(text_.substr(i, 3), "and")) return false;
    if (i > 0) {
      const char before = text_[i - 1];
      if (!(before == ' ' || before == '\t' || before == '\n' || before == '\r' ||
            static_cast<unsigned char>(before) == 0xA0 || is_separator(before)))
        return false;
    }
    return i + 3 == text_.size() || is_blank(at(i + 3).value);
  }

  /// Cuts the text into pieces at separators outside parentheses.
  void split(std::size_t i) {
    std::size_t piece_begin = i;
    bool piece_has_text = false;
    std::size_t last_separator = std::string_view::npos;
    char32_t last_separator_char = 0;
    std::size_t open_paren = std::string_view::npos;
    int depth = 0;
    const auto close_piece = [&](std::size_t sep_pos, char32_t sep) {
      if (!piece_has_text) {
        // "A, and B": a comma or semicolon before "and" is one separator (the Oxford comma).
        const bool oxford = sep == U'a' &&
                            (last_separator_char == ',' || last_separator_char == ';') &&
                            last_separator != std::string_view::npos;
        if (!oxford)
          fail(last_separator == std::string_view::npos ? "a name is missing before the separator"
                                                        : "empty name between separators",
               sep_pos);
      } else {
        pieces_.push_back({piece_begin, sep_pos});
      }
      last_separator = sep_pos;
      last_separator_char = sep;
      piece_has_text = false;
    };
    while (i < text_.size()) {
      const detail::CodePoint cp = at(i);
      const char32_t c = cp.value;
      if (c == '(') {
        if (depth == 0) open_paren = i;
        if (++depth > 1) fail("nested parentheses in a name", i);
        piece_has_text = true;
      } else if (c == ')') {
        if (depth == 0) fail("')' without '('", i);
        --depth;
      } else if (depth == 0 && is_separator(c)) {
        close_piece(i, c);
        piece_begin = i + 1;
      } else if (depth == 0 && (c == 'a' || c == 'A') && and_at(i)) {
        close_piece(i, U'a');
        i += 3;
        piece_begin = i;
        continue;
      } else if (depth > 0 || is_blank(c)) {
        // spaces are part of names; a parenthesised group is dropped whatever it holds
      } else if (is_name_char(c)) {
        piece_has_text = true;
      } else {
        fail("character not allowed in a name", i);
      }
      i += cp.bytes;
    }
    if (depth > 0) fail("'(' without ')'", open_paren);
    if (piece_has_text) {
      pieces_.push_back({piece_begin, text_.size()});
    } else if (last_separator != std::string_view::npos) {
      fail("a name is missing after the separator", last_separator);
    }
  }

  /// The name in a piece: trimmed, spaces collapsed, a trailing "(GH)" group dropped.
  std::string name_of(const Piece& piece) const {
    std::size_t begin = piece.begin;
    std::size_t end = piece.end;
    while (begin < end && is_blank(at(begin).value)) begin += at(begin).bytes;
    while (end > begin && (text_[end - 1] == ' ' || text_[end - 1] == '\t' ||
                           text_[end - 1] == '\n' || text_[end - 1] == '\r'))
      --end;
    if (end >= begin + 2 && text_.substr(end - 2, 2) == "\xC2\xA0") end -= 2;
    // Initials or an affiliation in parentheses after the name ("James Gannon (JG)",
    // "Katrina Sataki (.lv)") are not part of the name.
    if (end > begin && text_[end - 1] == ')') {
      std::size_t open = text_.rfind('(', end - 1);
      if (open != std::string_view::npos && open > begin) {
        end = open;
        while (end > begin && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
      }
    }
    std::string name;
    std::size_t words = 0;
    bool has_letter = false;
    bool space = false;
    std::size_t i = begin;
    while (i < end) {
      const detail::CodePoint cp = at(i);
      if (is_blank(cp.value)) {
        space = true;
      } else {
        if (cp.value == '(' || cp.value == ')') fail("parentheses only after a name", i);
        if (name.empty() && !(is_name_letter(cp.value) || is_ascii_digit(cp.value)))
          fail("a name starts with a letter or digit", i);
        if (space || name.empty()) ++words;
        if (space && !name.empty()) name += ' ';
        space = false;
        name.append(text_.substr(i, cp.bytes));
        has_letter = has_letter || is_name_letter(cp.value);
      }
      i += cp.bytes;
    }
    if (!has_letter) fail("not a name (no letters)", begin);
    if (name.size() > max_name_bytes || words > max_name_words) fail("too long for a name", begin);
    const char last = name.back();
    if (last == '-' || last == '\'') fail("a name ends with a letter, digit or '.'", end - 1);
    return name;
  }

  void add(std::vector<std::string>& out, std::string name) const {
    for (const std::string& k : known_)
      if (detail::iequals(k, name)) {
        name = k;
        break;
      }
    for (const std::string& o : out)
      if (detail::iequals(o, name)) return;
    out.push_back(std::move(name));
  }

  std::string_view text_;
  const std::vector<std::string>& known_;
  std::vector<Piece> pieces_;
};

}  // namespace

std::vector<std::string> parse_owners(std::string_view text,
                                      const std::vector<std::string>& known) {
  return OwnerReader(text, known).read();
}

}  // namespace libtracker
