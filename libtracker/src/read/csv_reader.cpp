// CSV -> Document: one table, a row per record.

#include "formats/csv_format.hpp"
#include "libtracker/readers.hpp"

namespace libtracker {

Document read_csv_document(std::string_view text, const std::string& source) {
  Document doc;
  doc.source = source;
  std::vector<detail::CsvRecord> records = detail::read_csv(text, source);
  Block table;
  table.kind = BlockKind::table;
  table.position.line = records.empty() ? 1 : records.front().line;
  table.rows.reserve(records.size());
  for (detail::CsvRecord& r : records) {
    TableRow row;
    row.cells = std::move(r.fields);
    row.position.line = r.line;
    table.rows.push_back(std::move(row));
  }
  doc.blocks.push_back(std::move(table));
  return doc;
}

}  // namespace libtracker
