// Meetings and their agendas in the store: meetings, agenda_items and agenda_people (chairs and
// presenters, who are owners). Plain SQL that any SQL database runs.
#include <algorithm>
#include <map>
#include <set>

#include "libtracker/meeting.hpp"
#include "libtracker/store.hpp"
#include "store/store_impl.hpp"
#include "store/stored_values.hpp"
#include "store/writer.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

constexpr const char* meeting_columns =
    "id, title, date, place, series, end_date, start_time, end_time, time_zone";
constexpr const char* agenda_columns =
    "id, meeting_id, position, day, start_time, end_time, duration, block, title, kind, "
    "level_low, level_high, to_be_confirmed, notes";

using detail::Statement;

std::optional<int> optional_int(Statement& s, int i) {
  if (s.is_null(i)) return std::nullopt;
  return static_cast<int>(s.integer(i));
}

boost::gregorian::date optional_date(Statement& s, int i) {
  if (s.is_null(i)) return boost::gregorian::date(boost::date_time::not_a_date_time);
  return detail::from_days(s.day(i));
}

template <class T>
void bind_optional(Statement& s, int i, const std::optional<T>& v) {
  if (v)
    s.bind(i, *v);
  else
    s.bind_null(i);
}

void bind_date(Statement& s, int i, boost::gregorian::date d) {
  if (d.is_special())
    s.bind_null(i);
  else
    s.bind_day(i, detail::to_days(d));
}

Meeting read_meeting_row(Statement& s) {
  Meeting m;
  m.id = s.integer(0);
  m.title = s.text(1);
  m.date = optional_date(s, 2);
  m.place = s.text(3);
  m.series = s.text(4);
  m.end_date = optional_date(s, 5);
  m.start = optional_int(s, 6);
  m.end = optional_int(s, 7);
  m.time_zone = s.text(8);
  return m;
}

AgendaItem read_agenda_row(Statement& s) {
  AgendaItem a;
  a.id = s.integer(0);
  a.meeting = s.integer(1);
  a.position = static_cast<int>(s.integer(2));
  a.day = static_cast<int>(s.integer(3));
  a.start = optional_int(s, 4);
  a.end = optional_int(s, 5);
  a.duration = optional_int(s, 6);
  a.block = s.text(7);
  a.title = s.text(8);
  a.kind = static_cast<int>(s.integer(9)) == detail::stored(AgendaKind::break_time)
               ? AgendaKind::break_time
               : AgendaKind::topic;
  if (!s.is_null(10))
    a.engagement =
        EngagementLevel{static_cast<int>(s.integer(10)), static_cast<int>(s.integer(11))};
  a.to_be_confirmed = static_cast<int>(s.integer(12)) != 0;
  a.notes = s.text(13);
  return a;
}

/// Trims text fields and fills what follows from the rest (a duration from the times).
Meeting normalized(Meeting m) {
  m.title = std::string(detail::trim(m.title));
  m.series = std::string(detail::trim(m.series));
  m.place = std::string(detail::trim(m.place));
  m.time_zone = canonical_time_zone(m.time_zone);
  if (!m.end_date.is_special() && m.end_date == m.date) m.end_date = boost::gregorian::date();
  int position = 0;
  for (auto& a : m.agenda) {
    a.position = ++position;
    a.title = std::string(detail::trim(a.title));
    a.block = std::string(detail::trim(a.block));
    if (!a.duration && a.start && a.end && *a.end > *a.start) a.duration = *a.end - *a.start;
    for (auto* people : {&a.chairs, &a.presenters}) {
      std::vector<Participant> clean;
      for (auto p : *people) {
        p.name = std::string(detail::trim(p.name));
        p.affiliation = std::string(detail::trim(p.affiliation));
        if (!p.name.empty()) clean.push_back(std::move(p));
      }
      *people = std::move(clean);
    }
  }
  validate(m);
  return m;
}

struct MeetingWriter {
  detail::StoreImpl& impl;

  /// The owner, created when new; @p name takes its stored spelling.
  OwnerId owner_id(std::string& name) { return detail::Writer{impl, 0}.owner_id(name, &name); }

  void bind_meeting(Statement& s, const Meeting& m) {
    s.bind(1, m.title);
    bind_date(s, 2, m.date);
    s.bind(3, m.place);
    s.bind(4, m.series);
    bind_date(s, 5, m.end_date);
    bind_optional(s, 6, m.start);
    bind_optional(s, 7, m.end);
    s.bind(8, m.time_zone);
  }

  void bind_agenda(Statement& s, const AgendaItem& a) {
    s.bind(1, a.position);
    s.bind(2, a.day);
    bind_optional(s, 3, a.start);
    bind_optional(s, 4, a.end);
    bind_optional(s, 5, a.duration);
    s.bind(6, a.block);
    s.bind(7, a.title);
    s.bind(8, detail::stored(a.kind));
    if (a.engagement) {
      s.bind(9, a.engagement->low);
      s.bind(10, a.engagement->high);
    } else {
      s.bind_null(9);
      s.bind_null(10);
    }
    s.bind(11, a.to_be_confirmed ? 1 : 0);
    s.bind(12, a.notes);
  }

  void write_people(AgendaItem& a) {
    auto& clear = impl.stmt("DELETE FROM agenda_people WHERE agenda_item_id = ?");
    clear.bind(1, a.id);
    clear.exec();
    for (const auto role : {detail::AgendaRole::chair, detail::AgendaRole::presenter}) {
      auto* people = role == detail::AgendaRole::chair ? &a.chairs : &a.presenters;
      int position = 0;
      for (auto& p : *people) {
        const OwnerId owner = owner_id(p.name);
        auto& s = impl.stmt(
            "INSERT INTO agenda_people(agenda_item_id, role, position, owner_id, affiliation) "
            "VALUES (?, ?, ?, ?, ?)");
        s.bind(1, a.id);
        s.bind(2, detail::stored(role));
        s.bind(3, position++);
        s.bind(4, owner);
        s.bind(5, p.affiliation);
        s.exec();
      }
    }
  }

  void insert_agenda_item(AgendaItem& a, MeetingId meeting) {
    auto& s = impl.stmt(
        "INSERT INTO agenda_items(position, day, start_time, end_time, duration, block, title, "
        "kind, level_low, level_high, to_be_confirmed, notes, meeting_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id");
    bind_agenda(s, a);
    s.bind(13, meeting);
    a.id = s.returned_id();
    a.meeting = meeting;
    write_people(a);
  }

  void update_agenda_item(AgendaItem& a) {
    auto& s = impl.stmt(
        "UPDATE agenda_items SET position = ?1, day = ?2, start_time = ?3, end_time = ?4, "
        "duration = ?5, block = ?6, title = ?7, kind = ?8, level_low = ?9, level_high = ?10, "
        "to_be_confirmed = ?11, notes = ?12 WHERE id = ?13");
    bind_agenda(s, a);
    s.bind(13, a.id);
    s.exec();
    write_people(a);
  }
};

std::vector<Participant> read_people(detail::StoreImpl& impl, AgendaItemId id,
                                     detail::AgendaRole role) {
  auto& s = impl.stmt(
      "SELECT o.name, p.affiliation FROM agenda_people p JOIN owners o ON o.id = p.owner_id "
      "WHERE p.agenda_item_id = ? AND p.role = ? ORDER BY p.position");
  s.bind(1, id);
  s.bind(2, detail::stored(role));
  std::vector<Participant> out;
  while (s.step()) out.push_back({s.text(0), s.text(1)});
  return out;
}

std::vector<AgendaItem> read_agenda(detail::StoreImpl& impl, MeetingId meeting) {
  std::vector<AgendaItem> agenda;
  {
    auto& s = impl.stmt(std::string("SELECT ") + agenda_columns +
                        " FROM agenda_items WHERE meeting_id = ? ORDER BY position");
    s.bind(1, meeting);
    while (s.step()) agenda.push_back(read_agenda_row(s));
  }
  for (auto& a : agenda) {
    a.chairs = read_people(impl, a.id, detail::AgendaRole::chair);
    a.presenters = read_people(impl, a.id, detail::AgendaRole::presenter);
  }
  return agenda;
}

/// Meetings selected by @p where (binding with @p bind), with their agendas.
template <class Bind>
std::vector<Meeting> select_meetings(detail::StoreImpl& impl, const std::string& where, Bind bind) {
  std::vector<Meeting> out;
  {
    auto& s = impl.stmt(std::string("SELECT ") + meeting_columns + " FROM meetings " + where);
    bind(s);
    while (s.step()) out.push_back(read_meeting_row(s));
  }
  for (auto& m : out) m.agenda = read_agenda(impl, m.id);
  return out;
}

/// True when @p name appears in @p text as a whole word or word prefix ("ICANN59" in
/// "ICANN59 Johannesburg"), case-insensitively.
bool names_event(const std::string& text, const std::string& name) {
  const std::string t = detail::lower(text), n = detail::lower(name);
  if (n.empty()) return false;
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (std::size_t pos = t.find(n); pos != std::string::npos; pos = t.find(n, pos + 1)) {
    const bool starts = pos == 0 || !is_word(t[pos - 1]);
    const bool ends = pos + n.size() == t.size() || !is_word(t[pos + n.size()]);
    if (starts && ends) return true;
  }
  return false;
}

bool in_series(const Meeting& m, const std::string& series) {
  return detail::iequals(m.series_name(), detail::trim(series)) ||
         detail::iequals(m.title, detail::trim(series));
}

}  // namespace

Meeting Store::add_meeting(const Meeting& meeting) {
  const Meeting normal = normalized(meeting);
  return impl_->write([&] {
    Meeting m = normal;
    MeetingWriter w{*impl_};
    auto& s = impl_->stmt(
        "INSERT INTO meetings(title, date, place, series, end_date, start_time, end_time, "
        "time_zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
    w.bind_meeting(s, m);
    m.id = s.returned_id();
    for (auto& a : m.agenda) w.insert_agenda_item(a, m.id);
    return m;
  });
}

Meeting Store::update_meeting(const Meeting& meeting) {
  const Meeting normal = normalized(meeting);
  return impl_->write([&] {
    Meeting m = normal;
    const Meeting current = this->meeting(m.id);
    MeetingWriter w{*impl_};
    auto& s = impl_->stmt(
        "UPDATE meetings SET title = ?1, date = ?2, place = ?3, series = ?4, end_date = ?5, "
        "start_time = ?6, end_time = ?7, time_zone = ?8 WHERE id = ?9");
    w.bind_meeting(s, m);
    s.bind(9, m.id);
    s.exec();
    // Keep ids: first the items of the same title, then those left at the same position.
    std::set<AgendaItemId> kept;
    for (auto& a : m.agenda) {
      a.id = 0;
      for (const auto& c : current.agenda)
        if (!kept.count(c.id) && detail::iequals(c.title, a.title)) {
          a.id = c.id;
          kept.insert(c.id);
          break;
        }
    }
    for (auto& a : m.agenda) {
      if (a.id != 0) continue;
      for (const auto& c : current.agenda)
        if (!kept.count(c.id) && c.position == a.position) {
          a.id = c.id;
          kept.insert(c.id);
          break;
        }
    }
    for (const auto& c : current.agenda) {
      if (kept.count(c.id)) continue;
      auto& del = impl_->stmt("DELETE FROM agenda_items WHERE id = ?");
      del.bind(1, c.id);
      del.exec();
    }
    // Positions are unique: move the kept rows out of the way before renumbering.
    auto& shift = impl_->stmt("UPDATE agenda_items SET position = -position WHERE meeting_id = ?");
    shift.bind(1, m.id);
    shift.exec();
    for (auto& a : m.agenda) {
      a.meeting = m.id;
      if (a.id != 0)
        w.update_agenda_item(a);
      else
        w.insert_agenda_item(a, m.id);
    }
    return m;
  });
}

Meeting Store::meeting(MeetingId id) const {
  return impl_->guarded([&] {
    auto found = select_meetings(*impl_, "WHERE id = ?", [&](Statement& s) { s.bind(1, id); });
    if (found.empty()) throw NotFoundError("no meeting with id " + std::to_string(id));
    return found.front();
  });
}

std::vector<Meeting> Store::meetings() const {
  return impl_->guarded([&] {
    return select_meetings(*impl_,
                           "ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date, "
                           "start_time, id",
                           [](Statement&) {});
  });
}

std::optional<Meeting> Store::find_meeting(const std::string& name,
                                           boost::gregorian::date date) const {
  if (date.is_special()) return std::nullopt;
  return impl_->guarded([&]() -> std::optional<Meeting> {
    auto found = select_meetings(*impl_, "WHERE date = ? ORDER BY id",
                                 [&](Statement& s) { s.bind_day(1, detail::to_days(date)); });
    for (auto& m : found)
      if (in_series(m, name)) return m;
    return std::nullopt;
  });
}

std::optional<Meeting> Store::next_meeting(boost::gregorian::date day,
                                           const std::string& series) const {
  if (day.is_special()) throw InvalidArgumentError("next_meeting needs a calendar date");
  return impl_->guarded([&]() -> std::optional<Meeting> {
    auto found = select_meetings(*impl_, "WHERE date >= ? ORDER BY date, start_time, id",
                                 [&](Statement& s) { s.bind_day(1, detail::to_days(day)); });
    for (auto& m : found)
      if (detail::trim(series).empty() || in_series(m, series)) return m;
    return std::nullopt;
  });
}

std::optional<Meeting> Store::previous_meeting(const Meeting& meeting) const {
  if (meeting.date.is_special()) return std::nullopt;
  return impl_->guarded([&]() -> std::optional<Meeting> {
    auto found =
        select_meetings(*impl_, "WHERE date < ? ORDER BY date DESC, start_time DESC, id DESC",
                        [&](Statement& s) { s.bind_day(1, detail::to_days(meeting.date)); });
    for (auto& m : found)
      if (m.id != meeting.id && in_series(m, meeting.series_name())) return m;
    return std::nullopt;
  });
}

AgendaItem Store::agenda_item(AgendaItemId id) const {
  return impl_->guarded([&] {
    AgendaItem a;
    {
      auto& s =
          impl_->stmt(std::string("SELECT ") + agenda_columns + " FROM agenda_items WHERE id = ?");
      s.bind(1, id);
      if (!s.step()) throw NotFoundError("no agenda item with id " + std::to_string(id));
      a = read_agenda_row(s);
    }
    a.chairs = read_people(*impl_, a.id, detail::AgendaRole::chair);
    a.presenters = read_people(*impl_, a.id, detail::AgendaRole::presenter);
    return a;
  });
}

std::optional<boost::gregorian::date> Store::event_date(const std::string& event_name) const {
  return impl_->guarded([&]() -> std::optional<boost::gregorian::date> {
    std::optional<boost::gregorian::date> best;
    auto& s = impl_->stmt("SELECT title, place, date FROM meetings WHERE date IS NOT NULL");
    while (s.step()) {
      const auto d = detail::from_days(s.day(2));
      if (names_event(s.text(0), event_name) || names_event(s.text(1), event_name))
        if (!best || d < *best) best = d;
    }
    return best;
  });
}

}  // namespace libtracker
