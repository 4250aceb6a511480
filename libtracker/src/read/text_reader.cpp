// Minutes and slides as text -> Document. Extraction from PDF and slides breaks lines in the
// middle of sentences and cells; this reader puts them together again (a line that carries on
// the one before joins it) so that the extractor sees whole paragraphs, list items and rows.

#include <optional>
#include <string>
#include <vector>

#include "libtracker/error.hpp"
#include "libtracker/readers.hpp"
#include "parse/bullet.hpp"
#include "parse/column_vocabulary.hpp"
#include "parse/prose.hpp"
#include "read/document_builder.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace {

using detail::collapse;

enum class RowKind { none, tabs, pipes };

struct Line {
  std::size_t number = 0;
  std::string text;  // without the line end; form feeds and stray CRs as spaces
  detail::Bullet bullet;
  std::string content;  // after indentation and bullet glyphs, trimmed
  RowKind row = RowKind::none;
  std::vector<std::string> cells;

  bool blank() const { return content.empty(); }
  bool is_bullet() const { return bullet.is_bullet(); }
};

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

/// The cells of a table row: tab-separated, or a Markdown/wiki row "| a | b |".
RowKind row_cells(const Line& line, std::vector<std::string>& cells) {
  const std::string_view t = detail::trim(line.text);
  std::string_view body;
  char separator = '\t';
  RowKind kind = RowKind::tabs;
  if (t.size() >= 2 && t.front() == '|' && t.find('|', 1) != std::string_view::npos) {
    separator = '|';
    kind = RowKind::pipes;
    body = t.substr(1, t.back() == '|' ? t.size() - 2 : t.size() - 1);
  } else if (line.content.find('\t') != std::string::npos) {
    body = line.text;
  } else {
    return RowKind::none;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t end = body.find(separator, start);
    cells.emplace_back(collapse(
        body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return kind;
}

bool is_pipe_rule(const std::vector<std::string>& cells) {
  for (const std::string& c : cells) {
    if (c.find('-') == std::string::npos) return false;
    for (char ch : c)
      if (ch != '-' && ch != ':' && ch != ' ') return false;
  }
  return true;
}

bool all_empty(const std::vector<std::string>& cells) {
  for (const std::string& c : cells)
    if (!c.empty()) return false;
  return true;
}

/// A label that always starts a new block, even in lower case ("status: done").
bool is_field_label(std::string_view content) {
  const std::size_t n = detail::label_length(content);
  if (n == 0) return false;
  const std::string label = detail::lower(content.substr(0, n - 1));
  for (std::string_view known : {"status", "owner", "owners", "due", "due date", "deadline",
                                 "action", "action item", "ai", "responsible", "assigned to"})
    if (label.compare(0, known.size(), known) == 0) return true;
  return false;
}

bool is_action_heading_shape(std::string_view content) {
  std::string_view c = detail::trim(content);
  if (c.empty() || c.size() > detail::max_heading_bytes) return false;
  const char last = c.back();
  if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?') return false;
  if (detail::label_length(c) > 0) return false;
  const std::string lower = detail::lower(detail::heading_text(c));
  if (detail::split_words(lower).size() > detail::max_heading_words) return false;
  for (std::string_view phrase : {"action items", "action item", "action points", "actions"})
    if (detail::has_word_phrase(lower, phrase)) return true;
  return false;
}

class TextReader {
 public:
  TextReader(std::string_view text, const std::string& source) : text_(text), source_(source) {
    doc_.source = source;
  }

  Document read() {
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
      if (line.row != RowKind::none) {
        table_row(line);
        continue;
      }
      if (table_) {
        if (leads_to_row(i)) {
          if (!prefix_.empty()) prefix_ += ' ';
          prefix_ += line.content;
          if (prefix_line_ == 0) prefix_line_ = line.number;
          continue;
        }
        table_.reset();
      }
      if (open_ && continues(doc_.blocks[*open_], line, blank)) {
        std::string& text = doc_.blocks[*open_].text;
        if (!text.empty()) text += ' ';
        text += line.content;
        continue;
      }
      open_.reset();
      if (line.is_bullet()) {
        list_item(line);
      } else if (is_heading_shape(line)) {
        Block b;
        b.kind = BlockKind::heading;
        b.text = detail::heading_text(line.content);
        std::size_t hashes = 0;
        while (hashes < line.content.size() && line.content[hashes] == '#') ++hashes;
        b.level = hashes > 0 ? static_cast<int>(hashes) : 1;
        b.position.line = line.number;
        if (!b.text.empty()) doc_.blocks.push_back(std::move(b));
        list_.clear();
      } else {
        Block b;
        b.kind = BlockKind::paragraph;
        b.text = line.content;
        b.position.line = line.number;
        doc_.blocks.push_back(std::move(b));
        open_ = doc_.blocks.size() - 1;
      }
    }
    for (Block& b : doc_.blocks) b.text = collapse(b.text);
    return std::move(doc_);
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
      if (problem.found()) throw ParseError(problem.reason, raw, problem.position, source_, number);
      Line line;
      line.number = number;
      line.bullet = detail::read_bullet(raw);
      line.content = std::string(detail::trim(std::string_view(raw).substr(line.bullet.content)));
      line.text = std::move(raw);
      if (!line.blank()) line.row = row_cells(line, line.cells);
      lines_.push_back(std::move(line));
      if (end == std::string_view::npos) break;
    }
  }

  static bool is_heading_shape(const Line& line) {
    return !line.is_bullet() &&
           (detail::is_heading_shape(line.content) || is_action_heading_shape(line.content));
  }

  void table_row(const Line& line) {
    open_.reset();
    list_.clear();
    if (line.row == RowKind::pipes && is_pipe_rule(line.cells)) return;
    std::vector<std::string> cells = line.cells;
    if (all_empty(cells)) return;
    if (!table_ || table_kind_ != line.row) {
      Block b;
      b.kind = BlockKind::table;
      b.position.line = prefix_line_ ? prefix_line_ : line.number;
      doc_.blocks.push_back(std::move(b));
      table_ = doc_.blocks.size() - 1;
      table_kind_ = line.row;
    }
    TableRow row;
    row.position.line = line.number;
    if (!prefix_.empty()) {
      cells[0] = prefix_ + (cells[0].empty() ? "" : " ") + cells[0];
      row.position.line = prefix_line_;
    }
    prefix_.clear();
    prefix_line_ = 0;
    row.cells = std::move(cells);
    doc_.blocks[*table_].rows.push_back(std::move(row));
  }

  /// True when lines_[i] is the start of a first cell broken over lines before its row: the
  /// next lines, without blank lines between, lead to a row of the table (not a new header).
  bool leads_to_row(std::size_t i) const {
    for (std::size_t j = i; j < lines_.size() && j < i + 6; ++j) {
      const Line& l = lines_[j];
      if (l.row != RowKind::none) return !detail::is_action_header(detail::read_header(l.cells));
      // A finished sentence on a line of its own is not half a cell but a row without columns.
      if (l.blank() || l.is_bullet() || detail::is_title_line(l.content) ||
          detail::ends_sentence(l.content))
        return false;
    }
    return false;
  }

  void list_item(const Line& line) {
    const detail::Bullet& b = line.bullet;
    // A glyph seen before in this list at this or a deeper indentation keeps its level, even
    // below items that PDF extraction indented less (top-level glyphs indented, sub-bullets not).
    std::size_t same = list_.size();
    bool known_glyph = false;
    for (std::size_t k = 0; k < list_.size(); ++k) {
      if (list_[k].glyph == b.glyph) known_glyph = true;
      if (list_[k].glyph == b.glyph && list_[k].indent == b.indent) same = k;
    }
    for (std::size_t k = 0; k < list_.size() && same == list_.size(); ++k)
      if (list_[k].glyph == b.glyph && list_[k].indent > b.indent) same = k;
    bool placed = true;
    if (same < list_.size()) {
      list_.resize(same + 1);
    } else if (!list_.empty() && list_.front().indent > b.indent && !known_glyph) {
      // A new glyph less indented than the whole list: a sub-bullet whose indentation was lost.
      list_.push_back(b);
    } else {
      placed = false;
      while (!list_.empty() && list_.back().indent > b.indent) list_.pop_back();
    }
    if (placed) {
    } else if (!list_.empty() && list_.back().indent == b.indent && list_.back().glyph != b.glyph) {
      // Another glyph at the same indentation: an outer level with that glyph, else deeper.
      std::size_t k = list_.size();
      while (k > 0 && !(list_[k - 1].indent == b.indent && list_[k - 1].glyph == b.glyph)) --k;
      if (k > 0) {
        list_.resize(k);
      } else {
        list_.push_back(b);
      }
    } else if (list_.empty() || list_.back().indent < b.indent) {
      list_.push_back(b);
    }
    Block block;
    block.kind = BlockKind::list_item;
    std::string_view content = line.content;
    block.done = detail::take_task_box(content);
    block.text = std::string(content);
    block.level = static_cast<int>(list_.size()) - 1;
    block.position.line = line.number;
    doc_.blocks.push_back(std::move(block));
    open_ = doc_.blocks.size() - 1;
  }

  /// True when @p line carries on the text of @p block (a line broken by extraction).
  static bool continues(const Block& block, const Line& line, bool blank) {
    if (line.is_bullet() || is_field_label(line.content)) return false;
    if (is_action_heading_shape(line.content)) return false;
    const std::string& tail = block.text;
    if (is_lower(line.content.front())) return true;
    if (detail::label_length(line.content) > 0) return false;
    const bool dangling = detail::ends_dangling(tail);
    if (detail::is_title_line(line.content) && !dangling) return false;
    if (line.content.back() == ':' && detail::is_heading_shape(line.content) && !dangling)
      return false;
    // A blank line ends a paragraph unless the text before it breaks off mid-phrase.
    if (blank && !dangling) return false;
    if (!detail::ends_sentence(tail)) return true;
    if (blank || block.kind != BlockKind::list_item) return false;
    // After a finished sentence, more text is a sentence too; a few words without closing
    // punctuation ("Next steps") are a heading.
    return detail::ends_sentence(line.content) || detail::split_words(line.content).size() > 6;
  }

  std::string_view text_;
  const std::string& source_;
  std::vector<Line> lines_;
  Document doc_;
  std::optional<std::size_t> open_;   // the block that a continuation line joins
  std::optional<std::size_t> table_;  // the table that rows join
  RowKind table_kind_ = RowKind::none;
  std::vector<detail::Bullet> list_;  // the glyphs of the open list levels
  std::string prefix_;                // a first cell's text from lines before its row
  std::size_t prefix_line_ = 0;
};

}  // namespace

Document read_text_document(std::string_view text, const std::string& source) {
  return TextReader(text, source).read();
}

}  // namespace libtracker
