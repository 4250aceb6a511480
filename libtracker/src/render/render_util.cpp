#include "render/render_util.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include "text/utf8.hpp"

namespace libtracker::detail {
namespace {

struct Range {
  char32_t first, last;
};

// Zero-width: combining marks, zero-width and bidi format characters, variation selectors.
constexpr Range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},  {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},  {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},  {0x0900, 0x0902},
    {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},  {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},  {0x200B, 0x200F},
    {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},  {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF}};

// Wide: Hangul Jamo, CJK, Hiragana/Katakana, Hangul syllables, fullwidth forms, emoji.
constexpr Range wide[] = {{0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},
                          {0x23E9, 0x23EC},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
                          {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                          {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
                          {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
                          {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
                          {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

template <std::size_t N>
bool in(const Range (&table)[N], char32_t c) noexcept {
  std::size_t lo = 0, hi = N;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (c < table[mid].first)
      hi = mid;
    else if (c > table[mid].last)
      lo = mid + 1;
    else
      return true;
  }
  return false;
}

std::string count_text(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

TableCell cell(std::string text) { return {std::move(text), false}; }
TableCell number(long long n) { return {std::to_string(n), true}; }

/// The columns of a section table, and one row of it.
std::vector<std::string> section_headers(ReportSection s, bool ids) {
  std::vector<std::string> h;
  if (ids) h.push_back("#");
  h.insert(h.end(), {"Action", "Owner"});
  switch (s) {
    case ReportSection::overdue:
      h.insert(h.end(), {"Due Date", "Days overdue"});
      break;
    case ReportSection::new_items:
      h.insert(h.end(), {"Created", "Due Date"});
      break;
    case ReportSection::completed:
      h.insert(h.end(), {"Closed"});
      break;
    case ReportSection::slipped:
      h.insert(h.end(), {"Old due", "New due"});
      break;
    default:
      h.push_back("Due Date");
      break;
  }
  h.push_back("Status");
  return h;
}

std::vector<TableCell> section_row(ReportSection s, const ReportEntry& e, bool ids) {
  std::vector<TableCell> row;
  if (ids) row.push_back(number(e.item.id));
  row.push_back(cell(e.item.text));
  row.push_back(cell(owners_text(e.item)));
  switch (s) {
    case ReportSection::overdue:
      row.push_back(cell(due_text(e.item.due)));
      row.push_back(number(e.days_overdue));
      break;
    case ReportSection::new_items:
      row.push_back(cell(iso_date(e.item.created)));
      row.push_back(cell(due_text(e.item.due)));
      break;
    case ReportSection::completed:
      row.push_back(cell(e.item.closed ? iso_date(*e.item.closed) : std::string()));
      break;
    case ReportSection::slipped:
      row.push_back(cell(e.old_due ? iso_date(*e.old_due) : std::string()));
      row.push_back(cell(e.new_due ? iso_date(*e.new_due) : std::string()));
      break;
    default:
      row.push_back(cell(due_text(e.item.due)));
      break;
  }
  row.push_back(cell(status_text(e.item)));
  return row;
}

Block heading(int level, std::string text, std::string section, bool page_break = false) {
  Block b;
  b.kind = Block::Kind::heading;
  b.level = level;
  b.text = std::move(text);
  b.section = std::move(section);
  b.page_break = page_break;
  return b;
}

Block paragraph(std::string text, std::string section) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.text = std::move(text);
  b.section = std::move(section);
  return b;
}

Block table(Table t, std::string section) {
  Block b;
  b.kind = Block::Kind::table;
  b.table = std::move(t);
  b.section = std::move(section);
  return b;
}

}  // namespace

Table section_table(ReportSection s, const std::vector<ReportEntry>& entries, bool ids) {
  Table t;
  t.headers = section_headers(s, ids);
  t.rows.reserve(entries.size());
  for (const ReportEntry& e : entries) {
    t.rows.push_back(section_row(s, e, ids));
    t.overdue.push_back(e.overdue);
  }
  return t;
}

Block heading_block(int level, std::string text, std::string section, bool page_break) {
  return heading(level, std::move(text), std::move(section), page_break);
}
Block paragraph_block(std::string text, std::string section) {
  return paragraph(std::move(text), std::move(section));
}
Block table_block(Table t, std::string section) { return table(std::move(t), std::move(section)); }
Table entries_table(const std::vector<ReportEntry>& entries, bool ids) {
  return section_table(ReportSection::open, entries, ids);
}

std::vector<Block> report_blocks(const WeeklyReport& r, const RenderOptions& options) {
  std::vector<Block> out;
  out.push_back(heading(1, "Weekly status report", "summary"));
  out.push_back(paragraph("As of " + iso_date(r.as_of) + "; period " + iso_date(r.period_start) +
                              " to " + iso_date(r.period_end) + " (" +
                              count_text(static_cast<std::size_t>(r.period_days), "day", "days") +
                              ").",
                          "summary"));
  Table summary;
  summary.headers = {"Section", "Items"};
  for (ReportSection s : all_report_sections) {
    summary.rows.push_back(
        {cell(std::string(title(s))), number(static_cast<long long>(r.counts.of(s)))});
    summary.overdue.push_back(false);
  }
  out.push_back(table(std::move(summary), "summary"));

  const bool ids = options.show_ids;
  const std::vector<ReportPage> pages = paginate(r, options.layout);
  for (const ReportPage& page : pages) {
    out.push_back(heading(2, page.title, "open", true));
    if (page.groups.empty()) out.push_back(paragraph("No open action items.", "open"));
    for (const ReportGroup& g : page.groups) {
      if (options.layout.group_by != GroupBy::none) {
        std::string name = options.layout.group_by == GroupBy::state
                               ? state_label(state_from_string(g.key))
                               : (g.key.empty() ? std::string("(no owner)") : g.key);
        if (g.continued) name += " (continued)";
        out.push_back(heading(3, name, "open"));
      }
      out.push_back(table(section_table(ReportSection::open, g.rows, ids), "open"));
    }
  }

  bool first = true;
  for (ReportSection s : all_report_sections) {
    if (s == ReportSection::open) continue;
    const std::string key(to_string(s));
    out.push_back(heading(2, std::string(title(s)) + " (" + std::to_string(r.counts.of(s)) + ")",
                          key, first));
    first = false;
    out.push_back(table(section_table(s, r.section(s), ids), key));
  }

  out.push_back(heading(2, "By owner", "by_owner"));
  Table owners;
  owners.headers = {"Owner"};
  for (ReportSection s : all_report_sections) owners.headers.emplace_back(title(s));
  for (const OwnerCounts& o : r.by_owner) {
    std::vector<TableCell> row{cell(o.owner.empty() ? std::string("(no owner)") : o.owner)};
    for (ReportSection s : all_report_sections)
      row.push_back(number(static_cast<long long>(o.counts.of(s))));
    owners.rows.push_back(std::move(row));
    owners.overdue.push_back(false);
  }
  out.push_back(table(std::move(owners), "by_owner"));
  return out;
}

std::string due_text(const Due& due) {
  if (due.has_date()) return iso_date(due.date());
  return due.is_tbd() ? std::string("TBD") : std::string();
}

std::string state_label(State s) {
  switch (s) {
    case State::open:
      return "Open";
    case State::in_progress:
      return "In progress";
    case State::blocked:
      return "Blocked";
    case State::done:
      return "Done";
    case State::cancelled:
      return "Cancelled";
  }
  return "Open";
}

std::string status_text(const ActionItem& item) {
  std::string out = state_label(item.state);
  if (!item.status_note.empty()) out += ": " + item.status_note;
  return out;
}

std::string owners_text(const ActionItem& item) { return join(item.owners, ", "); }

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text, bool in_table) {
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = true;  // at the start of the cell or of a line inside it
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += in_table ? "<br>" : " ";
      line_start = true;
      ++i;
      continue;
    }
    if (line_start && (c == ' ' || c == '\t')) {
      out += ' ';
      ++i;
      continue;
    }
    if (line_start) {
      // Characters that start a heading, list, quote, rule or ordered list item.
      if (c == '#' || c == '+' || c == '-' || c == '=' || c == '>' || c == '!') {
        out += '\\';
      } else if (c >= '0' && c <= '9') {
        std::size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
        out.append(text.substr(i, j - i));
        if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
          out += '\\';
          out += text[j];
          ++j;
        }
        i = j;
        line_start = false;
        continue;
      }
    }
    line_start = false;
    switch (c) {
      // '$' too: Jupyter's Markdown reads $...$ as mathematics.
      case '\\':
      case '|':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '$':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    ++i;
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = next_code_point(text, i);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
      if (c == '\n' && !out.empty() && out.back() == ' ') continue;  // "\r\n" as one space
      out += ' ';
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

int code_point_width(char32_t c) noexcept {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (c < 0x300) return 1;
  if (in(zero_width, c)) return 0;
  return in(wide, c) ? 2 : 1;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    const auto w = static_cast<std::size_t>(code_point_width(c));
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    out.append(text.substr(start, i - start));
    used += w;
  }
  return out + "\u2026";
}

std::string fit(std::string_view text, std::size_t width, bool right_align) {
  std::string cut = truncate_to_width(text, width);
  const std::size_t w = display_width(cut);
  const std::string pad(width > w ? width - w : 0, ' ');
  return right_align ? pad + cut : cut + pad;
}

}  // namespace libtracker::detail

namespace libtracker {

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < utf8.size())
    width += static_cast<std::size_t>(detail::code_point_width(detail::next_code_point(utf8, i)));
  return width;
}

}  // namespace libtracker
