// Meetings, agenda items and the time zones they are held in. Time zone rules come from ICU
// (IANA names with daylight saving), so a 14:00 "Europe/Paris" call in July is 12:00 UTC.
#include "libtracker/meeting.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <tuple>

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "text/text_util.hpp"

namespace libtracker {

std::string time_of_day_text(TimeOfDay minutes) {
  if (minutes < 0 || minutes >= 24 * 60)
    throw InvalidArgumentError("a time of day is 00:00 .. 23:59 (got " + std::to_string(minutes) +
                               " minutes)");
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::string_view to_string(AgendaKind kind) noexcept {
  return kind == AgendaKind::break_time ? "break" : "topic";
}

AgendaKind agenda_kind_from_string(std::string_view text) {
  const std::string t = detail::lower(detail::trim(text));
  if (t == "topic") return AgendaKind::topic;
  if (t == "break") return AgendaKind::break_time;
  throw ParseError("expected topic or break", std::string(text), 0, "agenda kind");
}

std::string participants_text(const std::vector<Participant>& people) {
  std::vector<std::string> names;
  names.reserve(people.size());
  for (const Participant& p : people)
    names.push_back(p.affiliation.empty() ? p.name : p.name + " (" + p.affiliation + ")");
  return join(names, ", ");
}

std::string to_string(const EngagementLevel& level) {
  if (level.low == level.high) return std::to_string(level.low);
  return std::to_string(level.low) + "/" + std::to_string(level.high);
}

namespace {

/// Minutes east of UTC for "UTC+2", "GMT-03:30", "+05:30"; std::nullopt when @p t is not an
/// offset. @throw ParseError for an offset out of range.
std::optional<int> parse_offset(std::string_view original) {
  std::string_view t = original;
  for (std::string_view prefix : {"UTC", "GMT"})
    if (t.size() >= 3 && detail::iequals(t.substr(0, 3), prefix)) t.remove_prefix(3);
  t = detail::trim(t);
  if (t.empty() || (t[0] != '+' && t[0] != '-')) return std::nullopt;
  const int sign = t[0] == '-' ? -1 : 1;
  t.remove_prefix(1);
  int hours = 0, minutes = 0, digits = 0;
  std::size_t i = 0;
  for (; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && digits < 2;
       ++i, ++digits)
    hours = hours * 10 + (t[i] - '0');
  if (digits == 0) return std::nullopt;
  if (i < t.size() && t[i] == ':') ++i;
  int mdigits = 0;
  for (; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && mdigits < 2;
       ++i, ++mdigits)
    minutes = minutes * 10 + (t[i] - '0');
  if (i != t.size() || (mdigits != 0 && mdigits != 2)) return std::nullopt;
  if (hours > 14 || minutes > 59)
    throw ParseError("a UTC offset is at most 14 hours", std::string(original), 0, "time zone");
  return sign * (hours * 60 + minutes);
}

std::unique_ptr<icu::TimeZone> iana_zone(std::string_view name) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))));
  icu::UnicodeString id;
  zone->getID(id);
  if (id == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return nullptr;
  return zone;
}

}  // namespace

std::string canonical_time_zone(std::string_view name) {
  const std::string_view t = detail::trim(name);
  if (t.empty()) return {};
  if (detail::iequals(t, "UTC") || detail::iequals(t, "GMT") || detail::iequals(t, "Z") ||
      detail::iequals(t, "Etc/UTC"))
    return "UTC";
  if (const auto offset = parse_offset(t)) {
    if (*offset == 0) return "UTC";
    char buf[16];
    const int a = std::abs(*offset);
    std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", *offset < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
  }
  // Only names with a region ("Europe/Paris"): ICU also knows abbreviations like "EST" or
  // "IST" that mean different zones in different places.
  if (t.find('/') != std::string_view::npos) {
    if (auto zone = iana_zone(t)) {
      icu::UnicodeString id;
      zone->getID(id);
      std::string out;
      id.toUTF8String(out);
      return out;
    }
  }
  throw ParseError(
      "unknown time zone (expected an IANA name like Europe/Paris, UTC, or an "
      "offset like UTC+02:00)",
      std::string(name), 0, "time zone");
}

std::optional<boost::posix_time::ptime> to_utc(boost::gregorian::date day, TimeOfDay minutes,
                                               std::string_view time_zone) {
  const std::string zone_name = canonical_time_zone(time_zone);
  if (zone_name.empty()) return std::nullopt;
  const boost::posix_time::ptime local(day, boost::posix_time::minutes(minutes));
  if (zone_name == "UTC") return local;
  if (const auto offset = parse_offset(zone_name))
    return local - boost::posix_time::minutes(*offset);
  auto zone = iana_zone(zone_name);
  // ICU reads a wall-clock time: the calendar in the zone, set to the local fields.
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(zone.release(), status);
  if (U_FAILURE(status)) throw Error("time zone calendar: " + std::string(u_errorName(status)));
  const auto ymd = day.year_month_day();
  cal.clear();
  cal.set(static_cast<int32_t>(ymd.year), static_cast<int32_t>(ymd.month) - 1,
          static_cast<int32_t>(ymd.day), minutes / 60, minutes % 60, 0);
  const UDate ms = cal.getTime(status);
  if (U_FAILURE(status)) throw Error("time zone conversion: " + std::string(u_errorName(status)));
  const auto epoch = boost::posix_time::ptime(boost::gregorian::date(1970, 1, 1));
  return epoch + boost::posix_time::seconds(static_cast<long>(ms / 1000));
}

void validate(const Meeting& m) {
  auto fail = [&](const std::string& reason, const std::string& text) {
    throw ParseError(reason, text, 0, "meeting");
  };
  if (detail::trim(m.title).empty()) fail("a meeting needs a title", m.title);
  canonical_time_zone(m.time_zone);
  if ((m.start || m.end || !m.end_date.is_special()) && m.date.is_special())
    fail("a meeting with times needs a date", m.title);
  if (!m.end_date.is_special() && m.end_date < m.date)
    fail("the meeting ends before it starts", m.title);
  auto check_time = [&](const std::optional<TimeOfDay>& t, const std::string& what) {
    if (t && (*t < 0 || *t >= 24 * 60)) fail(what + " is not a time of day", m.title);
  };
  check_time(m.start, "the start");
  check_time(m.end, "the end");
  if (m.start && m.end && *m.end <= *m.start && m.end_date.is_special())
    fail("the meeting ends (" + time_of_day_text(*m.end) + ") before it starts (" +
             time_of_day_text(*m.start) + ")",
         m.title);
  const int days = m.date.is_special() ? 1 : (m.last_day() - m.date).days() + 1;
  for (const auto& a : m.agenda) {
    if (detail::trim(a.title).empty()) fail("an agenda item needs a title", a.block);
    check_time(a.start, "the start of \"" + a.title + "\"");
    check_time(a.end, "the end of \"" + a.title + "\"");
    if (a.day < 1 || (!m.date.is_special() && a.day > days))
      fail("agenda item \"" + a.title + "\" is on day " + std::to_string(a.day) +
               " of a meeting of " + std::to_string(days) + " day(s)",
           a.title);
    if (a.start && a.end && *a.end <= *a.start)
      fail("agenda item \"" + a.title + "\" ends (" + time_of_day_text(*a.end) +
               ") before it starts (" + time_of_day_text(*a.start) + ")",
           a.title);
    if (a.duration && *a.duration <= 0)
      fail("agenda item \"" + a.title + "\" has no duration", a.title);
    if (a.engagement &&
        (a.engagement->low < 1 || a.engagement->high > 3 || a.engagement->low > a.engagement->high))
      fail("agenda item \"" + a.title + "\" has engagement level " + to_string(*a.engagement) +
               " (levels are 1 to 3)",
           a.title);
  }
  // Overlaps within a day, in time order.
  std::vector<const AgendaItem*> timed;
  for (const auto& a : m.agenda)
    if (a.start && a.end) timed.push_back(&a);
  std::sort(timed.begin(), timed.end(), [](const AgendaItem* x, const AgendaItem* y) {
    return std::tie(x->day, *x->start) < std::tie(y->day, *y->start);
  });
  for (std::size_t i = 1; i < timed.size(); ++i) {
    const AgendaItem& a = *timed[i - 1];
    const AgendaItem& b = *timed[i];
    if (a.day == b.day && *b.start < *a.end)
      fail("agenda items overlap: \"" + a.title + "\" (" + time_of_day_text(*a.start) + "-" +
               time_of_day_text(*a.end) + ") and \"" + b.title + "\" (" +
               time_of_day_text(*b.start) + "-" + time_of_day_text(*b.end) + ")",
           b.title);
  }
}

}  // namespace libtracker
