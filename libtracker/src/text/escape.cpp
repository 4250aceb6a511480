#include "text/escape.hpp"

#include "text/utf8.hpp"

namespace libtracker::detail {

namespace {

/// The character reference that writes @p c in markup, or nullptr when @p c needs none.
/// Quotes matter only in HTML (attribute values), not in Markdown text.
const char* reference(char c, bool quotes) noexcept {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return quotes ? "&quot;" : nullptr;
    case '\'':
      return quotes ? "&#39;" : nullptr;
    default:
      return nullptr;
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    if (const char* r = reference(c, true))
      out += r;
    else
      out += c;
  }
  return out;
}

std::string markdown_escape(std::string_view text, bool in_table) {
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = true;  // at the start of the cell or of a line inside it
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += in_table ? "<br>" : " ";
      line_start = true;
      ++i;
      continue;
    }
    if (line_start && (c == ' ' || c == '\t')) {
      out += ' ';
      ++i;
      continue;
    }
    if (line_start) {
      // Characters that start a heading, list, quote, rule or ordered list item.
      if (c == '#' || c == '+' || c == '-' || c == '=' || c == '>' || c == '!') {
        out += '\\';
      } else if (c >= '0' && c <= '9') {
        std::size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
        out.append(text.substr(i, j - i));
        if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
          out += '\\';
          out += text[j];
          ++j;
        }
        i = j;
        line_start = false;
        continue;
      }
    }
    line_start = false;
    switch (c) {
      // '$' too: Jupyter's Markdown reads $...$ as mathematics.
      case '\\':
      case '|':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '$':
        out += '\\';
        out += c;
        break;
      case '\t':
        out += ' ';
        break;
      default:
        if (const char* r = reference(c, false))
          out += r;
        else
          out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    ++i;
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = next_code_point(text, i);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
      if (c == '\n' && !out.empty() && out.back() == ' ') continue;  // "\r\n" as one space
      out += ' ';
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

}  // namespace libtracker::detail
