#pragma once
// What every reader does to add a block: trimmed text, empty blocks dropped, the limits on
// blocks and rows enforced.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libtracker/document.hpp"
#include "libtracker/error.hpp"
#include "libtracker/readers.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {

/// @p text with runs of spaces and tabs made one space and every line trimmed; line breaks
/// are kept (a cell's paragraphs).
inline std::string tidy(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
      space = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || (static_cast<unsigned char>(c) < 0x20) ||
        c == '\x7f') {  // control characters: spaces
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != '\n') out += ' ';
    space = false;
    out += c;
  }
  // Empty lines (an empty paragraph in a cell) are dropped.
  std::string joined;
  std::size_t start = 0;
  while (start <= out.size()) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string_view line = trim(std::string_view(out).substr(start, end - start));
    if (!line.empty()) {
      if (!joined.empty()) joined += '\n';
      joined += line;
    }
    start = end + 1;
  }
  return joined;
}

/// The box a task list writes before an item ("[ ]", "[x]", "☐", "☑", "☒", then a space),
/// taken off @p text: whether it is ticked; std::nullopt when @p text starts with none.
inline std::optional<bool> take_task_box(std::string_view& text) {
  static constexpr std::pair<std::string_view, bool> boxes[] = {{"[ ]", false},   {"[x]", true},
                                                                {"[X]", true},    {"\u2610", false},
                                                                {"\u2611", true}, {"\u2612", true}};
  for (const auto& [box, ticked] : boxes) {
    if (text.size() > box.size() && text.substr(0, box.size()) == box &&
        (text[box.size()] == ' ' || text[box.size()] == '\t')) {
      text = trim(text.substr(box.size()));
      return ticked;
    }
  }
  return std::nullopt;
}

class DocumentBuilder {
 public:
  DocumentBuilder(std::string source, const ReadLimits& limits) : limits_(limits) {
    doc_.source = std::move(source);
  }

  void heading(std::string_view text, int level, std::string part = {}) {
    add(BlockKind::heading, text, level < 1 ? 1 : level, std::move(part));
  }
  void paragraph(std::string_view text, std::string part = {}) {
    add(BlockKind::paragraph, text, 0, std::move(part));
  }
  /// A list item. A box before its text ("[ ]", "[x]", "☐", "☑", "☒") makes it a task, ticked
  /// or not, and is taken off the text; @p done says it for a task the format marks itself
  /// (a Confluence task's "checked" class).
  void list_item(std::string_view text, int level, std::string part = {},
                 std::optional<bool> done = std::nullopt) {
    text = trim(text);
    const std::optional<bool> box = take_task_box(text);
    if (!done) done = box;
    const std::size_t before = doc_.blocks.size();
    add(BlockKind::list_item, text, level < 0 ? 0 : level, std::move(part));
    if (doc_.blocks.size() > before) doc_.blocks.back().done = done;
  }
  /// A table of rows whose cells are tidied; rows with no text at all are dropped, and
  /// trailing empty cells trimmed.
  void table(std::vector<TableRow> rows, const std::string& part = {}) {
    Block b;
    b.kind = BlockKind::table;
    b.position.part = part;
    for (TableRow& row : rows) {
      bool any = false;
      for (std::string& cell : row.cells) {
        cell = tidy(cell);
        any = any || !cell.empty();
      }
      if (!any) continue;
      while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
      if (row.position.part.empty()) row.position.part = part;
      b.rows.push_back(std::move(row));
      if (b.rows.size() > limits_.max_rows) too_many_rows(part);
    }
    if (b.rows.empty()) return;
    b.position.line = ++blocks_;
    // A row without a line of its own is placed at its table's block.
    for (TableRow& row : b.rows)
      if (row.position.line == 0) row.position.line = b.position.line;
    check_blocks();
    doc_.blocks.push_back(std::move(b));
  }
  [[noreturn]] void too_many_rows(const std::string& part) const {
    throw ParseError("more than " + std::to_string(limits_.max_rows) + " rows in one table", part,
                     0, doc_.source);
  }

  const ReadLimits& limits() const noexcept { return limits_; }
  std::size_t size() const noexcept { return doc_.blocks.size(); }
  const std::string& source() const noexcept { return doc_.source; }
  Document take() { return std::move(doc_); }

 private:
  void add(BlockKind kind, std::string_view text, int level, std::string part) {
    std::string t = tidy(text);
    if (t.empty()) return;
    Block b;
    b.kind = kind;
    b.text = std::move(t);
    b.level = level;
    b.position.part = std::move(part);
    b.position.line = ++blocks_;
    check_blocks();
    doc_.blocks.push_back(std::move(b));
  }
  void check_blocks() const {
    if (blocks_ > limits_.max_blocks)
      throw ParseError("more than " + std::to_string(limits_.max_blocks) + " blocks of text",
                       std::string(), 0, doc_.source);
  }

  Document doc_;
  ReadLimits limits_;
  std::size_t blocks_ = 0;
};

}  // namespace libtracker::detail
