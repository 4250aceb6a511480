#include "render/meeting_json.hpp"

#include "libtracker/text.hpp"

namespace libtracker::detail {
namespace {

nlohmann::json optional_time(const std::optional<TimeOfDay>& t) {
  return t ? nlohmann::json(time_of_day_text(*t)) : nlohmann::json(nullptr);
}

nlohmann::json people_json(const std::vector<Participant>& people) {
  nlohmann::json out = nlohmann::json::array();
  for (const Participant& p : people)
    out.push_back({{"name", p.name}, {"affiliation", p.affiliation}});
  return out;
}

}  // namespace

nlohmann::json meeting_to_json(const Meeting& m) {
  nlohmann::json j;
  j["id"] = m.id;
  j["title"] = m.title;
  j["series"] = m.series_name();
  j["date"] = m.date.is_special() ? nlohmann::json(nullptr) : nlohmann::json(iso_date(m.date));
  j["end_date"] =
      m.end_date.is_special() ? nlohmann::json(nullptr) : nlohmann::json(iso_date(m.end_date));
  j["start"] = optional_time(m.start);
  j["end"] = optional_time(m.end);
  j["time_zone"] = m.time_zone;
  j["place"] = m.place;
  nlohmann::json agenda = nlohmann::json::array();
  for (const AgendaItem& a : m.agenda) {
    nlohmann::json row;
    row["id"] = a.id;
    row["position"] = a.position;
    row["day"] = a.day;
    row["start"] = optional_time(a.start);
    row["end"] = optional_time(a.end);
    row["duration"] = a.duration ? nlohmann::json(*a.duration) : nlohmann::json(nullptr);
    row["block"] = a.block;
    row["title"] = a.title;
    row["kind"] = to_string(a.kind);
    row["chairs"] = people_json(a.chairs);
    row["presenters"] = people_json(a.presenters);
    row["engagement"] = a.engagement ? nlohmann::json({a.engagement->low, a.engagement->high})
                                     : nlohmann::json(nullptr);
    row["to_be_confirmed"] = a.to_be_confirmed;
    row["notes"] = a.notes;
    agenda.push_back(std::move(row));
  }
  j["agenda"] = std::move(agenda);
  return j;
}

}  // namespace libtracker::detail
