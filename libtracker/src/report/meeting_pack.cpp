#include "libtracker/meeting_pack.hpp"

#include <algorithm>

#include "libtracker/error.hpp"
#include "libtracker/render.hpp"
#include "libtracker/store.hpp"

namespace libtracker {

std::vector<ReportPage> paginate_entries(const std::vector<ReportEntry>& entries,
                                         const PackLayout& layout) {
  const std::size_t width = std::max<std::size_t>(layout.line_width, 1);
  auto lines_of = [&](const ReportEntry& e) {
    const std::size_t columns = display_width(e.item.text) + display_width(e.item.details);
    return std::max<std::size_t>(1, (columns + width - 1) / width);
  };
  std::vector<std::vector<ReportEntry>> pages(1);
  std::size_t used = 0;
  for (const ReportEntry& e : entries) {
    const std::size_t lines = lines_of(e);
    auto& page = pages.back();
    const bool full = (layout.page_size > 0 && page.size() >= layout.page_size) ||
                      (layout.page_lines > 0 && !page.empty() && used + lines > layout.page_lines);
    if (full) {
      pages.emplace_back();
      used = 0;
    }
    pages.back().push_back(e);
    used += lines;
  }
  std::vector<ReportPage> out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    ReportPage p;
    p.number = i + 1;
    p.page_count = pages.size();
    p.title = pages.size() > 1 ? layout.title + " (" + std::to_string(i + 1) + " of " +
                                     std::to_string(pages.size()) + ")"
                               : layout.title;
    if (!pages[i].empty()) {
      ReportGroup g;
      g.rows = std::move(pages[i]);
      p.groups.push_back(std::move(g));
    }
    out.push_back(std::move(p));
  }
  return out;
}

MeetingPack meeting_pack(const Store& store, MeetingId id, const PackLayout& layout) {
  MeetingPack pack;
  pack.meeting = store.meeting(id);
  pack.as_of = pack.meeting.date.is_special() ? store.today() : pack.meeting.date;
  pack.previous = store.previous_meeting(pack.meeting);
  const WeeklyReport report = weekly_report(store, pack.as_of);
  pack.open_count = report.open.size();
  pack.overdue_count = report.overdue.size();
  pack.open_pages = paginate_entries(report.open, layout);
  if (pack.previous) {
    for (ActionItem& item : store.items_as_of(pack.as_of)) {
      if (item.meeting != pack.previous->id) continue;
      ReportEntry e;
      e.overdue = item.is_overdue(pack.as_of);
      if (e.overdue) e.days_overdue = (pack.as_of - item.due.date()).days();
      e.item = std::move(item);
      pack.previous_actions.push_back(std::move(e));
    }
  }
  return pack;
}

}  // namespace libtracker
