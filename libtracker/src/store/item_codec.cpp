#include "store/item_codec.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdint>

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"

namespace libtracker::detail {
namespace {

boost::gregorian::date parse_iso(const std::string& text, std::string_view field) {
  const Due due = [&] {
    try {
      return Due::from_string(text);
    } catch (const ParseError& e) {
      throw ParseError(e.reason(), text, e.position(), std::string(field));
    }
  }();
  if (!due.has_date()) throw ParseError("expected an ISO date", text, 0, std::string(field));
  return due.date();
}

std::vector<std::string> parse_list(const std::string& text, std::string_view field) {
  if (text.empty()) return {};
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw ParseError("expected a JSON array of strings", text, 0, std::string(field));
  }
}

}  // namespace

const std::vector<std::string>& item_fields() {
  static const std::vector<std::string> fields{
      "text",    "details",     "owners", "due",    "state",  "status_note", "tags",
      "meeting", "agenda_item", "impact", "effort", "closed", "ref"};
  return fields;
}

std::string field_value(const ActionItem& item, std::string_view field) {
  if (field == "text") return item.text;
  if (field == "details") return item.details;
  if (field == "owners") return nlohmann::json(item.owners).dump();
  if (field == "due") return item.due.to_string();
  if (field == "state") return std::string(to_string(item.state));
  if (field == "status_note") return item.status_note;
  if (field == "tags") return nlohmann::json(item.tags).dump();
  if (field == "meeting") return item.meeting ? std::to_string(*item.meeting) : std::string();
  if (field == "agenda_item")
    return item.agenda_item ? std::to_string(*item.agenda_item) : std::string();
  if (field == "impact") return item.impact ? std::string(to_string(*item.impact)) : std::string();
  if (field == "effort") return item.effort ? std::string(to_string(*item.effort)) : std::string();
  if (field == "closed") return item.closed ? iso_date(*item.closed) : std::string();
  if (field == "ref") return item.ref;
  if (field == "created") return iso_date(item.created);
  throw ParseError("unknown field", std::string(field), 0, "field");
}

bool same_field(const ActionItem& a, const ActionItem& b, std::string_view field) {
  if (field == "text") return a.text == b.text;
  if (field == "details") return a.details == b.details;
  if (field == "owners") return a.owners == b.owners;
  if (field == "due") return a.due == b.due;  // the meaning, as Due::to_string() writes it
  if (field == "state") return a.state == b.state;
  if (field == "status_note") return a.status_note == b.status_note;
  if (field == "tags") return a.tags == b.tags;
  if (field == "meeting") return a.meeting == b.meeting;
  if (field == "agenda_item") return a.agenda_item == b.agenda_item;
  if (field == "impact") return a.impact == b.impact;
  if (field == "effort") return a.effort == b.effort;
  if (field == "closed") return a.closed == b.closed;
  if (field == "ref") return a.ref == b.ref;
  if (field == "created") return a.created == b.created;
  throw ParseError("unknown field", std::string(field), 0, "field");
}

void set_field(ActionItem& item, std::string_view field, const std::string& value) {
  if (field == "text")
    item.text = value;
  else if (field == "details")
    item.details = value;
  else if (field == "owners")
    item.owners = parse_list(value, field);
  else if (field == "due")
    item.due = Due::from_string(value);
  else if (field == "state")
    item.state = state_from_string(value);
  else if (field == "status_note")
    item.status_note = value;
  else if (field == "tags")
    item.tags = parse_list(value, field);
  else if (field == "meeting") {
    if (value.empty())
      item.meeting.reset();
    else
      try {
        item.meeting = std::stoll(value);
      } catch (const std::exception&) {
        throw ParseError("expected a meeting id", value, 0, "meeting");
      }
  } else if (field == "agenda_item") {
    if (value.empty())
      item.agenda_item.reset();
    else
      try {
        item.agenda_item = std::stoll(value);
      } catch (const std::exception&) {
        throw ParseError("expected an agenda item id", value, 0, "agenda_item");
      }
  } else if (field == "impact")
    item.impact = value.empty() ? std::nullopt : std::optional(rating_from_string(value));
  else if (field == "effort")
    item.effort = value.empty() ? std::nullopt : std::optional(rating_from_string(value));
  else if (field == "closed")
    item.closed = value.empty() ? std::nullopt : std::optional(parse_iso(value, field));
  else if (field == "created")
    item.created = parse_iso(value, field);
  else if (field == "ref")
    item.ref = value;
  else
    throw ParseError("unknown field", std::string(field), 0, "field");
}

nlohmann::json item_to_json(const ActionItem& item) {
  nlohmann::json j;
  j["id"] = item.id;
  j["text"] = item.text;
  j["details"] = item.details;
  j["owners"] = item.owners;
  j["due"] = item.due.is_none() ? nlohmann::json(nullptr) : nlohmann::json(item.due.to_string());
  j["state"] = to_string(item.state);
  j["status_note"] = item.status_note;
  j["tags"] = item.tags;
  j["meeting"] = item.meeting ? nlohmann::json(*item.meeting) : nlohmann::json(nullptr);
  if (item.agenda_item) j["agenda_item"] = *item.agenda_item;
  j["impact"] = item.impact ? nlohmann::json(to_string(*item.impact)) : nlohmann::json(nullptr);
  j["effort"] = item.effort ? nlohmann::json(to_string(*item.effort)) : nlohmann::json(nullptr);
  j["created"] =
      item.created.is_special() ? nlohmann::json(nullptr) : nlohmann::json(iso_date(item.created));
  j["closed"] = item.closed ? nlohmann::json(iso_date(*item.closed)) : nlohmann::json(nullptr);
  j["version"] = item.version;
  return j;
}

namespace {

/// A whole number that fits in 64 bits: nlohmann keeps 1.5 and 1e22 as floating point, and
/// converting those to an integer would truncate, or be undefined beyond the integer's range.
std::int64_t integer(const nlohmann::json& v, const std::string& key) {
  const bool fits =
      v.is_number_integer() &&
      !(v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX));
  if (!fits) throw ParseError("\"" + key + "\" must be a whole number", v.dump(), 0, "item");
  return v.get<std::int64_t>();
}

}  // namespace

ActionItem item_from_json(const nlohmann::json& value) {
  if (!value.is_object()) throw ParseError("expected a JSON object", value.dump(), 0, "item");
  ActionItem item;
  for (const auto& [key, v] : value.items()) {
    try {
      if (key == "id")
        item.id = integer(v, key);
      else if (key == "version")
        item.version = integer(v, key);
      else if (key == "owners" || key == "tags") {
        if (!v.is_null()) set_field(item, key, v.dump());
      } else if (key == "meeting") {
        if (!v.is_null()) item.meeting = integer(v, key);
      } else if (key == "agenda_item") {
        if (!v.is_null()) item.agenda_item = integer(v, key);
      } else if (key == "text" || key == "details" || key == "due" || key == "state" ||
                 key == "status_note" || key == "impact" || key == "effort" || key == "closed" ||
                 key == "created" || key == "ref") {
        if (!v.is_null()) set_field(item, key, v.get<std::string>());
      }
      // Unknown keys are ignored: documents may carry more than an item.
    } catch (const nlohmann::json::exception&) {
      throw ParseError("unexpected value type for \"" + key + "\"", v.dump(), 0, "item");
    }
  }
  return item;
}

}  // namespace libtracker::detail
