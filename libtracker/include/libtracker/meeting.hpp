#pragma once
/// @file meeting.hpp
/// Meetings that action items come from, and their agendas.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"

namespace libtracker {

/// A time of day: minutes since midnight (0 .. 1439) in the meeting's time zone.
using TimeOfDay = int;

/// "09:45" for 585. @throw Error outside 0 .. 1439.
std::string time_of_day_text(TimeOfDay minutes);

/// What an agenda item is: a topic or session, or a break (coffee, lunch). Stored as its
/// number: never renumber.
enum class AgendaKind { topic = 0, break_time = 1 };

/// "topic", "break".
std::string_view to_string(AgendaKind kind) noexcept;
/// Reads "topic" or "break" (case-insensitive). @throw ParseError for others.
AgendaKind agenda_kind_from_string(std::string_view text);

/// A chair or presenter of an agenda item: an owner name, with the organisation it speaks
/// for as written ("Katrina Sataki", ".lv").
struct Participant {
  /// The owner's name ("Katrina Sataki").
  std::string name;
  /// The organisation, as written (".lv"); may be empty.
  std::string affiliation;

  friend bool operator==(const Participant& a, const Participant& b) noexcept {
    return a.name == b.name && a.affiliation == b.affiliation;
  }
  friend bool operator!=(const Participant& a, const Participant& b) noexcept { return !(a == b); }
};

/// Chairs or presenters as one line: "Katrina Sataki (.lv), Byron Holland (.ca)" (a person
/// without an affiliation by name alone).
std::string participants_text(const std::vector<Participant>& people);

/// How much participation a session asks for, from 1 (minimum) to 3 (maximum); "1/2" is the
/// range 1 .. 2.
struct EngagementLevel {
  /// The lowest and highest level of the range (equal for a single level).
  int low = 1;
  int high = 1;

  friend bool operator==(const EngagementLevel& a, const EngagementLevel& b) noexcept {
    return a.low == b.low && a.high == b.high;
  }
  friend bool operator!=(const EngagementLevel& a, const EngagementLevel& b) noexcept {
    return !(a == b);
  }
};

/// "2", or "1/2" for a range.
std::string to_string(const EngagementLevel& level);

/// One entry of a meeting's agenda: a session, a topic of a call, or a break.
struct AgendaItem {
  /// Given by the Store.
  AgendaItemId id = 0;
  /// The meeting whose agenda it is on.
  MeetingId meeting = 0;
  /// 1-based order in the agenda (across days).
  int position = 0;
  /// 1-based day of a multi-day meeting.
  int day = 1;
  /// Start and end time, when the agenda gives them.
  std::optional<TimeOfDay> start;
  std::optional<TimeOfDay> end;
  /// Minutes, as the agenda states them (or end - start when only the times are given).
  std::optional<int> duration;
  /// The block or slot label ("Block 1").
  std::string block;
  /// What the item is called in the agenda.
  std::string title;
  /// A topic or a break.
  AgendaKind kind = AgendaKind::topic;
  /// Who chairs it and who presents, in the agenda's order.
  std::vector<Participant> chairs;
  std::vector<Participant> presenters;
  /// None when the agenda gives no level ("NA", or nothing).
  std::optional<EngagementLevel> engagement;
  /// Marked "TBC" (to be confirmed).
  bool to_be_confirmed = false;
  /// Everything else the agenda says about the item (sub-points, one per line).
  std::string notes;
};

/// A meeting: "SSR2 Staff, Co-Chairs Coordination", 2017-06-15, "ICANN59 Johannesburg".
struct Meeting {
  /// Given by the Store.
  MeetingId id = 0;
  /// "SSR2 Staff, Co-Chairs Coordination".
  std::string title;
  /// The (first) day.
  boost::gregorian::date date{boost::date_time::not_a_date_time};
  /// Place or event the meeting belongs to.
  std::string place;
  /// The series it belongs to ("SSR2 Plenary"); the previous meeting of a series is the one
  /// whose actions a pack reviews. Empty: the title is the series.
  std::string series;
  /// The last day of a multi-day meeting; not_a_date_time for a one-day meeting.
  boost::gregorian::date end_date{boost::date_time::not_a_date_time};
  /// Start and end time of day, in time_zone, when known.
  std::optional<TimeOfDay> start;
  std::optional<TimeOfDay> end;
  /// An IANA name ("America/Cancun"), "UTC", or a UTC offset ("UTC+02:00", "+05:30"); empty
  /// for local (floating) times.
  std::string time_zone;
  /// The agenda, by position.
  std::vector<AgendaItem> agenda;

  /// The series, else the title.
  const std::string& series_name() const noexcept { return series.empty() ? title : series; }
  /// The last day (date for a one-day meeting).
  boost::gregorian::date last_day() const { return end_date.is_special() ? date : end_date; }
};

/// A time zone as a meeting names it: an IANA name, "UTC"/"GMT", or an offset ("UTC+2",
/// "UTC-03:30", "+05:30"). Returns the canonical spelling ("Europe/Paris", "UTC",
/// "UTC+02:00"). @throw ParseError for an unknown name.
std::string canonical_time_zone(std::string_view name);

/// The UTC instant of @p minutes on @p day in @p time_zone (daylight saving applied);
/// std::nullopt for an empty (floating) zone. @throw ParseError for an unknown zone.
std::optional<boost::posix_time::ptime> to_utc(boost::gregorian::date day, TimeOfDay minutes,
                                               std::string_view time_zone);

/// Checks a meeting before it is stored: a title, a date when times are given, an end after
/// its start, agenda times that do not overlap within a day, levels within 1 .. 3, a known
/// time zone. @throw ParseError (source "meeting") naming the problem.
void validate(const Meeting& meeting);

}  // namespace libtracker
