#pragma once
// UTF-8, decoded and encoded in one place for every layer (private to the library).

#include <cstddef>
#include <string>
#include <string_view>

namespace libtracker::detail {

/// One decoded code point and the number of bytes it takes; bytes == 0 for invalid UTF-8.
struct CodePoint {
  char32_t value = 0;
  std::size_t bytes = 0;
};

/// Decodes the code point starting at @p at; {0, 0} when the bytes there are not valid UTF-8
/// (a bad lead or continuation byte, a cut sequence, an overlong form, a surrogate, or a value
/// beyond U+10FFFF).
inline CodePoint decode_utf8(std::string_view s, std::size_t at) noexcept {
  if (at >= s.size()) return {};
  const auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) return {c, 1};
  std::size_t len = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    return {};
  }
  if (at + len > s.size()) return {};
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[at + k]);
    if ((b & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return {};
  return {cp, len};
}

/// The code point at @p i, advancing @p i past it; an invalid byte reads as U+FFFD and
/// advances one byte, so every byte of any input is consumed.
inline char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  const CodePoint cp = decode_utf8(s, i);
  if (cp.bytes == 0) {
    ++i;
    return 0xFFFD;
  }
  i += cp.bytes;
  return cp.value;
}

/// True for the bytes that continue a multi-byte sequence (10xxxxxx): not a place to cut.
constexpr bool is_continuation_byte(char c) noexcept {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Appends @p c (a Unicode scalar value) to @p out as UTF-8.
void append_utf8(std::string& out, char32_t c);

/// Offset of the first invalid UTF-8 byte in @p s, or npos when it is valid.
std::size_t invalid_utf8_at(std::string_view s) noexcept;

/// C0 and C1 control characters and DEL, except the whitespace controls tab, LF and CR.
constexpr bool is_forbidden_control(char32_t cp) noexcept {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/// Where a field's text stops being acceptable input: invalid UTF-8 or a control character.
struct TextProblem {
  std::size_t position = std::string_view::npos;
  const char* reason = "";
  bool found() const noexcept { return position != std::string_view::npos; }
};

/// The first invalid UTF-8 sequence or control character (other than tab, LF, CR) in @p s.
TextProblem find_text_problem(std::string_view s) noexcept;

}  // namespace libtracker::detail
