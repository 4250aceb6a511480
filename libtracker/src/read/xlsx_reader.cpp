// Excel (.xlsx): every sheet in workbook order, each as a heading with the sheet's name (so a
// sheet named "Completed" carries state as a heading does), then the rows. Leading rows with a
// single filled cell (a title, merged title cells) become headings under it; the table starts
// at the first row with two or more filled cells. Cells are read by their reference (B3), so
// gaps stay columns; shared and inline strings as text, numbers as written, date cells (by
// their number format, 1900 or 1904 system) as ISO dates, booleans as TRUE/FALSE.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "libtracker/text.hpp"
#include "read/document_builder.hpp"
#include "read/office_readers.hpp"
#include "read/xml_part.hpp"
#include "read/zip_archive.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

/// Whether a number format shows a date: the built-in date formats, or a format code with a
/// day, month or year outside quoted text and [colour]/[locale] brackets.
bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return true;
  bool quoted = false, bracket = false, date = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (bracket) continue;
    const char l = static_cast<char>(c | 0x20);
    if (l == 'd' || l == 'y') date = true;
    if (l == 'm' && !date) {
      // "m" after h or before s is minutes; count it as a month only with a d or y around.
      if (code.find_first_of("dDyY") != std::string_view::npos) date = true;
    }
  }
  return date;
}

/// An Excel serial day as "YYYY-MM-DD" (with " HH:MM" when it has a time of day); empty when
/// it is no day of years 1900 to 9999.
std::string serial_date(double serial, bool base1904) {
  using boost::gregorian::date;
  using boost::gregorian::date_duration;
  if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return {};
  const long whole = static_cast<long>(std::floor(serial));
  const double fraction = serial - static_cast<double>(whole);
  date day;
  if (base1904) {
    day = date(1904, 1, 1) + date_duration(whole);
  } else {
    // The 1900 system counts a 29 February 1900 that never was (Lotus compatibility): serial
    // 60 is that day, and every later serial is one day ahead.
    if (whole == 60) return {};
    day = (whole < 60 ? date(1899, 12, 31) : date(1899, 12, 30)) + date_duration(whole);
  }
  if (day.year() > 9999) return {};
  std::string out = iso_date(day);
  const long minutes = std::lround(fraction * 24 * 60);
  if (minutes > 0 && minutes < 24L * 60) {
    char buf[16];
    std::snprintf(buf, sizeof buf, " %02ld:%02ld", minutes / 60, minutes % 60);
    out += buf;
  }
  return out;
}

/// A number as a person reads it: "3", "0.25", not "0.25000000000000001".
std::string number_text(std::string_view raw) {
  const std::string s(trim(raw));
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || !std::isfinite(v)) return s;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

/// Column index (0-based) of a cell reference such as "AB12"; -1 when there is none.
long column_of(std::string_view ref) {
  long col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && i < 4; ++i) {
    const char c = static_cast<char>(ref[i] & ~0x20);
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
  }
  return i == 0 ? -1 : col - 1;
}

/// The text of a rich or plain string item (si, is): t, or every r/t; phonetic runs skipped.
std::string string_item(const pugi::xml_node& si) {
  std::string text;
  for (pugi::xml_node n = si.first_child(); n; n = n.next_sibling()) {
    if (is(n, "t"))
      text += n.text().get();
    else if (is(n, "r"))
      text += child(n, "t").text().get();
  }
  return text;
}

/// How many row elements a sheet has, counted in the text before it is parsed, so that a
/// sheet with a million empty rows is refused without building a tree for it.
std::size_t count_rows(std::string_view xml) {
  std::size_t n = 0;
  for (std::size_t at = xml.find("row", 0); at != std::string_view::npos;
       at = xml.find("row", at + 3)) {
    const bool opens = at > 0 && (xml[at - 1] == '<' || (xml[at - 1] == ':' && at > 1));
    const char after = at + 3 < xml.size() ? xml[at + 3] : '\0';
    if (opens && (after == ' ' || after == '>' || after == '/' || after == '\t' || after == '\n' ||
                  after == '\r')) {
      if (xml[at - 1] == ':') {
        std::size_t b = at - 1;
        while (b > 0 && xml[b - 1] != '<' && xml[b - 1] != '/' && xml[b - 1] != ' ') --b;
        if (b == 0 || xml[b - 1] != '<') continue;
      }
      ++n;
    }
  }
  return n;
}

class XlsxReader {
 public:
  XlsxReader(std::string_view bytes, const std::string& source, const ReadLimits& limits)
      : zip_(bytes, source, limits), out_(source, limits), limits_(limits) {}

  Document read() {
    const std::string workbook = "xl/workbook.xml";
    std::string xml = zip_.read(workbook);
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), workbook, limits_);
    const pugi::xml_node wb = child(doc, "workbook");
    const std::string_view d1904 = attr(child(wb, "workbookPr"), "date1904").value();
    base1904_ = d1904 == "1" || d1904 == "true";
    const auto rels = read_relationships(zip_, workbook, limits_);
    read_shared_strings();
    read_styles();
    for (pugi::xml_node s = child(wb, "sheets").first_child(); s; s = s.next_sibling()) {
      if (!is(s, "sheet")) continue;
      std::string rel;
      for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        if (name.size() > 3 && name.substr(name.size() - 3) == ":id") rel = a.value();
      }
      for (const auto& [rel_id, target] : rels)
        if (rel_id == rel) sheet(target, attr(s, "name").value());
    }
    return out_.take();
  }

 private:
  void read_shared_strings() {
    const std::string member = "xl/sharedStrings.xml";
    if (!zip_.has(member)) return;
    std::string xml = zip_.read(member);
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), member, limits_);
    for (pugi::xml_node si = child(doc, "sst").first_child(); si; si = si.next_sibling())
      if (is(si, "si")) strings_.push_back(string_item(si));
  }

  void read_styles() {
    const std::string member = "xl/styles.xml";
    if (!zip_.has(member)) return;
    std::string xml = zip_.read(member);
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), member, limits_);
    const pugi::xml_node ss = child(doc, "styleSheet");
    std::map<int, std::string> codes;
    for (pugi::xml_node f = child(ss, "numFmts").first_child(); f; f = f.next_sibling())
      if (is(f, "numFmt")) codes[attr(f, "numFmtId").as_int()] = attr(f, "formatCode").value();
    for (pugi::xml_node xf = child(ss, "cellXfs").first_child(); xf; xf = xf.next_sibling()) {
      if (!is(xf, "xf")) continue;
      const int id = attr(xf, "numFmtId").as_int();
      const auto code = codes.find(id);
      date_styles_.push_back(is_date_format(id, code == codes.end() ? "" : code->second));
    }
  }

  std::string cell_value(const pugi::xml_node& c) const {
    const std::string_view type = attr(c, "t").value();
    const char* v = child(c, "v").text().get();
    if (type == "s") {
      const unsigned long index = std::strtoul(v, nullptr, 10);
      return index < strings_.size() ? strings_[index] : std::string();
    }
    if (type == "inlineStr") return string_item(child(c, "is"));
    if (type == "str" || type == "e" || type == "d") return v;
    if (type == "b") return std::string_view(v) == "1" ? "TRUE" : "FALSE";
    if (*v == '\0') return {};
    const unsigned long style = attr(c, "s").as_uint();
    if (style < date_styles_.size() && date_styles_[style]) {
      const std::string date = serial_date(std::strtod(v, nullptr), base1904_);
      if (!date.empty()) return date;
    }
    return number_text(v);
  }

  void sheet(const std::string& member, const std::string& name) {
    std::string xml = zip_.read(member);
    const std::string part = "sheet " + name;
    if (count_rows(xml) > limits_.max_rows)
      throw ParseError("more than " + std::to_string(limits_.max_rows) + " rows in " + part, member,
                       0, zip_.source());
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), member, limits_);
    out_.heading(name, 1, part);
    std::vector<TableRow> rows;
    long next_row = 1;
    for (pugi::xml_node r = child(child(doc, "worksheet"), "sheetData").first_child(); r;
         r = r.next_sibling()) {
      if (!is(r, "row")) continue;
      const long number = attr(r, "r").as_llong(next_row);
      next_row = number + 1;
      TableRow row;
      row.position.part = part + ", row " + std::to_string(number);
      long next_col = 0;
      for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
        if (!is(c, "c")) continue;
        long col = column_of(attr(c, "r").value());
        if (col < 0) col = next_col;
        if (col > 16383) continue;  // past Excel's last column
        next_col = col + 1;
        std::string value = cell_value(c);
        if (trim(value).empty()) continue;
        if (row.cells.size() <= static_cast<std::size_t>(col)) row.cells.resize(col + 1);
        row.cells[col] = std::move(value);
      }
      if (!row.cells.empty()) rows.push_back(std::move(row));
    }
    // Drop the columns left of the first one used, so that column A need not be the table's.
    std::size_t first = SIZE_MAX;
    for (const TableRow& row : rows)
      for (std::size_t i = 0; i < row.cells.size() && i < first; ++i)
        if (!trim(row.cells[i]).empty()) first = i;
    if (first != SIZE_MAX && first > 0)
      for (TableRow& row : rows) row.cells.erase(row.cells.begin(), row.cells.begin() + first);
    // Title rows above the table (one filled cell) are headings under the sheet's.
    std::size_t start = 0;
    while (start < rows.size()) {
      std::size_t filled = 0;
      std::string only;
      for (const std::string& cell : rows[start].cells)
        if (!trim(cell).empty()) {
          ++filled;
          only = cell;
        }
      if (filled > 1) break;
      out_.heading(only, 2, rows[start].position.part);
      ++start;
    }
    rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(start));
    out_.table(std::move(rows), part);
  }

  ZipArchive zip_;
  DocumentBuilder out_;
  ReadLimits limits_;
  std::vector<std::string> strings_;
  std::vector<bool> date_styles_;
  bool base1904_ = false;
};

}  // namespace

Document read_xlsx(std::string_view bytes, const std::string& source, const ReadLimits& limits) {
  return XlsxReader(bytes, source, limits).read();
}

}  // namespace libtracker::detail
