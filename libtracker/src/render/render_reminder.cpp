// A person's reminder in the report's forms: the same blocks and tables as the weekly report
// (so the HTML part looks like the report the team knows), through the report's renderers.

#include "libtracker/text.hpp"
#include "render/render_blocks.hpp"
#include "report/report_blocks.hpp"

namespace libtracker {
namespace {

std::vector<detail::Block> reminder_blocks(const Reminders& all, const Reminder& r,
                                           const RenderOptions& options) {
  using detail::heading_block;
  using detail::paragraph_block;
  using detail::table_block;
  std::vector<detail::Block> out;
  out.push_back(heading_block(1, "Action items for " + r.name, "summary"));
  std::string intro = "As of " + iso_date(all.as_of) + ": " +
                      detail::count_text(r.open_count(), "open item", "open items") + ", " +
                      std::to_string(r.overdue.size()) + " overdue, " +
                      std::to_string(r.due_soon.size()) + " due by " + iso_date(all.due_until) +
                      ", " + std::to_string(r.no_due_date.size()) + " without a date.";
  out.push_back(paragraph_block(std::move(intro), "summary"));
  std::string window = "Due soon means due by " + iso_date(all.due_until);
  if (all.next_meeting)
    window += ", the day of the next meeting (" + all.next_meeting->title + ").";
  else
    window += " (" + detail::count_text(static_cast<std::size_t>(all.days), "day", "days") + ").";
  out.push_back(paragraph_block(std::move(window), "summary"));

  const bool ids = options.show_ids;
  struct Part {
    const std::vector<ReportEntry>* entries;
    ReportSection columns;
    std::string key;
    std::string title;
  };
  const std::string closed_title =
      r.last_reminder ? "Closed since the last reminder (" + iso_date(*r.last_reminder) + ")"
                      : "Closed in the last 7 days";
  const Part parts[] = {
      {&r.overdue, ReportSection::overdue, "overdue", "Overdue"},
      {&r.due_soon, ReportSection::upcoming, "upcoming", "Due by " + iso_date(all.due_until)},
      {&r.no_due_date, ReportSection::no_due_date, "no_due_date", "No due date"},
      {&r.later, ReportSection::open, "later", "Open, due later"},
      {&r.closed, ReportSection::completed, "completed", closed_title},
  };
  for (const Part& p : parts) {
    if (p.entries->empty()) continue;
    out.push_back(
        heading_block(2, p.title + " (" + std::to_string(p.entries->size()) + ")", p.key));
    out.push_back(table_block(detail::section_table(p.columns, *p.entries, ids), p.key));
  }
  return out;
}

}  // namespace

std::string render_reminder_text(const Reminders& reminders, const Reminder& reminder,
                                 const RenderOptions& options) {
  return detail::render_blocks_text(reminder_blocks(reminders, reminder, options), options.width);
}

std::string render_reminder_html(const Reminders& reminders, const Reminder& reminder,
                                 const RenderOptions& options) {
  return detail::render_blocks_html(
      reminder_blocks(reminders, reminder, options),
      "Action items for " + reminder.name + ", as of " + iso_date(reminders.as_of),
      options.html_fragment);
}

}  // namespace libtracker
