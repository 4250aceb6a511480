#include "libtracker/meeting_pack.hpp"

#include "libtracker/error.hpp"
#include "libtracker/store.hpp"

namespace libtracker {

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
