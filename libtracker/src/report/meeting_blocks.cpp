#include "report/meeting_blocks.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include "libtracker/text.hpp"

namespace libtracker::detail {

std::string meeting_times(const std::optional<TimeOfDay>& start,
                          const std::optional<TimeOfDay>& end) {
  if (!start) return {};
  return time_of_day_text(*start) + (end ? "-" + time_of_day_text(*end) : std::string());
}

std::string meeting_when(const Meeting& m) {
  std::string when = iso_date(m.date);
  if (!m.end_date.is_special()) when += " to " + iso_date(m.end_date);
  if (m.start) when += ", " + meeting_times(m.start, m.end);
  if (!m.time_zone.empty()) when += " " + m.time_zone;
  if (!m.place.empty()) when += "; " + m.place;
  return when;
}

Table agenda_table(const Meeting& m) {
  const bool days = !m.end_date.is_special();
  bool any_time = false, any_block = false, any_chair = false, any_presenter = false,
       any_level = false;
  for (const AgendaItem& a : m.agenda) {
    any_time |= a.start.has_value() || a.duration.has_value();
    any_block |= !a.block.empty();
    any_chair |= !a.chairs.empty();
    any_presenter |= !a.presenters.empty();
    any_level |= a.engagement.has_value();
  }
  Table agenda;
  agenda.empty_text = "No agenda.";
  agenda.headers.push_back("#");
  if (days) agenda.headers.push_back("Day");
  if (any_time) agenda.headers.push_back("Time");
  if (any_block) agenda.headers.push_back("Block");
  agenda.headers.push_back("Item");
  if (any_chair) agenda.headers.push_back("Chair");
  if (any_presenter) agenda.headers.push_back("Presenters");
  if (any_level) agenda.headers.push_back("Level");
  agenda.headers.push_back("Notes");
  for (const AgendaItem& a : m.agenda) {
    std::vector<TableCell> row{{std::to_string(a.position), true}};
    if (days)
      row.push_back({m.date.is_special() ? std::to_string(a.day)
                                         : iso_date(m.date + boost::gregorian::days(a.day - 1)),
                     false});
    if (any_time) {
      std::string t = meeting_times(a.start, a.end);
      if (a.duration) t += (t.empty() ? "" : " ") + ("(" + std::to_string(*a.duration) + " min)");
      row.push_back({t, false});
    }
    if (any_block) row.push_back({a.block, false});
    std::string title = a.title;
    if (a.kind == AgendaKind::break_time) title += " (break)";
    if (a.to_be_confirmed) title += " (TBC)";
    row.push_back({title, false});
    if (any_chair) row.push_back({participants_text(a.chairs), false});
    if (any_presenter) row.push_back({participants_text(a.presenters), false});
    if (any_level) row.push_back({a.engagement ? to_string(*a.engagement) : std::string(), false});
    row.push_back({a.notes, false});
    agenda.rows.push_back(std::move(row));
    agenda.overdue.push_back(false);
  }
  return agenda;
}

}  // namespace libtracker::detail
