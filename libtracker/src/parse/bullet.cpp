#include "parse/bullet.hpp"

#include "text/utf8.hpp"

namespace libtracker::detail {
namespace {

bool is_bullet_code_point(char32_t cp) noexcept {
  switch (cp) {
    case 0x00B7:  // ·
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2022:  // •
    case 0x2023:  // ‣
    case 0x2043:  // ⁃
    case 0x2219:  // ∙
    case 0x2299:  // ⊙
    case 0x25A0:  // ■
    case 0x25A1:  // □
    case 0x25AA:  // ▪
    case 0x25AB:  // ▫
    case 0x25B8:  // ▸
    case 0x25BA:  // ►
    case 0x25CB:  // ○
    case 0x25CF:  // ●
    case 0x25E6:  // ◦
    case 0x2794:  // ➔
    case 0x27A2:  // ➢
    case 0x2713:  // ✓
    case 0x2714:  // ✔
      return true;
    default:
      // Symbol fonts in PDFs map their bullets into the private use area (U+F0A7, U+F0B7).
      return cp >= 0xE000 && cp <= 0xF8FF;
  }
}

bool blank_at(std::string_view s, std::size_t i) noexcept {
  return i >= s.size() || s[i] == ' ' || s[i] == '\t';
}

/// Length of the glyph at @p i, or 0 when there is none.
std::size_t glyph_at(std::string_view s, std::size_t i, bool numbers) noexcept {
  const char c = s[i];
  if ((c == '-' || c == '*' || c == '+' || c == 'o' || c == 'O') && blank_at(s, i + 1)) return 1;
  if (s.substr(i, 5) == "\\odot") return blank_at(s, i + 5) ? 5 : 0;
  if (numbers) {
    std::size_t k = i;
    const bool paren = c == '(';
    if (paren) ++k;
    const std::size_t digits = k;
    while (k < s.size() && k - digits < 3 && s[k] >= '0' && s[k] <= '9') ++k;
    if (k > digits && k < s.size()) {
      if ((paren && s[k] == ')') || (!paren && (s[k] == '.' || s[k] == ')')))
        if (blank_at(s, k + 1)) return k + 1 - i;
    } else if (k == digits && k + 1 < s.size() && s[k] >= 'a' && s[k] <= 'z' && s[k + 1] == ')' &&
               blank_at(s, k + 2)) {
      return k + 2 - i;  // "a)", "(b)"
    }
  }
  const CodePoint cp = decode_utf8(s, i);
  if (cp.bytes > 1 && is_bullet_code_point(cp.value)) return cp.bytes;
  return 0;
}

}  // namespace

Bullet read_bullet(std::string_view line, bool numbers) {
  Bullet b;
  std::size_t i = 0;
  auto skip_blanks = [&] {
    while (i < line.size()) {
      if (line[i] == ' ') {
        ++i;
      } else if (line[i] == '\t') {
        ++i;
      } else if (line.substr(i, 2) == "\xC2\xA0") {  // no-break space
        i += 2;
      } else {
        break;
      }
    }
  };
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      b.indent += line[i] == '\t' ? 4 : 1;
      ++i;
    } else if (line.substr(i, 2) == "\xC2\xA0") {
      ++b.indent;
      i += 2;
    } else {
      break;
    }
  }
  for (int count = 0; count < 4 && i < line.size(); ++count) {
    const std::size_t len = glyph_at(line, i, numbers && count == 0);
    if (len == 0) break;
    if (b.glyph.empty()) {
      b.glyph = std::string(line.substr(i, len));
      // "1." and "2." (or "a)" and "b)") are the same kind of bullet: keep the kind only.
      const char first = b.glyph.front();
      if (len > 1 &&
          (first == '(' || (first >= '0' && first <= '9') || (first >= 'a' && first <= 'z'))) {
        const bool letter = b.glyph[first == '(' ? 1 : 0] >= 'a';
        b.glyph = std::string(first == '(' ? "(" : "") + (letter ? 'a' : '1') + b.glyph.back();
      }
    }
    i += len;
    skip_blanks();
  }
  b.content = i;
  return b;
}

}  // namespace libtracker::detail
