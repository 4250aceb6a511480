#include "report/report_blocks.hpp"

#include "libtracker/text.hpp"
#include "render/value_text.hpp"
#include "report/meeting_blocks.hpp"

namespace libtracker::detail {
namespace {

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

std::string count_text(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

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
  if (r.next_meeting) {
    const Meeting& m = *r.next_meeting;
    out.push_back(heading(2, "Next meeting: " + m.title, "next_meeting"));
    const std::string when = meeting_when(m);
    if (!when.empty()) out.push_back(paragraph(when, "next_meeting"));
    out.push_back(table(agenda_table(m), "next_meeting"));
  }

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

}  // namespace libtracker::detail
