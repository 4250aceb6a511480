// CSV lists: an RFC 4180 reader that reports the line of every problem, the header synonyms
// of real action tables ("Item #", "Anticipated Completion", "Progress Notes"), and a writer
// whose output reads back into the same items.

#include "formats/csv_format.hpp"

#include <algorithm>
#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <optional>

#include "formats/format_util.hpp"
#include "libtracker/error.hpp"
#include "libtracker/owner_parser.hpp"
#include "libtracker/rating.hpp"
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

namespace {

enum class Column {
  ignored,
  ref,
  text,
  details,
  owners,
  due,
  status,
  status_note,
  created,
  closed,
  source,
  tags,
  impact,
  effort
};

struct Synonym {
  std::string_view name;
  Column column;
};

// Header names as they appear in real action tables (compared case-insensitively, with
// spaces collapsed and a trailing ":" dropped).
constexpr std::array<Synonym, 58> synonyms{{
    {"item #", Column::ref},
    {"item", Column::ref},
    {"item no", Column::ref},
    {"item no.", Column::ref},
    {"item number", Column::ref},
    {"no.", Column::ref},
    {"no", Column::ref},
    {"#", Column::ref},
    {"id", Column::ref},
    {"ref", Column::ref},
    {"reference", Column::ref},
    {"uuid", Column::ref},
    {"action", Column::text},
    {"action item", Column::text},
    {"action items", Column::text},
    {"task", Column::text},
    {"description", Column::text},
    {"item description", Column::text},
    {"details", Column::details},
    {"background", Column::details},
    {"owner", Column::owners},
    {"owners", Column::owners},
    {"assigned to", Column::owners},
    {"assignee", Column::owners},
    {"responsible", Column::owners},
    {"who", Column::owners},
    {"due date", Column::due},
    {"due", Column::due},
    {"deadline", Column::due},
    {"anticipated completion", Column::due},
    {"anticipated completion date", Column::due},
    {"target date", Column::due},
    {"target", Column::due},
    {"status", Column::status},
    {"state", Column::status},
    {"status note", Column::status_note},
    {"progress notes", Column::status_note},
    {"progress", Column::status_note},
    {"comments", Column::status_note},
    {"notes", Column::status_note},
    {"date of request", Column::created},
    {"requested", Column::created},
    {"date requested", Column::created},
    {"created", Column::created},
    {"opened", Column::created},
    {"completion date", Column::closed},
    {"date completed", Column::closed},
    {"closed", Column::closed},
    {"completed", Column::closed},
    {"source", Column::source},
    {"meeting", Column::source},
    {"category", Column::tags},
    {"categories", Column::tags},
    {"tags", Column::tags},
    {"labels", Column::tags},
    {"impact", Column::impact},
    {"effort", Column::effort},
    {"priority", Column::impact},
}};

Column column_for(std::string_view header) {
  std::string key;
  for (char c : trim(header)) {
    if (is_space(c)) {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  key = lower(key);
  while (!key.empty() && (key.back() == ':' || key.back() == '*')) key.pop_back();
  key = std::string(trim(key));
  for (const Synonym& s : synonyms)
    if (key == s.name) return s.column;
  return Column::ignored;
}

/// A cell as the writer meant it: the apostrophe of the formula guard removed.
std::string_view unguard(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@' || cell[1] == '\t' ||
       cell[1] == '\r'))
    cell.remove_prefix(1);
  return cell;
}

std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find_first_of(",;", start);
    const std::string_view tag =
        trim(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (!tag.empty()) out.emplace_back(tag);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

void append_note(std::string& note, std::string_view more) {
  if (more.empty()) return;
  if (!note.empty()) note += "\n";
  note += more;
}

}  // namespace

std::vector<ImportedItem> parse_csv_items(std::string_view text, boost::gregorian::date reference,
                                          const DateOptions& dates, const std::string& source) {
  const std::vector<CsvRecord> records = read_csv(text, source);
  if (records.empty()) throw ParseError("no header row", "", 0, source, 1);
  std::vector<Column> columns;
  bool has_text = false;
  for (const std::string& name : records[0].fields) {
    columns.push_back(column_for(name));
    has_text = has_text || columns.back() == Column::text;
  }
  if (!has_text) {
    std::string header;
    for (const std::string& name : records[0].fields) header += (header.empty() ? "" : ",") + name;
    throw ParseError("no Action column in the header (expected e.g. Action, Task or Description)",
                     excerpt(header, 0), 0, source, records[0].line);
  }
  std::vector<ImportedItem> out;
  out.reserve(records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    bool all_empty = true;
    for (const std::string& f : record.fields) all_empty = all_empty && trim(f).empty();
    if (all_empty) continue;  // ",,,," rows that spreadsheets leave behind
    ImportedItem imported;
    imported.line = record.line;
    ActionItem& item = imported.item;
    std::string status_text, progress;
    std::optional<boost::gregorian::date> closed;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string_view cell = trim(unguard(record.fields[c]));
      if (cell.empty() || columns[c] == Column::ignored) continue;
      try {
        switch (columns[c]) {
          case Column::ignored:
            break;
          case Column::ref:
            if (!imported.has(field_ref)) item.ref = std::string(cell);
            imported.provided |= field_ref;
            break;
          case Column::text:
            if (!imported.has(field_text)) item.text = std::string(cell);
            imported.provided |= field_text;
            break;
          case Column::details:
            append_note(item.details, cell);
            imported.provided |= field_details;
            break;
          case Column::owners:
            if (!imported.has(field_owners)) item.owners = parse_owners(cell);
            imported.provided |= field_owners;
            break;
          case Column::due:
            if (!imported.has(field_due)) item.due = parse_due(cell, reference, dates);
            imported.provided |= field_due;
            break;
          case Column::status:
            if (status_text.empty()) status_text = std::string(cell);
            break;
          case Column::status_note:
            append_note(progress, cell);
            break;
          case Column::created:
            if (!imported.has(field_created)) item.created = parse_date(cell, reference, dates);
            imported.provided |= field_created;
            break;
          case Column::closed:
            if (!closed) closed = parse_date(cell, reference, dates);
            break;
          case Column::source:
            item.tags.push_back("source:" + std::string(cell));
            imported.provided |= field_tags;
            break;
          case Column::tags:
            for (std::string& tag : split_tags(cell)) item.tags.push_back(std::move(tag));
            imported.provided |= field_tags;
            break;
          case Column::impact:
            item.impact = rating_from_string(cell);
            imported.provided |= field_impact;
            break;
          case Column::effort:
            item.effort = rating_from_string(cell);
            imported.provided |= field_effort;
            break;
        }
      } catch (const ParseError& e) {
        throw e.at_line(source, record.line);
      }
    }
    if (!imported.has(field_text)) {
      throw ParseError("row has no Action text", excerpt(join_fields(record.fields), 0), 0, source,
                       record.line);
    }
    if (!status_text.empty()) {
      try {
        // The canonical names this writer uses first; then the wording of real lists.
        try {
          item.state = state_from_string(status_text);
        } catch (const ParseError&) {
          const ParsedStatus parsed = parse_status(status_text);
          item.state = parsed.state;
          item.status_note = parsed.note;
        }
      } catch (const ParseError& e) {
        throw e.at_line(source, record.line);
      }
      imported.provided |= field_state;
      if (!item.status_note.empty()) imported.provided |= field_status_note;
    }
    if (!progress.empty()) {
      append_note(item.status_note, progress);
      imported.provided |= field_status_note;
    }
    if (closed) {
      // A completion date without a status means the item is done.
      if (!imported.has(field_state)) {
        item.state = State::done;
        imported.provided |= field_state;
      }
      if (is_closed(item.state)) {
        item.closed = closed;
        imported.provided |= field_closed;
      }
    }
    out.push_back(std::move(imported));
  }
  return out;
}

std::string write_csv_items(const std::vector<ActionItem>& items) {
  std::string out =
      "Item #,Action,Details,Owner,Due Date,Status,Status "
      "Note,Tags,Impact,Effort,Created,Closed\r\n";
  auto join = [](const std::vector<std::string>& values) {
    std::string joined;
    for (const std::string& v : values) joined += (joined.empty() ? "" : "; ") + v;
    return joined;
  };
  for (const ActionItem& it : items) {
    out += csv_cell(it.ref) + ",";
    out += csv_cell(it.text) + ",";
    out += csv_cell(it.details) + ",";
    out += csv_cell(join(it.owners)) + ",";
    out += csv_cell(it.due.to_string()) + ",";
    out += std::string(to_string(it.state)) + ",";
    out += csv_cell(it.status_note) + ",";
    out += csv_cell(join(it.tags)) + ",";
    out += (it.impact ? std::string(to_string(*it.impact)) : std::string()) + ",";
    out += (it.effort ? std::string(to_string(*it.effort)) : std::string()) + ",";
    out += iso_date(it.created) + ",";
    out += (it.closed ? iso_date(*it.closed) : std::string()) + "\r\n";
  }
  return out;
}

}  // namespace libtracker::detail
