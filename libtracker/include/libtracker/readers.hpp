#pragma once
/// @file readers.hpp
/// Readers that turn an input into a Document for extract_action_items: minutes and slides
/// as text, and CSV files.

#include <string>
#include <string_view>

#include "libtracker/document.hpp"

namespace libtracker {

/// Reads meeting text (minutes, slides or pages as extracted from PDF, a copy from a browser)
/// into blocks: headings (short title-like lines, "## ..."), list items with their level (from
/// the bullet glyphs "-", "•", "⊙", "\odot", "o", symbol-font characters, "1.", "a)" and the
/// indentation), paragraphs (lines broken by extraction joined again), and tables (runs of
/// tab-separated rows, or Markdown/wiki pipe rows; a first cell broken over lines before its
/// row is joined to it). Positions are 1-based lines.
/// @throw ParseError naming @p source and the line for text that is not valid UTF-8 or holds
/// control characters.
Document read_text_document(std::string_view text, const std::string& source = "minutes");

/// Reads an RFC 4180 CSV file into one table, one row per record (its first line).
/// @throw ParseError naming @p source and the line (see the CSV format's rules).
Document read_csv_document(std::string_view text, const std::string& source = "csv");

}  // namespace libtracker
