#pragma once
/// @file document.hpp
/// A document as a reader sees it, before anyone looks for action items in it: headings,
/// paragraphs, list items with their level, and tables of cells, in reading order. Every
/// reader (text, CSV, Word, PowerPoint, Excel, PDF, HTML) produces one; one extractor finds the
/// items in any of them.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace libtracker {

/// What a block of a document is.
enum class BlockKind { heading, paragraph, list_item, table };

/// Where a block or a row came from: a 1-based line of a text input, and for a file with its
/// own structure, the part it is in ("slide 3", "sheet Completed", "page 2"); empty for text.
struct SourcePosition {
  std::size_t line = 0;
  std::string part;
};

/// One row of a table: its cells' text (a cell's paragraphs joined by "\n"), as the source
/// had them; merged cells are read once, in their first column.
struct TableRow {
  std::vector<std::string> cells;
  SourcePosition position;
};

/// One block: a heading (level 1 is the top), a paragraph, a list item (level 0 is the top
/// of a list), or a table (its rows; which row is the header is the extractor's call).
struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;            ///< heading, paragraph or list item text; empty for a table
  int level = 0;               ///< heading level (1 = top) or list level (0 = top); 0 otherwise
  std::vector<TableRow> rows;  ///< the table's rows, for BlockKind::table
  /// A task-list item (a box before its text: "[x]", "☑", a Confluence task): whether the
  /// box is ticked. std::nullopt for a plain list item and for other blocks.
  std::optional<bool> done;
  SourcePosition position;
};

/// A whole document: its blocks in reading order, and the name errors and results use.
struct Document {
  std::string source;
  std::vector<Block> blocks;
};

}  // namespace libtracker
