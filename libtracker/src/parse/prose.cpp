#include "parse/prose.hpp"

#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool closing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == '!' || c == '?';
}

}  // namespace

std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if (is_space(c)) {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

bool is_small_word(std::string_view lower_word) {
  static const char* const small[] = {"a",   "an",  "the",  "of",   "for",  "and",  "or", "to",
                                      "in",  "on",  "at",   "by",   "with", "from", "as", "vs",
                                      "via", "per", "into", "that", "but",  "nor"};
  for (const char* s : small)
    if (lower_word == s) return true;
  return false;
}

bool has_word_phrase(std::string_view lower_text, std::string_view phrase) {
  for (std::size_t at = lower_text.find(phrase); at != std::string_view::npos;
       at = lower_text.find(phrase, at + 1)) {
    const bool starts = at == 0 || !(is_lower(lower_text[at - 1]) || is_digit(lower_text[at - 1]));
    const std::size_t end = at + phrase.size();
    const bool ends = end >= lower_text.size() || !is_lower(lower_text[end]);
    if (starts && ends) return true;
  }
  return false;
}

bool is_title_line(std::string_view c) {
  c = trim(c);
  if (c.empty()) return false;
  if (c.front() == '#') return true;
  if (c.size() > 4 && c.substr(0, 2) == "**" && c.substr(c.size() - 2) == "**")
    c = c.substr(2, c.size() - 4);
  if (c.empty() || c.size() > max_heading_bytes) return false;
  if (closing_punctuation(c.back())) return false;
  if (!is_upper(c.front()) && !is_digit(c.front())) return false;
  const std::vector<std::string> words = split_words(c);
  if (words.size() > max_heading_words) return false;
  std::size_t significant = 0, capitalized = 0;
  for (const std::string& w : words) {
    if (!is_upper(w.front()) && !is_lower(w.front())) continue;
    if (is_small_word(lower(w))) continue;
    ++significant;
    if (is_upper(w.front())) ++capitalized;
  }
  return significant > 0 && capitalized * 10 >= significant * 6;
}

bool is_heading_shape(std::string_view content) {
  std::string_view c = trim(content);
  if (c.empty() || label_length(c) > 0) return false;
  if (is_title_line(c)) return true;
  if (c.size() > max_heading_bytes || !is_upper(c.front())) return false;
  const std::vector<std::string> words = split_words(c);
  if (c.back() == ':') return words.size() <= 6 && c.find(':') == c.size() - 1;
  if (closing_punctuation(c.back()) || c.find(':') != std::string_view::npos) return false;
  return words.size() <= 4;
}

bool ends_sentence(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  std::size_t end = text.size();
  // A closing quote or bracket after the punctuation: `... "Security Review".)`
  while (end > 0 && (text[end - 1] == '"' || text[end - 1] == ')' || text[end - 1] == '\'')) --end;
  if (end == 0) return false;
  const char c = text[end - 1];
  return c == '.' || c == '!' || c == '?' || c == ':';
}

bool ends_dangling(std::string_view text) {
  text = trim(text);
  if (text.empty()) return true;
  if (text.back() == ',' || text.back() == '&' || text.back() == '-' || text.back() == '/')
    return true;
  const std::size_t space = text.find_last_of(" \t");
  const std::string last = lower(space == std::string_view::npos ? text : text.substr(space + 1));
  return is_small_word(last);
}

std::size_t label_length(std::string_view content) {
  const std::size_t colon = content.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return 0;
  std::string_view label = content.substr(0, colon);
  // "Action item (Denise):" names someone in brackets.
  if (const std::size_t open = label.find('('); open != std::string_view::npos) {
    if (label.back() != ')') return 0;
    label = label.substr(0, open);
  }
  label = trim(label);
  if (label.empty()) return 0;
  const std::vector<std::string> words = split_words(label);
  if (words.size() > 3) return 0;
  for (const std::string& w : words)
    for (char ch : w)
      if (!(is_lower(ch) || is_upper(ch) || ch == '-' || ch == '#' || ch == '/')) return 0;
  if (trim(content.substr(colon + 1)).empty()) return 0;
  // "10:30" and "http://" are not labels.
  if (colon + 1 < content.size() && content[colon + 1] == '/') return 0;
  return colon + 1;
}

std::string heading_text(std::string_view content) {
  std::string_view c = trim(content);
  while (!c.empty() && c.front() == '#') c.remove_prefix(1);
  c = trim(c);
  if (c.size() > 4 && c.substr(0, 2) == "**" && c.substr(c.size() - 2) == "**")
    c = trim(c.substr(2, c.size() - 4));
  if (!c.empty() && c.back() == ':') c.remove_suffix(1);
  return std::string(trim(c));
}

}  // namespace libtracker::detail
