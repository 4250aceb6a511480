// iCalendar export: meetings (and agenda items with their own times) as events, in UTC when
// their time zone is known and as floating local times otherwise, and items as to-dos beside
// them. Owners are
// CONTACT properties (ATTENDEE would need an e-mail address), impact is PRIORITY (high 1,
// medium 5, low 9), and X-LIBTRACKER-STATE keeps the state that STATUS cannot say (blocked).

#include "formats/icalendar_format.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <map>

#include "formats/taskwarrior_format.hpp"
#include "libtracker/meeting.hpp"
#include "libtracker/store.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker::detail {
namespace {

std::string utc_stamp(const boost::posix_time::ptime& t) {
  const boost::posix_time::ptime whole(t.date(),
                                       boost::posix_time::seconds(t.time_of_day().total_seconds()));
  return boost::posix_time::to_iso_string(whole) + "Z";
}

std::string day_stamp(const boost::gregorian::date& d) {
  return boost::gregorian::to_iso_string(d);
}

std::string_view ical_status(State s) {
  switch (s) {
    case State::open:
    case State::blocked:
      return "NEEDS-ACTION";
    case State::in_progress:
      return "IN-PROCESS";
    case State::done:
      return "COMPLETED";
    case State::cancelled:
      return "CANCELLED";
  }
  return "NEEDS-ACTION";
}

void write_todo(std::string& out, const ActionItem& item, const std::string& dtstamp) {
  out += ical_line("BEGIN:VTODO");
  out += ical_line("UID:" + (item.id != 0 ? "item-" + std::to_string(item.id) + "@libtracker"
                                          : taskwarrior_uuid(item) + "@libtracker"));
  out += ical_line("DTSTAMP:" + dtstamp);
  if (!item.created.is_special())
    out += ical_line("CREATED:" + day_stamp(item.created) + "T000000Z");
  out += ical_line("SUMMARY:" + ical_escape(item.text));
  std::string description = item.details;
  if (!item.status_note.empty())
    description += (description.empty() ? "" : "\n\n") + std::string("Status: ") + item.status_note;
  if (!description.empty()) out += ical_line("DESCRIPTION:" + ical_escape(description));
  if (item.due.has_date()) out += ical_line("DUE;VALUE=DATE:" + day_stamp(item.due.date()));
  out += ical_line("STATUS:" + std::string(ical_status(item.state)));
  out += ical_line("X-LIBTRACKER-STATE:" + std::string(to_string(item.state)));
  if (item.state == State::done && item.closed)
    out += ical_line("COMPLETED:" + day_stamp(*item.closed) + "T000000Z");
  if (item.impact)
    out += ical_line("PRIORITY:" + std::string(*item.impact == Rating::high     ? "1"
                                               : *item.impact == Rating::medium ? "5"
                                                                                : "9"));
  if (!item.tags.empty()) {
    std::string categories;
    for (const std::string& tag : item.tags)
      categories += (categories.empty() ? "" : ",") + ical_escape(tag);
    out += ical_line("CATEGORIES:" + categories);
  }
  for (const std::string& owner : item.owners) out += ical_line("CONTACT:" + ical_escape(owner));
  if (!item.ref.empty()) out += ical_line("X-LIBTRACKER-REF:" + ical_escape(item.ref));
  out += ical_line("END:VTODO");
}

/// A date-time of a meeting: UTC ("...Z") in a known zone, else floating local time.
std::string event_time(const boost::gregorian::date& day, TimeOfDay minutes,
                       const std::string& zone) {
  if (const auto utc = to_utc(day, minutes, zone)) return utc_stamp(*utc);
  return boost::posix_time::to_iso_string(
      boost::posix_time::ptime(day, boost::posix_time::minutes(minutes)));
}

void write_event(std::string& out, const Meeting& m, const std::string& dtstamp) {
  if (m.date.is_special()) return;
  out += ical_line("BEGIN:VEVENT");
  out += ical_line("UID:meeting-" + std::to_string(m.id) + "@libtracker");
  out += ical_line("DTSTAMP:" + dtstamp);
  if (m.start) {
    out += ical_line("DTSTART:" + event_time(m.date, *m.start, m.time_zone));
    if (m.end) out += ical_line("DTEND:" + event_time(m.last_day(), *m.end, m.time_zone));
  } else {
    out += ical_line("DTSTART;VALUE=DATE:" + day_stamp(m.date));
    out += ical_line("DTEND;VALUE=DATE:" + day_stamp(m.last_day() + boost::gregorian::days(1)));
  }
  out += ical_line("SUMMARY:" + ical_escape(m.title));
  if (!m.place.empty()) out += ical_line("LOCATION:" + ical_escape(m.place));
  std::string agenda;
  for (const AgendaItem& a : m.agenda)
    agenda += (agenda.empty() ? "" : "\n") + std::to_string(a.position) + ". " + a.title;
  if (!agenda.empty()) out += ical_line("DESCRIPTION:" + ical_escape(agenda));
  if (!m.series.empty()) out += ical_line("CATEGORIES:" + ical_escape(m.series));
  out += ical_line("END:VEVENT");
  for (const AgendaItem& a : m.agenda) {
    if (!a.start || !a.end) continue;
    const boost::gregorian::date day = m.date + boost::gregorian::days(a.day - 1);
    out += ical_line("BEGIN:VEVENT");
    out += ical_line("UID:agenda-item-" + std::to_string(a.id) + "@libtracker");
    out += ical_line("DTSTAMP:" + dtstamp);
    out += ical_line("DTSTART:" + event_time(day, *a.start, m.time_zone));
    out += ical_line("DTEND:" + event_time(day, *a.end, m.time_zone));
    out += ical_line("SUMMARY:" + ical_escape(a.title));
    if (!m.place.empty()) out += ical_line("LOCATION:" + ical_escape(m.place));
    std::string description;
    if (!a.chairs.empty()) description += "Chair: " + participants_text(a.chairs);
    if (!a.presenters.empty())
      description +=
          (description.empty() ? "" : "\n") + ("Presenters: " + participants_text(a.presenters));
    if (!a.notes.empty()) description += (description.empty() ? "" : "\n") + a.notes;
    if (!description.empty()) out += ical_line("DESCRIPTION:" + ical_escape(description));
    if (a.to_be_confirmed) out += ical_line("STATUS:TENTATIVE");
    if (a.kind == AgendaKind::break_time) out += ical_line("TRANSP:TRANSPARENT");
    out += ical_line("RELATED-TO:meeting-" + std::to_string(m.id) + "@libtracker");
    out += ical_line("END:VEVENT");
  }
}

void write_calendar(std::string& out, const std::vector<const ActionItem*>& items,
                    const std::string& dtstamp, const std::string* name,
                    const std::vector<Meeting>& meetings = {}) {
  out += ical_line("BEGIN:VCALENDAR");
  out += ical_line("VERSION:2.0");
  out += ical_line("PRODID:-//libtracker//EN");
  out += ical_line("CALSCALE:GREGORIAN");
  if (name) out += ical_line("X-WR-CALNAME:" + ical_escape(*name));
  for (const Meeting& m : meetings) write_event(out, m, dtstamp);
  for (const ActionItem* item : items) write_todo(out, *item, dtstamp);
  out += ical_line("END:VCALENDAR");
}

}  // namespace

std::string ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        // Other control characters are not allowed in TEXT; tabs are.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        if (c == 0x7F) break;
        out += c;
    }
  }
  return out;
}

std::string ical_line(std::string_view line) {
  constexpr std::size_t limit = 75;
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start < line.size() || first) {
    const std::size_t room = first ? limit : limit - 1;  // continuation lines start with a space
    std::size_t end = std::min(line.size(), start + room);
    // Never end inside a UTF-8 sequence: back up to the start of the code point.
    while (end < line.size() && end > start && is_continuation_byte(line[end])) --end;
    if (!first) out += ' ';
    out.append(line.substr(start, end - start));
    out += "\r\n";
    start = end;
    first = false;
  }
  return out;
}

std::string write_icalendar(const Store& store, const std::vector<ActionItem>& items,
                            bool per_owner, bool with_meetings) {
  const std::string dtstamp = utc_stamp(store.now());
  std::string out;
  if (!per_owner || items.empty()) {
    std::vector<const ActionItem*> all;
    for (const ActionItem& item : items) all.push_back(&item);
    write_calendar(out, all, dtstamp, nullptr,
                   with_meetings ? store.meetings() : std::vector<Meeting>());
    return out;
  }
  // Owners in the order first met, compared case-insensitively.
  std::vector<std::string> owners;
  std::map<std::string, std::vector<const ActionItem*>> by_owner;
  std::vector<const ActionItem*> unowned;
  for (const ActionItem& item : items) {
    if (item.owners.empty()) unowned.push_back(&item);
    for (const std::string& owner : item.owners) {
      const std::string key = lower(owner);
      if (by_owner.find(key) == by_owner.end()) owners.push_back(owner);
      by_owner[key].push_back(&item);
    }
  }
  for (const std::string& owner : owners)
    write_calendar(out, by_owner[lower(owner)], dtstamp, &owner);
  if (!unowned.empty()) {
    const std::string name = "(no owner)";
    write_calendar(out, unowned, dtstamp, &name);
  }
  return out;
}

}  // namespace libtracker::detail
