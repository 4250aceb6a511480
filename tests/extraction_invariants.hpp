#pragma once
// The invariants every extraction keeps, whatever its input ("no silent garbage"); checked by
// the fixture tests and by the minutes fuzzer. Header-only so that both can use it.

#include <libtracker/document.hpp>
#include <libtracker/extract.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace libtracker::invariants {

/// @p text with runs of whitespace as single spaces, trimmed.
inline std::string squeeze(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// The first broken invariant of @p outcome read from @p document, or "" when none is:
/// an item's text comes from one list item, paragraph or table cell of the document (so it
/// never holds a header row, two rows, or two list items); every item has a text; every skipped
/// line and every item of a text input has its line.
inline std::string first_violation(const Document& document, const ImportOutcome& outcome) {
  std::vector<std::string> pieces;
  bool lines_known = false;
  for (const Block& b : document.blocks) {
    lines_known = lines_known || b.position.line > 0;
    if (b.kind == BlockKind::table) {
      for (const TableRow& r : b.rows)
        for (const std::string& c : r.cells) pieces.push_back(squeeze(c));
    } else {
      pieces.push_back(squeeze(b.text));
    }
  }
  if (outcome.items.size() != outcome.lines.size()) return "items and lines differ in number";
  for (std::size_t i = 0; i < outcome.items.size(); ++i) {
    const ActionItem& item = outcome.items[i];
    if (squeeze(item.text).empty()) return "an item without text";
    if (lines_known && outcome.lines[i] == 0) return "an item without its line: " + item.text;
    std::string text = squeeze(item.text);
    // A long text keeps its first words, cut at a word and marked "...".
    if (text.size() > 3 && text.compare(text.size() - 3, 3, "...") == 0)
      text.resize(text.size() - 3);
    bool found = false;
    for (const std::string& p : pieces) found = found || p.find(text) != std::string::npos;
    if (!found) return "an item's text is not from one block or cell of the source: " + text;
  }
  for (const SkippedLine& s : outcome.skipped)
    if (lines_known && s.line == 0) return "a skipped line without its line: " + s.text;
  return {};
}

}  // namespace libtracker::invariants
