#pragma once
/// @file formats.hpp
/// The list formats libtracker reads and writes.

#include <string>
#include <string_view>

namespace libtracker {

/// minutes: meeting slides or minutes as text (import only); csv: RFC 4180 with a header row;
/// json: the to_dict() form with notes and history; taskwarrior: `task export` / `task import`
/// JSON; ics: iCalendar VTODOs and meeting VEVENTs (export only); agenda: a meeting's agenda
/// (import only; see agenda.hpp); docx, pptx, xlsx, pdf, html: Word, PowerPoint, Excel, PDF and
/// HTML files (import only; see readers.hpp). Text or a document that holds an agenda grid is
/// imported as an agenda whatever its format.
enum class Format { minutes, csv, json, taskwarrior, ics, agenda, docx, pptx, xlsx, pdf, html };

/// "minutes", "csv", "json", "taskwarrior", "ics", "agenda", "docx", "pptx", "xlsx", "pdf",
/// "html".
std::string_view to_string(Format f) noexcept;
/// Reads a format name (one of those to_string gives, case-insensitive).
/// @throw ParseError for an unknown name.
Format format_from_string(std::string_view name);
/// The format a file name suggests (by extension; ".txt" and ".md" are minutes).
/// @throw ParseError when the extension says nothing.
Format format_for_path(std::string_view path);
/// The format of a file from its content first (a ZIP with word/, ppt/ or xl/ members, "%PDF-",
/// HTML markup), else from its name as format_for_path.
/// @throw ParseError when neither says.
Format format_for_file(std::string_view content, std::string_view path);
/// Whether @p f is read by a document reader (docx, pptx, xlsx, pdf, html): binary content.
bool is_document_format(Format f) noexcept;

}  // namespace libtracker
