#include "store/item_codec.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "store/store_impl.hpp"
#include "store/stored_values.hpp"

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

std::string join_list(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += list_separator;
    out += values[i];
  }
  return out;
}

std::vector<std::string> split_list(std::string_view joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = joined.find(list_separator, start);
    out.emplace_back(joined.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

namespace {

// Row codec helpers: a NULL column is an absent value.
std::optional<std::int64_t> read_optional(Statement& row, int column) {
  return row.optional_integer(column);
}
std::optional<Rating> read_rating(Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return static_cast<Rating>(row.integer(column));
}
template <class T>
void bind_optional(Statement& s, int parameter, const std::optional<T>& value) {
  if (value)
    s.bind(parameter, static_cast<std::int64_t>(*value));
  else
    s.bind_null(parameter);
}
std::optional<std::int64_t> parse_id(const std::string& value, const char* what,
                                     const char* field) {
  if (value.empty()) return std::nullopt;
  try {
    return std::stoll(value);
  } catch (const std::exception&) {
    throw ParseError(std::string("expected ") + what, value, 0, field);
  }
}
std::string id_text(const std::optional<std::int64_t>& id) {
  return id ? std::to_string(*id) : std::string();
}
std::string rating_text(const std::optional<Rating>& r) {
  return r ? std::string(to_string(*r)) : std::string();
}
std::optional<Rating> parse_rating(const std::string& value) {
  return value.empty() ? std::nullopt : std::optional(rating_from_string(value));
}

int count_columns(const char* columns) {
  return 1 + static_cast<int>(std::count(columns, columns + std::strlen(columns), ','));
}

std::vector<FieldInfo> make_field_table() {
  using S = Statement;
  using I = ActionItem;
  std::vector<FieldInfo> t{
      {Field::text, "text", "text", [](S& r, int c, I& i) { i.text = r.text(c); },
       [](S& s, int p, const I& i) { s.bind(p, i.text); }, [](const I& i) { return i.text; },
       [](I& i, const std::string& v) { i.text = v; },
       [](const I& a, const I& b) { return a.text == b.text; }},
      {Field::details, "details", "details", [](S& r, int c, I& i) { i.details = r.text(c); },
       [](S& s, int p, const I& i) { s.bind(p, i.details); }, [](const I& i) { return i.details; },
       [](I& i, const std::string& v) { i.details = v; },
       [](const I& a, const I& b) { return a.details == b.details; }},
      {Field::owners, "owners", "owners",
       [](S& r, int c, I& i) { i.owners = split_list(r.text_view(c)); },
       [](S& s, int p, const I& i) { s.bind(p, join_list(i.owners)); },
       [](const I& i) { return nlohmann::json(i.owners).dump(); },
       [](I& i, const std::string& v) { i.owners = parse_list(v, "owners"); },
       [](const I& a, const I& b) { return a.owners == b.owners; }},
      {Field::due, "due", "due_kind, due_date, due_text",
       [](S& r, int c, I& i) {
         const auto kind = r.integer(c);
         std::string text = r.text(c + 2);
         if (kind == stored(Due::Kind::date))
           i.due = Due::on(from_days(r.day(c + 1)), std::move(text));
         else if (kind == stored(Due::Kind::tbd))
           i.due = Due::tbd(std::move(text));
         else
           i.due = Due();
       },
       [](S& s, int p, const I& i) {
         s.bind(p, stored(i.due.kind()));
         if (i.due.has_date())
           s.bind_day(p + 1, to_days(i.due.date()));
         else
           s.bind_null(p + 1);
         s.bind(p + 2, i.due.is_none() ? std::string() : i.due.text());
       },
       [](const I& i) { return i.due.to_string(); },
       [](I& i, const std::string& v) { i.due = Due::from_string(v); },
       // The meaning, as Due::to_string() writes it.
       [](const I& a, const I& b) { return a.due == b.due; }},
      {Field::state, "state", "state",
       [](S& r, int c, I& i) { i.state = all_states.at(static_cast<std::size_t>(r.integer(c))); },
       [](S& s, int p, const I& i) { s.bind(p, stored(i.state)); },
       [](const I& i) { return std::string(to_string(i.state)); },
       [](I& i, const std::string& v) { i.state = state_from_string(v); },
       [](const I& a, const I& b) { return a.state == b.state; }},
      {Field::status_note, "status_note", "status_note",
       [](S& r, int c, I& i) { i.status_note = r.text(c); },
       [](S& s, int p, const I& i) { s.bind(p, i.status_note); },
       [](const I& i) { return i.status_note; },
       [](I& i, const std::string& v) { i.status_note = v; },
       [](const I& a, const I& b) { return a.status_note == b.status_note; }},
      {Field::tags, "tags", "tags", [](S& r, int c, I& i) { i.tags = split_list(r.text_view(c)); },
       [](S& s, int p, const I& i) { s.bind(p, join_list(i.tags)); },
       [](const I& i) { return nlohmann::json(i.tags).dump(); },
       [](I& i, const std::string& v) { i.tags = parse_list(v, "tags"); },
       [](const I& a, const I& b) { return a.tags == b.tags; }},
      {Field::meeting, "meeting", "meeting_id",
       [](S& r, int c, I& i) { i.meeting = read_optional(r, c); },
       [](S& s, int p, const I& i) { bind_optional(s, p, i.meeting); },
       [](const I& i) { return id_text(i.meeting); },
       [](I& i, const std::string& v) { i.meeting = parse_id(v, "a meeting id", "meeting"); },
       [](const I& a, const I& b) { return a.meeting == b.meeting; }},
      {Field::agenda_item, "agenda_item", "agenda_item_id",
       [](S& r, int c, I& i) { i.agenda_item = read_optional(r, c); },
       [](S& s, int p, const I& i) { bind_optional(s, p, i.agenda_item); },
       [](const I& i) { return id_text(i.agenda_item); },
       [](I& i, const std::string& v) {
         i.agenda_item = parse_id(v, "an agenda item id", "agenda_item");
       },
       [](const I& a, const I& b) { return a.agenda_item == b.agenda_item; }},
      {Field::impact, "impact", "impact", [](S& r, int c, I& i) { i.impact = read_rating(r, c); },
       [](S& s, int p, const I& i) { bind_optional(s, p, i.impact); },
       [](const I& i) { return rating_text(i.impact); },
       [](I& i, const std::string& v) { i.impact = parse_rating(v); },
       [](const I& a, const I& b) { return a.impact == b.impact; }},
      {Field::effort, "effort", "effort", [](S& r, int c, I& i) { i.effort = read_rating(r, c); },
       [](S& s, int p, const I& i) { bind_optional(s, p, i.effort); },
       [](const I& i) { return rating_text(i.effort); },
       [](I& i, const std::string& v) { i.effort = parse_rating(v); },
       [](const I& a, const I& b) { return a.effort == b.effort; }},
      {Field::closed, "closed", "closed",
       [](S& r, int c, I& i) {
         if (!r.is_null(c)) i.closed = from_days(r.day(c));
       },
       [](S& s, int p, const I& i) {
         if (i.closed)
           s.bind_day(p, to_days(*i.closed));
         else
           s.bind_null(p);
       },
       [](const I& i) { return i.closed ? iso_date(*i.closed) : std::string(); },
       [](I& i, const std::string& v) {
         i.closed = v.empty() ? std::nullopt : std::optional(parse_iso(v, "closed"));
       },
       [](const I& a, const I& b) { return a.closed == b.closed; }},
      {Field::ref, "ref", "ref", [](S& r, int c, I& i) { i.ref = r.text(c); },
       [](S& s, int p, const I& i) {
         if (i.ref.empty())
           s.bind_null(p);  // NULL: the index items_ref holds only real refs
         else
           s.bind(p, i.ref);
       },
       [](const I& i) { return i.ref; }, [](I& i, const std::string& v) { i.ref = v; },
       [](const I& a, const I& b) { return a.ref == b.ref; }},
      {Field::created, "created", "created",
       [](S& r, int c, I& i) { i.created = from_days(r.day(c)); },
       [](S& s, int p, const I& i) { s.bind_day(p, to_days(i.created)); },
       [](const I& i) { return iso_date(i.created); },
       [](I& i, const std::string& v) { i.created = parse_iso(v, "created"); },
       [](const I& a, const I& b) { return a.created == b.created; }},
  };
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (t[k].field != all_fields.at(k)) throw std::logic_error("field table out of order");
    t[k].column_count = count_columns(t[k].columns);
    t[k].recorded = t[k].field != Field::created;
  }
  return t;
}

/// The first parameter (and the first column after id) of each field, in table order.
const std::vector<int>& first_parameters() {
  static const std::vector<int> firsts = [] {
    std::vector<int> out;
    int next = 1;
    for (const FieldInfo& f : field_table()) {
      out.push_back(next);
      next += f.column_count;
    }
    out.push_back(next);  // the version
    return out;
  }();
  return firsts;
}

}  // namespace

const std::vector<FieldInfo>& field_table() {
  static const std::vector<FieldInfo> table = make_field_table();
  return table;
}

const FieldInfo& field_info(Field field) {
  return field_table().at(static_cast<std::size_t>(field));
}

const FieldInfo& field_info(std::string_view name) {
  if (const auto field = field_from_string(name)) return field_info(*field);
  throw ParseError("unknown field", std::string(name), 0, "field");
}

const std::string& item_columns() {
  static const std::string columns = [] {
    std::string out = "id";
    for (const FieldInfo& f : field_table()) out += std::string(", ") + f.columns;
    return out + ", version";
  }();
  return columns;
}

ActionItem read_item(Statement& row) {
  ActionItem item;
  item.id = row.integer(0);
  const auto& firsts = first_parameters();
  for (std::size_t k = 0; k < field_table().size(); ++k)
    field_table()[k].read(row, firsts[k], item);
  item.version = row.integer(firsts.back());
  return item;
}

int version_parameter() { return first_parameters().back(); }
int id_parameter() { return version_parameter() + 1; }

std::string insert_items_sql(std::size_t rows) {
  static const std::string head = [] {
    std::string columns;
    for (const FieldInfo& f : field_table()) columns += std::string(f.columns) + ", ";
    return "INSERT INTO items(" + columns + "version) VALUES ";
  }();
  std::string sql = head;
  int p = 1;
  for (std::size_t row = 0; row < rows; ++row) {
    sql += row > 0 ? ", (" : "(";
    for (int k = 1; k <= version_parameter(); ++k, ++p)
      sql += (k > 1 ? ", ?" : "?") + std::to_string(p);
    sql += ")";
  }
  return sql + " RETURNING id";
}

std::string column_assignment(Field field) {
  const FieldInfo& f = field_info(field);
  int parameter = first_parameters().at(static_cast<std::size_t>(field));
  std::string out;
  std::string_view columns = f.columns;
  while (!columns.empty()) {
    const std::size_t comma = columns.find(',');
    const std::string_view column = columns.substr(0, comma);
    out += (out.empty() ? "" : ", ") + std::string(column) + " = ?" + std::to_string(parameter++);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 2);
  }
  return out;
}

void bind_item(Statement& s, const ActionItem& item, int offset) {
  // The version and id come last, so every statement names each field's parameters (an
  // UPDATE leaves those of unchanged fields unused).
  const auto& firsts = first_parameters();
  for (std::size_t k = 0; k < field_table().size(); ++k)
    field_table()[k].bind(s, offset + firsts[k], item);
  s.bind(offset + version_parameter(), item.version);
}

std::string field_value(const ActionItem& item, std::string_view field) {
  return field_info(field).text(item);
}

void set_field(ActionItem& item, std::string_view field, const std::string& value) {
  field_info(field).set(item, value);
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
      else if (const auto field = field_from_string(key); field && !v.is_null()) {
        if (*field == Field::owners || *field == Field::tags)
          set_field(item, key, v.dump());
        else if (*field == Field::meeting)
          item.meeting = integer(v, key);
        else if (*field == Field::agenda_item)
          item.agenda_item = integer(v, key);
        else
          set_field(item, key, v.get<std::string>());
      }
      // Unknown keys are ignored: documents may carry more than an item.
    } catch (const nlohmann::json::exception&) {
      throw ParseError("unexpected value type for \"" + key + "\"", v.dump(), 0, "item");
    }
  }
  return item;
}

}  // namespace libtracker::detail

namespace libtracker {

std::string_view to_string(Field field) noexcept {
  return detail::field_table()[static_cast<std::size_t>(field)].name;
}

std::optional<Field> field_from_string(std::string_view name) noexcept {
  for (const Field field : all_fields)
    if (to_string(field) == name) return field;
  return std::nullopt;
}

}  // namespace libtracker
