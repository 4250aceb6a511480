// CSV lists: an RFC 4180 reader that reports the line of every problem, and a writer whose
// output reads back into the same items. The columns are read by the extractor, with the
// header vocabulary every tabular import shares (parse/column_vocabulary.cpp).

#include "formats/csv_format.hpp"

#include <algorithm>
#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <optional>

#include "extract/extractor.hpp"
#include "formats/format_util.hpp"
#include "libtracker/error.hpp"
#include "libtracker/owner_parser.hpp"
#include "libtracker/rating.hpp"
#include "libtracker/readers.hpp"
#include "libtracker/status_parser.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker::detail {
namespace {

/// Checks one finished field; @p line is where it starts.
void check_field(const std::string& field, std::size_t line, const std::string& source) {
  if (field.size() > csv_max_field_bytes)
    throw ParseError("field longer than " + std::to_string(csv_max_field_bytes) + " bytes",
                     excerpt(field, 0), 0, source, line);
  const TextProblem problem = find_text_problem(field);
  if (!problem.found()) return;
  const std::size_t at_line = line + static_cast<std::size_t>(std::count(
                                         field.begin(), field.begin() + problem.position, '\n'));
  const bool nul = field[problem.position] == '\0';
  throw ParseError(nul ? "NUL byte" : problem.reason, excerpt(field, problem.position),
                   excerpt_position(problem.position), source, at_line);
}

std::string_view line_at(std::string_view text, std::size_t at) {
  const std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t from = (start == std::string_view::npos || at == 0) ? 0 : start + 1;
  const std::size_t end = text.find('\n', from);
  return text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
}

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& source) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  std::vector<CsvRecord> out;
  const std::size_t n = text.size();
  std::size_t i = 0, line = 1;
  std::size_t expected = 0;
  while (i < n) {
    CsvRecord record;
    record.line = line;
    const std::size_t record_start = i;
    bool any_quoted = false;
    for (;;) {
      std::string field;
      const std::size_t field_line = line;
      if (i < n && text[i] == '"') {
        any_quoted = true;
        const std::size_t open_at = i;
        ++i;
        for (;;) {
          const std::size_t q = text.find('"', i);
          if (q == std::string_view::npos)
            throw ParseError("quote not closed before the end of the input",
                             excerpt(line_at(text, open_at), 0), 0, source, field_line);
          const std::string_view part = text.substr(i, q - i);
          line += static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
          // Line breaks inside a cell are kept as LF, whichever way the file ends its lines.
          for (std::size_t k = 0; k < part.size(); ++k)
            if (!(part[k] == '\r' && k + 1 < part.size() && part[k + 1] == '\n')) field += part[k];
          if (field.size() > csv_max_field_bytes) check_field(field, field_line, source);
          i = q + 1;
          if (i < n && text[i] == '"') {
            field += '"';
            ++i;
            continue;
          }
          break;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          throw ParseError("text after a closing quote (a quote inside a field must be doubled)",
                           excerpt(line_at(text, i), 0), 0, source, line);
      } else {
        std::size_t end = text.find_first_of(",\r\n\"", i);
        if (end == std::string_view::npos) end = n;
        if (end < n && text[end] == '"')
          throw ParseError("quote inside an unquoted field (quote the whole field)",
                           excerpt(line_at(text, end), 0), 0, source, line);
        field.assign(text.substr(i, end - i));
        i = end;
      }
      check_field(field, field_line, source);
      record.fields.push_back(std::move(field));
      if (i >= n) break;
      if (text[i] == ',') {
        ++i;
        continue;
      }
      if (text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      break;
    }
    const bool blank = !any_quoted && record.fields.size() == 1 && trim(record.fields[0]).empty();
    if (blank) continue;
    if (out.empty()) {
      expected = record.fields.size();
    } else if (record.fields.size() != expected) {
      const std::string_view raw = text.substr(record_start, i - record_start);
      throw ParseError("row has " + std::to_string(record.fields.size()) + " fields, the header " +
                           std::to_string(expected),
                       excerpt(raw, 0), 0, source, record.line);
    }
    out.push_back(std::move(record));
  }
  return out;
}

std::string csv_cell(std::string_view text) {
  std::string value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    value = "'";
  value.append(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::vector<ImportedItem> parse_csv_items(std::string_view text, boost::gregorian::date reference,
                                          const DateOptions& dates, const std::string& source) {
  const Document doc = read_csv_document(text, source);
  if (doc.blocks.front().rows.empty()) throw ParseError("no header row", "", 0, source, 1);
  ExtractOptions options;
  options.reference = reference;
  options.dates = dates;
  options.strict = true;
  return extract_items(doc, options).items;
}

std::string write_csv_items(const std::vector<ActionItem>& items) {
  std::string out =
      "Item #,Action,Details,Owner,Due Date,Status,Status "
      "Note,Tags,Impact,Effort,Created,Closed\r\n";
  for (const ActionItem& it : items) {
    out += csv_cell(it.ref) + ",";
    out += csv_cell(it.text) + ",";
    out += csv_cell(it.details) + ",";
    out += csv_cell(join(it.owners, "; ")) + ",";
    out += csv_cell(it.due.to_string()) + ",";
    out += std::string(to_string(it.state)) + ",";
    out += csv_cell(it.status_note) + ",";
    out += csv_cell(join(it.tags, "; ")) + ",";
    out += (it.impact ? std::string(to_string(*it.impact)) : std::string()) + ",";
    out += (it.effort ? std::string(to_string(*it.effort)) : std::string()) + ",";
    out += iso_date(it.created) + ",";
    out += (it.closed ? iso_date(*it.closed) : std::string()) + "\r\n";
  }
  return out;
}

}  // namespace libtracker::detail
