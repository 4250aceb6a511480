// The report as one CSV table: a row per item per section, so it loads straight into a
// spreadsheet or a data frame and filters by the section column.

#include "formats/csv_format.hpp"
#include "libtracker/render.hpp"
#include "libtracker/text.hpp"
#include "render/value_text.hpp"

namespace libtracker {

std::string render_csv(const WeeklyReport& report, const RenderOptions& /*options*/) {
  using detail::csv_cell;
  std::string out =
      "section,id,text,owners,due,state,status_note,created,closed,days_overdue,old_due,new_"
      "due\r\n";
  for (ReportSection s : all_report_sections) {
    for (const ReportEntry& e : report.section(s)) {
      const ActionItem& it = e.item;
      out += std::string(to_string(s)) + ",";
      out += std::to_string(it.id) + ",";
      out += csv_cell(it.text) + ",";
      out += csv_cell(join(it.owners, "; ")) + ",";
      out += csv_cell(detail::due_text(it.due)) + ",";
      out += std::string(to_string(it.state)) + ",";
      out += csv_cell(it.status_note) + ",";
      out += iso_date(it.created) + ",";
      out += (it.closed ? iso_date(*it.closed) : std::string()) + ",";
      out += (s == ReportSection::overdue ? std::to_string(e.days_overdue) : std::string()) + ",";
      out += (e.old_due ? iso_date(*e.old_due) : std::string()) + ",";
      out += (e.new_due ? iso_date(*e.new_due) : std::string()) + "\r\n";
    }
  }
  return out;
}

}  // namespace libtracker
