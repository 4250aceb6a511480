#include "text/width.hpp"

#include "text/utf8.hpp"

namespace libtracker::detail {
namespace {

struct Range {
  char32_t first, last;
};

// Zero-width: combining marks, zero-width and bidi format characters, variation selectors.
constexpr Range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},  {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},  {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},  {0x0900, 0x0902},
    {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},  {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},  {0x200B, 0x200F},
    {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},  {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF}};

// Wide: Hangul Jamo, CJK, Hiragana/Katakana, Hangul syllables, fullwidth forms, emoji.
constexpr Range wide[] = {{0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},
                          {0x23E9, 0x23EC},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
                          {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                          {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
                          {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
                          {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
                          {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

template <std::size_t N>
bool in(const Range (&table)[N], char32_t c) noexcept {
  std::size_t lo = 0, hi = N;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (c < table[mid].first)
      hi = mid;
    else if (c > table[mid].last)
      lo = mid + 1;
    else
      return true;
  }
  return false;
}

}  // namespace

int code_point_width(char32_t c) noexcept {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (c < 0x300) return 1;
  if (in(zero_width, c)) return 0;
  return in(wide, c) ? 2 : 1;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    const auto w = static_cast<std::size_t>(code_point_width(c));
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    out.append(text.substr(start, i - start));
    used += w;
  }
  return out + "\u2026";
}

std::string fit(std::string_view text, std::size_t width, bool right_align) {
  std::string cut = truncate_to_width(text, width);
  const std::size_t w = display_width(cut);
  const std::string pad(width > w ? width - w : 0, ' ');
  return right_align ? pad + cut : cut + pad;
}

}  // namespace libtracker::detail

namespace libtracker {

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < utf8.size())
    width += static_cast<std::size_t>(detail::code_point_width(detail::next_code_point(utf8, i)));
  return width;
}

}  // namespace libtracker
