#pragma once
/// @file readers.hpp
/// Readers that turn an input into a Document for extract_action_items: minutes and slides
/// as text, CSV files, and the files teams keep their lists in (Word, PowerPoint, Excel, PDF,
/// HTML), whose headings, lists and tables are taken from the file's own structure. Hostile
/// files are normal input: archives, XML and PDF are read within fixed limits (ReadLimits),
/// and anything past them is a ParseError naming the file.

#include <cstddef>
#include <optional>
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

/// The document formats with a reader of their own (binary or markup files).
enum class DocumentFormat { docx, pptx, xlsx, pdf, html };

/// "docx", "pptx", "xlsx", "pdf", "html".
std::string_view to_string(DocumentFormat f) noexcept;

/// The document format of @p content, from the bytes themselves: a ZIP with word/, ppt/ or xl/
/// members, "%PDF-", or HTML markup; nullopt for anything else (text, CSV, JSON).
std::optional<DocumentFormat> detect_document_format(std::string_view content) noexcept;

/// What a reader accepts at most; past any of these the file is refused with a ParseError.
struct ReadLimits {
  std::size_t max_file_bytes = 64u << 20;       ///< the file itself
  std::size_t max_member_bytes = 100u << 20;    ///< one ZIP member, inflated
  std::size_t max_inflated_bytes = 160u << 20;  ///< all members read from one ZIP
  std::size_t max_ratio = 200;                  ///< inflated : compressed, per member
  std::size_t ratio_floor_bytes = 1u << 20;     ///< members smaller than this skip the ratio
  std::size_t max_depth = 256;                  ///< element nesting in XML and HTML
  std::size_t max_rows = 100000;                ///< rows of one sheet or table
  std::size_t max_pages = 2000;                 ///< pages of a PDF
  std::size_t max_blocks = 200000;              ///< blocks of one document
};

/// Reads @p content (the file's bytes) as @p format into a Document whose source is @p source.
/// Word: paragraphs with heading and list levels, tables (merged cells read once), tracked
/// changes accepted, comments ignored. PowerPoint: each slide's title, text and tables in
/// slide order, notes ignored. Excel: each sheet as a heading and its table, dates as ISO
/// dates. PDF: lines put back into headings, list items, paragraphs and tables by their layout.
/// HTML: headings, lists and tables; scripts, styles and navigation ignored. Positions: the
/// part ("slide 3", "sheet Completed", "page 2", "table 1, row 4") and the block's number.
/// @throw ParseError naming @p source and what was wrong: a corrupt or truncated file, a ZIP
///        bomb, XML with a DOCTYPE (entity declarations, external entities), nesting past
///        limits.max_depth, an encrypted PDF or one without text, a sheet with too many rows.
Document read_document(std::string_view content, DocumentFormat format, const std::string& source,
                       const ReadLimits& limits = {});

}  // namespace libtracker
