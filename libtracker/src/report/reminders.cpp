// Reminders: the weekly report of the day, cut per person. Groups fan out to their members,
// and each person's open items fall into overdue, due soon, no date and later; what they
// closed since their last recorded reminder comes from the report's completed section (the
// report's period is stretched back to the oldest of those reminders).

#include "libtracker/reminders.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

namespace bg = boost::gregorian;

/// The days of the default "closed since" window when someone has had no reminder yet.
constexpr int default_closed_days = 7;
/// The longest report period the "closed since" window stretches to (ten years).
constexpr int max_period_days = 3660;

/// Owners by lower-case name, and who a name stands for.
class Directory {
 public:
  explicit Directory(const Store& store) {
    for (Owner& o : store.owners()) {
      const std::string key = detail::lower(o.name);
      by_key_.emplace(key, std::move(o));
    }
  }

  /// The people @p name stands for: itself, or (for a group) its members, recursively.
  std::vector<const Owner*> people(const std::string& name) const {
    std::vector<const Owner*> out;
    std::set<std::string> seen;
    collect(detail::lower(name), seen, out);
    return out;
  }
  const Owner* find(const std::string& name) const {
    const auto it = by_key_.find(detail::lower(name));
    return it == by_key_.end() ? nullptr : &it->second;
  }

 private:
  void collect(const std::string& key, std::set<std::string>& seen,
               std::vector<const Owner*>& out) const {
    if (!seen.insert(key).second) return;
    const auto it = by_key_.find(key);
    if (it == by_key_.end()) return;
    const Owner& o = it->second;
    if (o.members.empty()) {
      out.push_back(&o);
      return;
    }
    for (const std::string& m : o.members) collect(detail::lower(m), seen, out);
  }
  std::map<std::string, Owner> by_key_;
};

}  // namespace

std::size_t Reminder::open_count() const noexcept {
  return overdue.size() + due_soon.size() + no_due_date.size() + later.size();
}

std::vector<ItemId> Reminder::item_ids() const {
  std::vector<ItemId> out;
  for (const auto* section : {&overdue, &due_soon, &no_due_date, &later, &closed})
    for (const ReportEntry& e : *section) out.push_back(e.item.id);
  return out;
}

Reminders reminders(const Store& store, bg::date as_of, const ReminderOptions& options) {
  if (as_of.is_special()) throw InvalidArgumentError("the reminder day must be a calendar date");
  if (options.days && (*options.days < 0 || *options.days > max_period_days))
    throw InvalidArgumentError("the days before items count as due soon must be 0 to " +
                               std::to_string(max_period_days) + ", not " +
                               std::to_string(*options.days));
  Reminders out;
  out.as_of = as_of;
  if (options.days) {
    out.days = *options.days;
  } else if ((out.next_meeting = store.next_meeting(as_of + bg::days(1), options.series))) {
    out.days = static_cast<int>((out.next_meeting->date - as_of).days());
  }
  out.due_until = as_of + bg::days(out.days);

  const Directory directory(store);
  std::set<std::string> wanted;  // lower-case names of the people asked for; empty: everyone
  for (const std::string& name : options.owners) {
    if (!directory.find(name)) throw NotFoundError("no owner named \"" + name + "\"");
    for (const Owner* person : directory.people(name)) wanted.insert(detail::lower(person->name));
  }

  // The last reminder of each person before the day, and whether the day's was sent.
  std::unordered_map<std::string, bg::date> last;
  std::set<std::string> sent_today;
  for (const SentReminder& r : store.reminders_sent()) {
    const std::string key = detail::lower(r.recipient);
    if (r.day == as_of) sent_today.insert(key);
    if (r.day >= as_of) continue;
    auto [it, fresh] = last.emplace(key, r.day);
    if (!fresh && r.day > it->second) it->second = r.day;
  }
  int period = default_closed_days;
  for (const auto& [key, day] : last)
    if (wanted.empty() || wanted.count(key))
      period = std::max(period, static_cast<int>((as_of - day).days()));
  period = std::min(period, max_period_days);
  const WeeklyReport report = weekly_report(store, as_of, period);

  std::map<std::string, Reminder> by_person;  // by lower-case name
  auto reminder_of = [&](const Owner& person) -> Reminder* {
    const std::string key = detail::lower(person.name);
    if (!wanted.empty() && !wanted.count(key)) return nullptr;
    auto [it, fresh] = by_person.try_emplace(key);
    if (fresh) {
      it->second.name = person.name;
      it->second.address = person.email;
      if (const auto l = last.find(key); l != last.end()) it->second.last_reminder = l->second;
      it->second.already_sent = sent_today.count(key) > 0;
    }
    return &it->second;
  };
  /// The people an item reaches, each once.
  auto people_of = [&](const ActionItem& item) {
    std::vector<const Owner*> out;
    for (const std::string& owner : item.owners)
      for (const Owner* p : directory.people(owner))
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    return out;
  };

  for (const ReportEntry& e : report.open) {
    for (const Owner* person : people_of(e.item)) {
      Reminder* r = reminder_of(*person);
      if (!r) continue;
      if (e.overdue)
        r->overdue.push_back(e);
      else if (!e.item.due.has_date())
        r->no_due_date.push_back(e);
      else if (e.item.due.date() <= out.due_until)
        r->due_soon.push_back(e);
      else
        r->later.push_back(e);
    }
  }
  const bg::date default_since = as_of - bg::days(default_closed_days - 1);
  for (const ReportEntry& e : report.completed) {
    for (const Owner* person : people_of(e.item)) {
      const std::string key = detail::lower(person->name);
      const auto it = by_person.find(key);
      if (it == by_person.end()) continue;  // nothing open: no reminder to add it to
      Reminder& r = it->second;
      const bool in_window =
          r.last_reminder ? *e.item.closed > *r.last_reminder : *e.item.closed >= default_since;
      if (in_window) r.closed.push_back(e);
    }
  }
  // TBD items first within "no due date", as in the report; the report's open order has dated,
  // then TBD, then none, so the sections above are already in order.
  for (auto& [key, r] : by_person) {
    if (r.open_count() == 0) continue;
    (r.address.empty() ? out.not_reachable : out.messages).push_back(std::move(r));
  }
  return out;
}

}  // namespace libtracker
