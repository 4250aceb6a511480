// Action items in meeting text extracted from PDFs and slides. Three shapes are read:
//  (a) tables whose header names Action and Owner (tab-separated, or Markdown pipes), or a
//      statement or suggestion with its Impact and Effort ratings (break-out session results);
//  (b) bullet lists under a heading about action items, with "Status:" sub-bullets;
//  (c) lines starting "Action item:", "Action:" or "AI:".
// Extraction breaks lines mid-sentence, so list items are joined with their continuation lines.

#include "libtracker/minutes_parser.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parse/bullet.hpp"
#include "libtracker/error.hpp"
#include "libtracker/owner_parser.hpp"
#include "libtracker/rating.hpp"
#include "libtracker/status_parser.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace {

/// Action text longer than this keeps its first sentence as the text and all of it as details.
constexpr std::size_t long_text_bytes = 200;
/// Headings are short.
constexpr std::size_t max_heading_bytes = 80;
constexpr std::size_t max_heading_words = 10;

struct Line {
  std::size_t number = 0;
  std::string text;  // without the line end; form feeds and stray CRs as spaces
  detail::Bullet bullet;
  std::string content;  // after indentation and bullet glyphs, trimmed

  bool blank() const { return content.empty(); }
  bool is_bullet() const { return bullet.is_bullet(); }
};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// @p text with runs of whitespace as single spaces, trimmed.
std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (detail::is_space(c)) {
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
    if (detail::is_space(c)) {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

bool is_small_word(const std::string& lower_word) {
  static const char* const small[] = {"a",   "an",  "the",  "of",   "for",  "and",  "or", "to",
                                      "in",  "on",  "at",   "by",   "with", "from", "as", "vs",
                                      "via", "per", "into", "that", "but",  "nor"};
  for (const char* s : small)
    if (lower_word == s) return true;
  return false;
}

/// A short line in title case without closing punctuation: "Review Open Action Items (1 of 3)",
/// "Additional Information", "## Next steps". Bullets are never headings.
bool heading_like(const Line& line) {
  if (line.is_bullet() || line.blank()) return false;
  std::string_view c = line.content;
  if (c.front() == '#') return true;
  if (c.size() > 4 && c.substr(0, 2) == "**" && c.substr(c.size() - 2) == "**")
    c = c.substr(2, c.size() - 4);
  if (c.empty() || c.size() > max_heading_bytes) return false;
  const char last = c.back();
  if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?') return false;
  if (!is_upper(c.front()) && !is_digit(c.front())) return false;
  const std::vector<std::string> words = split_words(c);
  if (words.size() > max_heading_words) return false;
  std::size_t significant = 0, capitalized = 0;
  for (const std::string& w : words) {
    if (!is_upper(w.front()) && !is_lower(w.front())) continue;
    if (is_small_word(detail::lower(w))) continue;
    ++significant;
    if (is_upper(w.front())) ++capitalized;
  }
  return significant > 0 && capitalized * 10 >= significant * 6;
}

/// True when @p text ends a sentence or announces what follows.
bool ends_sentence(std::string_view text) {
  text = detail::trim(text);
  if (text.empty()) return false;
  std::size_t end = text.size();
  // A closing quote or bracket after the punctuation: `... "Security Review".)`
  while (end > 0 && (text[end - 1] == '"' || text[end - 1] == ')' || text[end - 1] == '\'')) --end;
  if (end == 0) return false;
  const char c = text[end - 1];
  return c == '.' || c == '!' || c == '?' || c == ':';
}

/// True when @p text stops in a way that must go on: a comma, "in", "of", "and".
bool ends_dangling(std::string_view text) {
  text = detail::trim(text);
  if (text.empty()) return true;
  if (text.back() == ',' || text.back() == '&' || text.back() == '-' || text.back() == '/')
    return true;
  const std::size_t space = text.find_last_of(" \t");
  const std::string last =
      detail::lower(space == std::string_view::npos ? text : text.substr(space + 1));
  return is_small_word(last);
}

/// True when @p lower_text holds @p phrase starting at a word boundary.
bool has_word_phrase(const std::string& lower_text, std::string_view phrase) {
  for (std::size_t at = lower_text.find(phrase); at != std::string::npos;
       at = lower_text.find(phrase, at + 1)) {
    const bool starts = at == 0 || !(is_lower(lower_text[at - 1]) || is_digit(lower_text[at - 1]));
    const std::size_t end = at + phrase.size();
    const bool ends = end >= lower_text.size() || !is_lower(lower_text[end]);
    if (starts && ends) return true;
  }
  return false;
}

/// A heading that opens a list of action items: "Open Action Items/Requests", "Actions:",
/// "Outstanding actions" (any case, but short, not a bullet and not a sentence).
bool is_action_heading(const Line& line) {
  if (line.is_bullet() || line.blank()) return false;
  std::string_view c = line.content;
  if (c.back() == ':') c.remove_suffix(1);
  while (!c.empty() && c.front() == '#') c.remove_prefix(1);
  c = detail::trim(c);
  if (c.empty() || c.size() > max_heading_bytes) return false;
  if (!is_upper(c.front()) && !is_digit(c.front()) && c.front() != '*') return false;
  const char last = c.back();
  if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?') return false;
  if (split_words(c).size() > max_heading_words) return false;
  const std::string lower = detail::lower(c);
  for (std::string_view phrase : {"action items", "action item", "action points", "action point",
                                  "actions", "action list", "action log", "action register"})
    if (has_word_phrase(lower, phrase)) return true;
  return false;
}

/// The text after an "Action item:", "Action:" or "AI:" label, or nullopt.
std::optional<std::string> action_line_text(const std::string& content) {
  const std::string lower = detail::lower(content);
  for (std::string_view label :
       {"action items", "action item", "action points", "action point", "action", "ai"}) {
    if (lower.compare(0, label.size(), label) != 0) continue;
    std::size_t k = label.size();
    while (k < lower.size() && lower[k] == ' ') ++k;
    if (k >= lower.size() || lower[k] != ':') continue;
    return std::string(detail::trim(std::string_view(content).substr(k + 1)));
  }
  return std::nullopt;
}

enum class Field { none, status, owners, due };

/// A "Status:", "Owner:" or "Due:" label at the start of @p content, and the text after it.
std::pair<Field, std::string> field_label(const std::string& content) {
  static const std::pair<std::string_view, Field> labels[] = {
      {"status", Field::status},      {"owners", Field::owners},
      {"owner(s)", Field::owners},    {"owner", Field::owners},
      {"responsible", Field::owners}, {"assigned to", Field::owners},
      {"due date", Field::due},       {"due", Field::due},
      {"deadline", Field::due},       {"target date", Field::due},
  };
  const std::string lower = detail::lower(content);
  for (const auto& [label, field] : labels) {
    if (lower.compare(0, label.size(), label) != 0) continue;
    std::size_t k = label.size();
    while (k < lower.size() && lower[k] == ' ') ++k;
    if (k >= lower.size() || lower[k] != ':') continue;
    return {field, std::string(detail::trim(std::string_view(content).substr(k + 1)))};
  }
  return {Field::none, {}};
}

/// What a table column holds; `blank` is a column with an empty header, where extraction
/// often puts the value of the column before it.
enum class Column { ignored, blank, action, owner, due, status, ref, details, impact, effort };

Column column_of(std::string_view header) {
  std::string h = collapse(detail::lower(header));
  while (!h.empty() && (h.back() == ':' || h.back() == '.' || h.back() == '*')) h.pop_back();
  while (!h.empty() && h.front() == '*') h.erase(0, 1);
  if (h.empty()) return Column::blank;
  // Rating headers are often a question ("How do you rate level of effort? (H,M or L)").
  const std::vector<std::string> words = split_words(h);
  if (has_word_phrase(h, "impact")) return Column::impact;
  if (has_word_phrase(h, "effort")) return Column::effort;
  static const char* const statements[] = {"statement", "suggestion", "suggestions", "proposal",
                                           "proposals", "idea",       "ideas"};
  for (const char* name : statements)
    if (!words.empty() && words.front() == name) return Column::action;
  static const std::pair<std::string_view, Column> names[] = {
      {"action", Column::action},
      {"actions", Column::action},
      {"action item", Column::action},
      {"action items", Column::action},
      {"action point", Column::action},
      {"action required", Column::action},
      {"task", Column::action},
      {"tasks", Column::action},
      {"description", Column::action},
      {"item", Column::action},
      {"owner", Column::owner},
      {"owners", Column::owner},
      {"owner(s)", Column::owner},
      {"action owner", Column::owner},
      {"responsible", Column::owner},
      {"responsibility", Column::owner},
      {"assigned to", Column::owner},
      {"assignee", Column::owner},
      {"who", Column::owner},
      {"lead", Column::owner},
      {"due", Column::due},
      {"due date", Column::due},
      {"due by", Column::due},
      {"deadline", Column::due},
      {"target date", Column::due},
      {"date due", Column::due},
      {"by when", Column::due},
      {"when", Column::due},
      {"status", Column::status},
      {"progress", Column::status},
      {"state", Column::status},
      {"current status", Column::status},
      {"status update", Column::status},
      {"item #", Column::ref},
      {"item#", Column::ref},
      {"#", Column::ref},
      {"no", Column::ref},
      {"nr", Column::ref},
      {"number", Column::ref},
      {"item no", Column::ref},
      {"item number", Column::ref},
      {"ref", Column::ref},
      {"id", Column::ref},
      {"action #", Column::ref},
      {"notes", Column::details},
      {"comments", Column::details},
      {"remarks", Column::details},
      {"details", Column::details},
  };
  for (const auto& [name, column] : names)
    if (h == name) return column;
  return Column::ignored;
}

/// The columns of a table header naming Action and Owner, or an action with Impact and
/// Effort; nullopt for any other row.
std::optional<std::vector<Column>> table_header(const std::vector<std::string>& cells) {
  if (cells.size() < 2) return std::nullopt;
  std::vector<Column> columns;
  int actions = 0, owners = 0, impacts = 0, efforts = 0;
  for (const std::string& cell : cells) {
    columns.push_back(column_of(cell));
    actions += columns.back() == Column::action;
    owners += columns.back() == Column::owner;
    impacts += columns.back() == Column::impact;
    efforts += columns.back() == Column::effort;
  }
  if (impacts > 1 || efforts > 1) return std::nullopt;
  const bool rated = impacts == 1 && efforts == 1;
  // "Item" is the action when nothing else is, else the item number ("Item | Action | Owner").
  if (actions > 1)
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (columns[i] == Column::action && detail::iequals(detail::trim(cells[i]), "item")) {
        columns[i] = Column::ref;
        --actions;
      }
  if (actions != 1 || owners > 1 || (owners == 0 && !rated)) return std::nullopt;
  return columns;
}

/// A rating cell: "H", "M", "L", "high", ... Letters that extraction turned into look-alikes
/// of other scripts (Cyrillic or Greek capital En, Em, Eta, Mu) are read as the Latin ones.
std::optional<Rating> rating_of(std::string_view cell) {
  std::string text(detail::trim(cell));
  static const std::pair<std::string_view, std::string_view> lookalikes[] = {
      {"\xD0\x9D", "H"}, {"\xD0\x9C", "M"}, {"\xCE\x97", "H"},
      {"\xCE\x9C", "M"}, {"\xD0\xBD", "h"}, {"\xD0\xBC", "m"}};
  for (const auto& [from, to] : lookalikes)
    for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p))
      text.replace(p, from.size(), to);
  while (!text.empty() && (text.back() == '.' || text.back() == '*')) text.pop_back();
  while (!text.empty() && text.front() == '*') text.erase(0, 1);
  try {
    return rating_from_string(text);
  } catch (const ParseError&) {
    return std::nullopt;
  }
}

/// The cells of a table row: tab-separated, or a Markdown row "| a | b |".
std::optional<std::vector<std::string>> table_cells(const Line& line) {
  const std::string_view t = detail::trim(line.text);
  std::vector<std::string> cells;
  std::string_view body;
  char separator = '\t';
  if (t.size() >= 2 && t.front() == '|' && t.find('|', 1) != std::string_view::npos) {
    separator = '|';
    body = t.substr(1, t.back() == '|' ? t.size() - 2 : t.size() - 1);
  } else if (line.text.find('\t') != std::string::npos) {
    body = line.text;
  } else {
    return std::nullopt;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t end = body.find(separator, start);
    cells.emplace_back(collapse(
        body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return cells;
}

bool is_pipe_rule(const std::vector<std::string>& cells) {
  for (const std::string& c : cells) {
    if (c.find('-') == std::string::npos) return false;
    for (char ch : c)
      if (ch != '-' && ch != ':' && ch != ' ') return false;
  }
  return true;
}

bool is_abbreviation(std::string_view word) {
  static const char* const abbreviations[] = {"mr", "mrs", "ms", "dr",  "e.g", "i.e", "etc",
                                              "vs", "no",  "st", "inc", "jr",  "sr",  "approx"};
  const std::string w = detail::lower(word);
  for (const char* a : abbreviations)
    if (w == a) return true;
  return w.size() == 1;  // an initial: "J. Smith"
}

/// The first sentence of @p text, at most long_text_bytes long (cut at a word and marked "...").
std::string first_sentence(const std::string& text) {
  for (std::size_t i = 0; i + 1 < text.size() && i < long_text_bytes; ++i) {
    const char c = text[i];
    if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > 0 && text[w - 1] != ' ') --w;
      if (is_abbreviation(std::string_view(text).substr(w, i - w))) continue;
    }
    const char next = i + 2 < text.size() ? text[i + 2] : ' ';
    if (is_upper(next) || is_digit(next) || next == '"' || next == '(')
      return text.substr(0, i + 1);
  }
  std::size_t cut = text.rfind(' ', long_text_bytes);
  if (cut == std::string::npos || cut == 0) {
    cut = long_text_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return text.substr(0, cut) + "...";
}

/// An item being read, before its fields are parsed.
struct Draft {
  enum class Part { text, status, note, owners, due };

  bool active = false;
  bool listed = false;  // from a bullet list (b), not an "Action:" line (c) or a table (a)
  bool tabled = false;  // a table row: notes are a column of their own, never the status
  std::size_t line = 0;
  std::string text;
  std::vector<std::string> status;
  std::vector<std::string> notes;  // sub-bullets without a label
  std::string owners;
  std::size_t owners_line = 0;
  std::string due;
  std::size_t due_line = 0;
  std::string ref;
  std::optional<Rating> impact;
  std::optional<Rating> effort;
  Part tail = Part::text;

  std::string& tail_text() {
    switch (tail) {
      case Part::status:
        return status.back();
      case Part::note:
        return notes.back();
      case Part::owners:
        return owners;
      case Part::due:
        return due;
      case Part::text:
        break;
    }
    return text;
  }
};

class MinutesReader {
 public:
  MinutesReader(std::string_view text, boost::gregorian::date reference, const DateOptions& options)
      : text_(text), reference_(reference), options_(options) {}

  ParsedMinutes read() {
    split_lines();
    bool blank_before = false;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      if (line.blank()) {
        blank_before = true;
        continue;
      }
      const bool blank = blank_before;
      blank_before = false;
      if (table_ && table_line(i)) continue;
      read_line(line, blank);
    }
    finish_draft();
    deduplicate();
    return std::move(out_);
  }

 private:
  void split_lines() {
    std::string_view rest = text_;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);  // byte order mark
    std::size_t number = 0;
    while (!rest.empty() || number == 0) {
      const std::size_t end = rest.find('\n');
      std::string raw(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      ++number;
      for (char& c : raw)
        if (c == '\r' || c == '\f' || c == '\v') c = ' ';
      const detail::TextProblem problem = detail::find_text_problem(raw);
      if (problem.found())
        throw ParseError(problem.reason, raw, problem.position, "minutes", number);
      Line line;
      line.number = number;
      line.bullet = detail::read_bullet(raw);
      line.content = std::string(detail::trim(std::string_view(raw).substr(line.bullet.content)));
      line.text = std::move(raw);
      lines_.push_back(std::move(line));
      if (end == std::string_view::npos) break;
    }
  }

  void skip(const Line& line, std::string reason) {
    out_.skipped.push_back({line.number, std::string(detail::trim(line.text)), std::move(reason)});
  }

  void read_line(const Line& line, bool blank) {
    if (const auto cells = table_cells(line)) {
      if (auto columns = table_header(*cells)) {
        finish_draft();
        in_section_ = false;
        table_ = std::move(*columns);
        return;
      }
    }
    if (auto text = action_line_text(line.content)) {
      finish_draft();
      if (text->empty()) {
        skip(line, "action line without text");
        return;
      }
      start_draft(line, std::move(*text), in_section_);
      return;
    }
    if (is_action_heading(line)) {
      finish_draft();
      in_section_ = true;
      top_.reset();
      section_bulleted_ = false;
      return;
    }
    if (draft_.active && !in_section_) {
      auto [field, value] = field_label(line.content);
      if (field != Field::none) {
        attach(line, field, std::move(value));
        return;
      }
    }
    if (in_section_) {
      section_line(line, blank);
    } else if (draft_.active) {
      if (continues(line, blank))
        append(line.content);
      else
        finish_draft();
    }
  }

  /// True when lines_[i] is the start of a first cell broken over lines before its row:
  /// the next lines, without blank lines between, lead to a row of the table.
  bool leads_to_row(std::size_t i) const {
    for (std::size_t j = i; j < lines_.size() && j < i + 6; ++j) {
      const Line& l = lines_[j];
      if (l.blank() || l.is_bullet() || heading_like(l)) return false;
      if (const auto cells = table_cells(l)) return !table_header(*cells);
    }
    return false;
  }

  /// A line of a table after its header; false when the table has ended.
  bool table_line(std::size_t index) {
    const Line& line = lines_[index];
    auto cells = table_cells(line);
    if (!cells && leads_to_row(index)) {
      if (!prefix_.empty()) prefix_ += ' ';
      prefix_ += line.content;
      if (prefix_line_ == 0) prefix_line_ = line.number;
      return true;
    }
    if (!cells) {
      table_.reset();
      prefix_.clear();
      prefix_line_ = 0;
      if (line.number == last_row_line_ + 1 && !heading_like(line) && !line.is_bullet())
        skip(line, "text without columns between table rows");
      return false;
    }
    if (auto columns = table_header(*cells)) {  // the header again, on the next page
      table_ = std::move(*columns);
      return true;
    }
    bool empty = true;
    for (const std::string& c : *cells) empty = empty && c.empty();
    if (empty || is_pipe_rule(*cells)) return true;
    last_row_line_ = line.number;
    const std::string prefix = std::move(prefix_);
    const std::size_t first_line = prefix_line_ ? prefix_line_ : line.number;
    prefix_.clear();
    prefix_line_ = 0;
    const std::vector<Column>& columns = *table_;
    if (cells->size() < columns.size()) {
      skip(line, "row has " + std::to_string(cells->size()) + " cells, the header has " +
                     std::to_string(columns.size()));
      return true;
    }
    if (!prefix.empty()) (*cells)[0] = prefix + ((*cells)[0].empty() ? "" : " ") + (*cells)[0];
    Draft d;
    d.active = true;
    d.tabled = true;
    d.line = first_line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& cell = (*cells)[i];
      switch (columns[i]) {
        case Column::action:
          d.text = cell;
          break;
        case Column::owner:
          d.owners = cell;
          d.owners_line = line.number;
          break;
        case Column::due:
          d.due = cell;
          d.due_line = line.number;
          break;
        case Column::status:
          if (!cell.empty()) d.status.push_back(cell);
          break;
        case Column::ref:
          d.ref = cell;
          break;
        case Column::details:
          if (!cell.empty()) d.notes.push_back(cell);
          break;
        case Column::impact:
        case Column::effort: {
          // The rating is in the column's cell or in a blank-headed column just after it.
          std::optional<Rating> rating;
          std::string seen;
          for (std::size_t k = i; k < cells->size() && !rating; ++k) {
            if (k > i && (k >= columns.size() || columns[k] != Column::blank)) break;
            rating = rating_of((*cells)[k]);
            if (!(*cells)[k].empty() && seen.empty()) seen = (*cells)[k];
          }
          const bool impact = columns[i] == Column::impact;
          (impact ? d.impact : d.effort) = rating;
          if (!rating && !seen.empty())
            skip(line,
                 std::string(impact ? "impact" : "effort") + " \"" + seen +
                     "\" is not a rating (high, medium or low); the item was kept without it");
          break;
        }
        case Column::ignored:
        case Column::blank:
          break;
      }
    }
    if (d.text.empty()) {
      skip(line, "row without action text");
      return true;
    }
    for (std::size_t i = columns.size(); i < cells->size(); ++i)
      if (!(*cells)[i].empty()) {
        skip(line, "cells beyond the header's columns were ignored");
        break;
      }
    finish_draft();
    draft_ = std::move(d);
    finish_draft();
    return true;
  }

  void section_line(const Line& line, bool blank) {
    auto [field, value] = field_label(line.content);
    if (field != Field::none) {
      if (!draft_.active) {
        skip(line, "a field line before any action item");
        return;
      }
      attach(line, field, std::move(value));
      return;
    }
    if (line.is_bullet()) {
      const detail::Bullet& b = line.bullet;
      if (!top_ || b.indent < top_->indent ||
          (b.indent <= top_->indent && b.glyph == top_->glyph)) {
        if (!top_) top_ = b;
        section_bulleted_ = true;
        finish_draft();
        start_draft(line, line.content, true);
        return;
      }
      if (!draft_.active) {
        skip(line, "sub-bullet before any action item");
        return;
      }
      draft_.notes.push_back(line.content);
      draft_.tail = Draft::Part::note;
      return;
    }
    if (draft_.active && continues(line, blank)) {
      append(line.content);
      return;
    }
    finish_draft();
    if (heading_like(line) || section_bulleted_) {
      in_section_ = false;  // a new section, or prose after the list
      return;
    }
    // A list without bullets: one item per line, if it reads like an action (a few words).
    if (split_words(line.content).size() >= 3) start_draft(line, line.content, true);
  }

  void attach(const Line& line, Field field, std::string value) {
    switch (field) {
      case Field::status:
        draft_.status.push_back(std::move(value));
        draft_.tail = Draft::Part::status;
        break;
      case Field::owners:
        draft_.owners = std::move(value);
        draft_.owners_line = line.number;
        draft_.tail = Draft::Part::owners;
        break;
      case Field::due:
        draft_.due = std::move(value);
        draft_.due_line = line.number;
        draft_.tail = Draft::Part::due;
        break;
      case Field::none:
        break;
    }
  }

  /// True when @p line carries on the text of the current item (a line broken by extraction).
  bool continues(const Line& line, bool blank) {
    if (!draft_.active || line.is_bullet()) return false;
    const std::string& tail = draft_.tail_text();
    if (is_lower(line.content.front())) return true;
    const bool dangling = ends_dangling(tail);
    if (heading_like(line) && !dangling) return false;
    if (!ends_sentence(tail)) return true;
    if (blank || !(draft_.listed && section_bulleted_)) return false;
    // After a finished sentence, more text is a sentence too; a few words without closing
    // punctuation ("Next steps") are a heading.
    return ends_sentence(line.content) || split_words(line.content).size() > 6;
  }

  void append(const std::string& content) {
    std::string& tail = draft_.tail_text();
    if (!tail.empty()) tail += ' ';
    tail += content;
  }

  void start_draft(const Line& line, std::string text, bool listed) {
    finish_draft();
    draft_ = Draft{};
    draft_.active = true;
    draft_.listed = listed;
    draft_.line = line.number;
    draft_.text = std::move(text);
  }

  void finish_draft() {
    if (!draft_.active) return;
    Draft d = std::move(draft_);
    draft_ = Draft{};
    ActionItem item;
    const std::string full = collapse(d.text);
    if (full.size() > long_text_bytes) {
      item.text = first_sentence(full);
      item.details = full;
    } else {
      item.text = full;
    }
    // Sub-bullets without a label are the status when there is no "Status:" line.
    if (d.status.empty() && !d.tabled) {
      d.status = std::move(d.notes);
      d.notes.clear();
    }
    for (const std::string& note : d.notes) {
      if (!item.details.empty()) item.details += '\n';
      item.details += collapse(note);
    }
    std::string status;
    for (const std::string& s : d.status) {
      if (!status.empty()) status += ' ';
      status += collapse(s);
    }
    item.ref = collapse(d.ref);
    item.impact = d.impact;
    item.effort = d.effort;
    const std::size_t line = d.line;
    try {
      const ParsedStatus parsed = parse_status(status);
      item.state = parsed.state;
      item.status_note = parsed.note;
    } catch (const ParseError& e) {
      out_.skipped.push_back({line, status, "status not understood (" + e.reason() + ")"});
    }
    try {
      item.owners = parse_owners(d.owners, seen_owners_);
      for (const std::string& o : item.owners) {
        bool seen = false;
        for (const std::string& s : seen_owners_) seen = seen || detail::iequals(s, o);
        if (!seen) seen_owners_.push_back(o);
      }
    } catch (const ParseError& e) {
      out_.skipped.push_back(
          {d.owners_line, d.owners,
           "owners not understood (" + e.reason() + "); the item was kept without owners"});
    }
    try {
      item.due = parse_due(d.due, reference_, options_);
    } catch (const ParseError& e) {
      out_.skipped.push_back(
          {d.due_line, d.due,
           "due date not understood (" + e.reason() + "); the item was kept without a due date"});
    }
    out_.items.push_back(std::move(item));
    out_.lines.push_back(line);
  }

  static std::string identity(const ActionItem& item) {
    std::string key = detail::lower(item.details.empty() ? item.text : item.details);
    while (!key.empty() &&
           (key.back() == '.' || key.back() == ' ' || key.back() == '!' || key.back() == '?'))
      key.pop_back();
    return key;
  }

  static int richness(const ActionItem& item) {
    return !item.owners.empty() + !item.due.is_none() +
           (item.state != State::open || !item.status_note.empty()) + !item.ref.empty();
  }

  /// The same action found twice (an "Action item:" line and a table row): the richer stays.
  void deduplicate() {
    std::map<std::string, std::size_t> first;
    std::vector<bool> removed(out_.items.size(), false);
    for (std::size_t i = 0; i < out_.items.size(); ++i) {
      const auto [it, fresh] = first.emplace(identity(out_.items[i]), i);
      if (fresh) continue;
      std::size_t kept = it->second, dropped = i;
      if (richness(out_.items[i]) > richness(out_.items[kept])) std::swap(kept, dropped);
      removed[dropped] = true;
      it->second = kept;
      out_.skipped.push_back({out_.lines[dropped], out_.items[dropped].text,
                              "the same action as on line " + std::to_string(out_.lines[kept])});
    }
    ParsedMinutes compact;
    compact.skipped = std::move(out_.skipped);
    for (std::size_t i = 0; i < out_.items.size(); ++i) {
      if (removed[i]) continue;
      compact.items.push_back(std::move(out_.items[i]));
      compact.lines.push_back(out_.lines[i]);
    }
    out_ = std::move(compact);
  }

  std::string_view text_;
  boost::gregorian::date reference_;
  const DateOptions& options_;
  std::vector<Line> lines_;
  ParsedMinutes out_;
  Draft draft_;
  std::optional<std::vector<Column>> table_;
  std::size_t last_row_line_ = 0;
  /// The first cell's text from lines before its row, and the line it starts on.
  std::string prefix_;
  std::size_t prefix_line_ = 0;
  bool in_section_ = false;
  bool section_bulleted_ = false;
  std::optional<detail::Bullet> top_;
  /// Owners named so far: a later "ICANN org" is spelled as the first "ICANN Org".
  std::vector<std::string> seen_owners_;
};

}  // namespace

ParsedMinutes parse_action_items(std::string_view text, boost::gregorian::date reference,
                                 const DateOptions& options) {
  return MinutesReader(text, reference, options).read();
}

}  // namespace libtracker
