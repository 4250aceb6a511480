#pragma once
// CSV (RFC 4180) lists of action items: a reader that knows its line numbers, and a writer
// (private to the library).

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "formats/imported_item.hpp"
#include "libtracker/date_parser.hpp"

namespace libtracker::detail {

/// The longest field the reader accepts (1 MiB): a longer one is a ParseError, not an item.
inline constexpr std::size_t csv_max_field_bytes = 1u << 20;

/// One record and the 1-based line it starts on.
struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

/// Reads RFC 4180 text: fields separated by commas, quoted fields holding commas, doubled
/// quotes and line breaks; CRLF or LF line ends; an optional UTF-8 byte order mark. Every
/// record must have as many fields as the first; blank lines are skipped.
/// @throw ParseError naming @p source and the line: an unclosed quote, a quote inside an
/// unquoted field or text after a closing quote, a wrong number of fields, invalid UTF-8, a
/// NUL or other control character, a field longer than csv_max_field_bytes.
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& source);

/// One cell: quoted when it holds a comma, quote or line break; prefixed with an apostrophe
/// when a spreadsheet would run it as a formula (starts with =, +, -, @, tab or CR).
std::string csv_cell(std::string_view text);

/// Items of a CSV list with a header row, read by the extractor in its strict mode (the
/// column names understood are those of parse/column_vocabulary.cpp; unknown columns are
/// ignored).
/// Dates are read against @p reference. @throw ParseError naming @p source and the line.
std::vector<ImportedItem> parse_csv_items(std::string_view text, boost::gregorian::date reference,
                                          const DateOptions& dates, const std::string& source);

/// The items as CSV, one row each under the header that parse_csv_items reads back.
std::string write_csv_items(const std::vector<ActionItem>& items);

}  // namespace libtracker::detail
