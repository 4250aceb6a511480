// The weekly report: sections computed from the store as it was on the report day.
//
// Two ways to the same items: for a report day on or after the last recorded change, the
// store's current rows are the items as of that day, and indexed queries read only the open,
// new and completed ones; for any earlier day, Store::items_as_of rebuilds every item from
// history. Both feed the same section builder, so they cannot disagree on the rules.

#include "libtracker/weekly_report.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <iterator>
#include <map>
#include <numeric>
#include <unordered_map>

#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

namespace bg = boost::gregorian;

/// What belongs to a section: its key, its title, its entries and its count. Every mapping
/// between a section and the members of WeeklyReport and ReportCounts reads this table.
struct SectionInfo {
  ReportSection section;
  std::string_view key;
  std::string_view title;
  std::vector<ReportEntry> WeeklyReport::*entries;
  std::size_t ReportCounts::*count;
};

constexpr SectionInfo sections[] = {
    {ReportSection::open, "open", "Open", &WeeklyReport::open, &ReportCounts::open},
    {ReportSection::overdue, "overdue", "Overdue", &WeeklyReport::overdue, &ReportCounts::overdue},
    {ReportSection::upcoming, "upcoming", "Due this period", &WeeklyReport::upcoming,
     &ReportCounts::upcoming},
    {ReportSection::no_due_date, "no_due_date", "No due date", &WeeklyReport::no_due_date,
     &ReportCounts::no_due_date},
    {ReportSection::new_items, "new", "New", &WeeklyReport::new_items, &ReportCounts::new_items},
    {ReportSection::completed, "completed", "Completed", &WeeklyReport::completed,
     &ReportCounts::completed},
    {ReportSection::slipped, "slipped", "Slipped", &WeeklyReport::slipped, &ReportCounts::slipped},
};

/// The table is indexed by section: its rows are the sections' values, in report order.
constexpr bool indexed_by_section() {
  if (std::size(sections) != all_report_sections.size()) return false;
  for (std::size_t i = 0; i < std::size(sections); ++i) {
    if (sections[i].section != all_report_sections[i]) return false;
    if (static_cast<std::size_t>(sections[i].section) != i) return false;
  }
  return true;
}
static_assert(indexed_by_section(), "one row per ReportSection, in all_report_sections order");

/// The row of @p s (of open for a value outside the enumeration).
const SectionInfo& info(ReportSection s) noexcept {
  const auto i = static_cast<std::size_t>(s);
  return i < std::size(sections) ? sections[i] : sections[0];
}

/// Where a kind of due date sorts: dated, then TBD, then none.
int due_rank(Due::Kind kind) noexcept {
  switch (kind) {
    case Due::Kind::date:
      return 0;
    case Due::Kind::tbd:
      return 1;
    case Due::Kind::none:
      break;
  }
  return 2;
}

/// Dated items first by date, then TBD, then none; ties by id (as OrderBy::due).
bool due_order(const ActionItem& a, const ActionItem& b) {
  const int ka = due_rank(a.due.kind());
  const int kb = due_rank(b.due.kind());
  if (ka != kb) return ka < kb;
  if (a.due.has_date() && a.due.date() != b.due.date()) return a.due.date() < b.due.date();
  return a.id < b.id;
}

/// The items a report is built from, as they were on the report day.
struct Inputs {
  std::vector<ActionItem> open;       // any order
  std::vector<ActionItem> created;    // created in the period, any order
  std::vector<ActionItem> completed;  // closed in the period and closed at as_of, any order
};

Inputs inputs_from_history(const Store& store, bg::date from, bg::date to) {
  Inputs in;
  for (ActionItem& item : store.items_as_of(to)) {
    const bool created = item.created >= from && item.created <= to;
    const bool completed =
        !item.is_open() && item.closed && *item.closed >= from && *item.closed <= to;
    if (created) in.created.push_back(item);
    if (completed) in.completed.push_back(item);
    if (item.is_open()) in.open.push_back(std::move(item));
  }
  return in;
}

Inputs inputs_from_queries(const Store& store, bg::date from, bg::date to) {
  Inputs in;
  Query open;
  open.open = true;  // in id order, which SQLite reads without sorting: build() sorts them by due
  in.open = store.find(open);
  Query created;
  created.created = DateRange{from, to};
  in.created = store.find(created);
  Query completed;
  completed.closed = true;
  completed.closed_in = DateRange{from, to};
  in.completed = store.find(completed);
  return in;
}

/// True when nothing was recorded after @p day (on or after today), so the current rows are
/// the items as they were then.
bool nothing_changed_after(const Store& store, bg::date day) {
  if (day < store.today()) return false;  // a past day: assume history, do not scan it
  return !store.changed_after(day);
}

ReportEntry entry(ActionItem item, bg::date as_of) {
  ReportEntry e;
  e.item = std::move(item);
  e.overdue = e.item.is_overdue(as_of);
  if (e.overdue) e.days_overdue = static_cast<int>((as_of - e.item.due.date()).days());
  return e;
}

/// Counts per owner, keyed case-insensitively; the first spelling seen is kept.
class OwnerTally {
 public:
  void add(const ActionItem& item, std::size_t ReportCounts::*field) {
    if (item.owners.empty()) {
      ++(slot("").*field);
      return;
    }
    // An owner named twice on one item counts once.
    seen_.clear();
    for (const std::string& owner : item.owners) {
      ReportCounts* counts = &slot(owner);
      if (std::find(seen_.begin(), seen_.end(), counts) != seen_.end()) continue;
      seen_.push_back(counts);
      ++(counts->*field);
    }
  }
  std::vector<OwnerCounts> result() && {
    std::vector<OwnerCounts> out;
    for (auto& [key, counts] : by_key_) {
      if (!key.empty()) out.push_back(std::move(counts));
    }
    if (auto it = by_key_.find(""); it != by_key_.end()) out.push_back(std::move(it->second));
    return out;
  }

 private:
  ReportCounts& slot(const std::string& owner) {
    // Most names repeat with one spelling: look them up as written before lower-casing.
    if (auto hit = by_spelling_.find(owner); hit != by_spelling_.end()) return hit->second->counts;
    auto [it, fresh] = by_key_.try_emplace(detail::lower(owner));
    if (fresh) it->second.owner = owner;
    by_spelling_.emplace(owner, &it->second);
    return it->second.counts;
  }
  std::map<std::string, OwnerCounts> by_key_;
  std::unordered_map<std::string, OwnerCounts*> by_spelling_;
  std::vector<ReportCounts*> seen_;
};

WeeklyReport build(const Store& store, Inputs in, bg::date from, bg::date as_of, int period_days) {
  WeeklyReport r;
  r.as_of = as_of;
  r.period_start = from;
  r.period_end = as_of;
  r.period_days = period_days;

  // Sorted through their positions: swapping whole items costs more than comparing them.
  std::vector<std::size_t> by_due(in.open.size());
  std::iota(by_due.begin(), by_due.end(), std::size_t{0});
  std::sort(by_due.begin(), by_due.end(),
            [&](std::size_t a, std::size_t b) { return due_order(in.open[a], in.open[b]); });
  const bg::date upcoming_end = as_of + bg::days(period_days - 1);
  std::unordered_map<ItemId, std::size_t> open_index;
  open_index.reserve(in.open.size());
  r.open.reserve(in.open.size());
  for (const std::size_t position : by_due) {
    ActionItem& item = in.open[position];
    open_index.emplace(item.id, r.open.size());
    r.open.push_back(entry(std::move(item), as_of));
    const ReportEntry& e = r.open.back();
    const Due& due = e.item.due;
    if (e.overdue)
      r.overdue.push_back(e);
    else if (due.has_date() && due.date() <= upcoming_end)
      r.upcoming.push_back(e);
    else if (!due.has_date())
      r.no_due_date.push_back(e);
  }

  std::sort(in.created.begin(), in.created.end(), [](const ActionItem& a, const ActionItem& b) {
    return a.created != b.created ? a.created < b.created : a.id < b.id;
  });
  for (ActionItem& item : in.created) r.new_items.push_back(entry(std::move(item), as_of));
  std::sort(in.completed.begin(), in.completed.end(), [](const ActionItem& a, const ActionItem& b) {
    return *a.closed != *b.closed ? *a.closed < *b.closed : a.id < b.id;
  });
  for (ActionItem& item : in.completed) r.completed.push_back(entry(std::move(item), as_of));

  // Slipped: the due date before the first change in the period against the one at as_of.
  std::unordered_map<ItemId, std::string> first_old_due;
  for (const Event& e : store.events(from, as_of, "due")) {
    if (e.kind == EventKind::changed && e.field == "due")
      first_old_due.try_emplace(e.item, e.old_value);
  }
  std::vector<std::size_t> slipped_rows;
  for (const auto& [id, old_text] : first_old_due) {
    const auto it = open_index.find(id);
    if (it == open_index.end()) continue;
    const ActionItem& now = r.open[it->second].item;
    if (!now.due.has_date()) continue;
    Due old_due;
    try {
      old_due = Due::from_string(old_text);
    } catch (const ParseError&) {
      continue;  // not a canonical due date: nothing to compare
    }
    if (old_due.has_date() && now.due.date() > old_due.date()) slipped_rows.push_back(it->second);
  }
  std::sort(slipped_rows.begin(), slipped_rows.end());  // open rows are in due order
  for (std::size_t row : slipped_rows) {
    ReportEntry e = r.open[row];
    e.old_due = Due::from_string(first_old_due[e.item.id]).date();
    e.new_due = e.item.due.date();
    r.slipped.push_back(std::move(e));
  }

  OwnerTally tally;
  for (const SectionInfo& section : sections) {
    const std::vector<ReportEntry>& entries = r.*section.entries;
    r.counts.*section.count = entries.size();
    for (const ReportEntry& e : entries) tally.add(e.item, section.count);
  }
  r.by_owner = std::move(tally).result();
  return r;
}

}  // namespace

std::string_view to_string(ReportSection s) noexcept { return info(s).key; }

std::string_view title(ReportSection s) noexcept { return info(s).title; }

std::size_t ReportCounts::of(ReportSection s) const noexcept { return this->*info(s).count; }

bool operator==(const ReportCounts& a, const ReportCounts& b) noexcept {
  for (const SectionInfo& section : sections)
    if (a.*section.count != b.*section.count) return false;
  return true;
}

const std::vector<ReportEntry>& WeeklyReport::section(ReportSection s) const noexcept {
  return this->*info(s).entries;
}

WeeklyReport weekly_report(const Store& store, boost::gregorian::date as_of, int period_days) {
  if (as_of.is_special()) throw InvalidArgumentError("the report day must be a calendar date");
  if (period_days < 1)
    throw InvalidArgumentError("the report period must be at least one day, not " +
                               std::to_string(period_days));
  const bg::date from = as_of - bg::days(period_days - 1);
  Inputs in = nothing_changed_after(store, as_of) ? inputs_from_queries(store, from, as_of)
                                                  : inputs_from_history(store, from, as_of);
  WeeklyReport report = build(store, std::move(in), from, as_of, period_days);
  report.next_meeting = store.next_meeting(as_of);
  return report;
}

}  // namespace libtracker
