// Taskwarrior interchange. What Taskwarrior has no attribute for travels as user-defined
// attributes (UDAs), which `task import` keeps as they are and `task export` writes back:
//   owner        owners, comma separated          details      the item's details
//   statusnote   the status note                   effort       H, M or L
//   trackerstate "blocked" (Taskwarrior has no such status)
//   trackerref   the item's ref when it is not a uuid (an item number)
//   trackertags  tags Taskwarrior cannot hold (with ':' or spaces), as a JSON array
//   trackerdue   "TBD" (as written) for a due date that is explicitly to be decided
// Statuses: pending -> open (in_progress when started, blocked by trackerstate), waiting ->
// blocked, completed -> done, deleted -> cancelled. Priority H/M/L is the impact rating; a
// "project:" tag is the project. Dates are the UTC dates of the timestamps.

#include "formats/taskwarrior_format.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <cstdint>
#include <cstdio>

#include "formats/format_util.hpp"
#include "formats/json_format.hpp"
#include "libtracker/error.hpp"
#include "libtracker/owner_parser.hpp"
#include "libtracker/rating.hpp"
#include "libtracker/store.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

using nlohmann::json;

struct TaskReader {
  const json& task;
  const std::string& source;
  std::size_t line;

  [[noreturn]] void fail(const std::string& reason, const json& value) const {
    throw ParseError("task: " + reason,
                     excerpt(value.dump(-1, ' ', false, json::error_handler_t::replace), 0), 0,
                     source, line);
  }
  const json* find(const char* key) const {
    const auto it = task.find(key);
    return it == task.end() || it->is_null() ? nullptr : &*it;
  }
  std::string string(const char* key) const {
    const json* v = find(key);
    if (!v) return {};
    if (!v->is_string()) fail(std::string("\"") + key + "\" must be a string", *v);
    return v->get<std::string>();
  }
  boost::posix_time::ptime time(const char* key) const {
    const json* v = find(key);
    if (!v) return boost::posix_time::ptime();
    if (!v->is_string()) fail(std::string("\"") + key + "\" must be a timestamp string", *v);
    return parse_time(v->get<std::string>(), key);
  }
  boost::posix_time::ptime parse_time(const std::string& s, const char* key) const {
    // Taskwarrior writes 20170615T000000Z; ISO 8601 with separators is accepted too.
    bool compact = s.size() == 16 && s[8] == 'T' && s[15] == 'Z';
    for (std::size_t i = 0; compact && i < 15; ++i)
      if (i != 8 && (s[i] < '0' || s[i] > '9')) compact = false;
    try {
      if (compact) {
        const std::string iso = s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2) + "T" +
                                s.substr(9, 2) + ":" + s.substr(11, 2) + ":" + s.substr(13, 2) +
                                "Z";
        return parse_iso_time(iso, key);
      }
      return parse_iso_time(s, key);
    } catch (const ParseError&) {
      fail(std::string("\"") + key + "\" is not a timestamp like 20170615T000000Z", json(s));
    }
  }
};

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

/// Tags Taskwarrior stores as they are: no spaces, no ':' and no ','.
bool taskwarrior_safe_tag(std::string_view tag) {
  if (tag.empty() || tag.find_first_of(" \t\r\n:,") != std::string_view::npos) return false;
  return tag.front() != '+' && tag.front() != '-';
}

ImportedItem read_task(const json& task, const std::string& source, std::size_t line) {
  const TaskReader r{task, source, line};
  if (!task.is_object()) r.fail("expected an object", task);
  ImportedItem imported;
  imported.line = line;
  ActionItem& item = imported.item;
  item.text = r.string("description");
  if (trim(item.text).empty()) r.fail("missing or empty \"description\"", task);
  imported.provided |= field_bit(Field::text) | field_bit(Field::state) | field_bit(Field::due) |
                       field_bit(Field::tags) | field_bit(Field::impact);

  const std::string uuid = r.string("uuid");
  if (!uuid.empty() && !is_uuid(uuid)) r.fail("\"uuid\" is not a uuid", task["uuid"]);
  const std::string tracker_ref = r.string("trackerref");
  item.ref = !tracker_ref.empty() ? tracker_ref : lower(uuid);
  if (!item.ref.empty()) imported.provide(Field::ref);

  const std::string status = r.string("status");
  if (status == "pending") {
    item.state = r.find("start") ? State::in_progress : State::open;
  } else if (status == "waiting") {
    item.state = State::blocked;
  } else if (status == "completed") {
    item.state = State::done;
  } else if (status == "deleted") {
    item.state = State::cancelled;
  } else if (status.empty()) {
    r.fail("missing \"status\"", task);
  } else {
    r.fail("unknown status (expected pending, waiting, completed, deleted or recurring)",
           task["status"]);
  }
  if (r.find("start")) r.time("start");  // checked even when only its presence matters
  const std::string tracker_state = r.string("trackerstate");
  if (!tracker_state.empty() && !is_closed(item.state)) {
    try {
      item.state = state_from_string(tracker_state);
    } catch (const ParseError&) {
      r.fail("unknown \"trackerstate\"", task["trackerstate"]);
    }
  }

  const auto entry = r.time("entry");
  if (!entry.is_not_a_date_time()) {
    item.created = entry.date();
    imported.provide(Field::created);
  }
  const auto end = r.time("end");
  if (!end.is_not_a_date_time() && is_closed(item.state)) {
    item.closed = end.date();
    imported.provide(Field::closed);
  }
  const auto due = r.time("due");
  if (!due.is_not_a_date_time())
    item.due = Due::on(due.date());
  else if (const std::string tbd = r.string("trackerdue"); !tbd.empty())
    item.due = Due::tbd(tbd);

  if (const json* tags = r.find("tags")) {
    if (!tags->is_array()) r.fail("\"tags\" must be an array of strings", *tags);
    for (const json& t : *tags) {
      if (!t.is_string()) r.fail("\"tags\" must be an array of strings", *tags);
      if (!trim(t.get<std::string>()).empty()) item.tags.push_back(t.get<std::string>());
    }
  }
  if (const std::string more = r.string("trackertags"); !more.empty()) {
    try {
      for (const std::string& t : json::parse(more).get<std::vector<std::string>>())
        item.tags.push_back(t);
    } catch (const json::exception&) {
      r.fail("\"trackertags\" must hold a JSON array of strings", task["trackertags"]);
    }
  }
  if (const std::string project = r.string("project"); !project.empty())
    item.tags.push_back("project:" + project);

  try {
    if (const std::string priority = r.string("priority"); !priority.empty())
      item.impact = rating_from_string(priority);
    if (const std::string effort = r.string("effort"); !effort.empty()) {
      item.effort = rating_from_string(effort);
      imported.provide(Field::effort);
    }
    if (r.find("owner")) {
      item.owners = parse_owners(r.string("owner"));
      imported.provide(Field::owners);
    }
  } catch (const ParseError& e) {
    throw ParseError("task: " + e.reason(), excerpt(e.text(), e.position()),
                     excerpt_position(e.position()), source, line);
  }
  if (r.find("details")) {
    item.details = r.string("details");
    imported.provide(Field::details);
  }
  if (r.find("statusnote")) {
    item.status_note = r.string("statusnote");
    imported.provide(Field::status_note);
  }

  if (const json* annotations = r.find("annotations")) {
    if (!annotations->is_array()) r.fail("\"annotations\" must be an array", *annotations);
    for (const json& a : *annotations) {
      const TaskReader ar{a, source, line};
      if (!a.is_object()) r.fail("an annotation must be an object", a);
      Note note;
      note.text = ar.string("description");
      if (trim(note.text).empty()) r.fail("an annotation needs a \"description\"", a);
      note.at = ar.time("entry");
      if (note.at.is_not_a_date_time())
        note.at = entry.is_not_a_date_time()
                      ? boost::posix_time::ptime(boost::gregorian::date(1970, 1, 1))
                      : entry;
      imported.notes.push_back(std::move(note));
    }
  }
  return imported;
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string compact_time(const boost::posix_time::ptime& t) {
  return boost::posix_time::to_iso_string(boost::posix_time::ptime(
             t.date(), boost::posix_time::seconds(t.time_of_day().total_seconds()))) +
         "Z";
}

std::string compact_date(const boost::gregorian::date& d) {
  return boost::gregorian::to_iso_string(d) + "T000000Z";
}

}  // namespace

std::vector<ImportedItem> parse_taskwarrior_items(std::string_view text,
                                                  const std::string& source) {
  std::vector<ImportedItem> out;
  const std::string_view body = trim(text);
  auto take = [&](const json& task, std::size_t line) {
    if (task.is_object()) {
      if (const auto it = task.find("status");
          it != task.end() && it->is_string() && it->get<std::string>() == "recurring")
        return;  // a template; its instances are pending tasks of their own
    }
    out.push_back(read_task(task, source, line));
  };
  if (body.empty() || body.front() == '[') {
    const json doc = parse_json_document(text, source);
    if (!doc.is_array())
      throw ParseError("expected a JSON array of tasks (task export)", excerpt(text, 0), 0, source,
                       1);
    const std::vector<std::size_t> lines = lines_of(text, json_item_offsets(text));
    std::size_t k = 0;
    for (const json& task : doc) {
      take(task, k < lines.size() ? lines[k] : 1);
      ++k;
    }
    return out;
  }
  // rc.json.array=off: one task per line (a trailing comma is tolerated).
  std::size_t start = 0, line = 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = trim(text.substr(start, end - start));
    if (!row.empty() && row.back() == ',') row.remove_suffix(1);
    if (!row.empty()) {
      const json task = [&] {
        try {
          return parse_json_document(row, source);
        } catch (const ParseError& e) {
          throw ParseError(e.reason(), e.text(), e.position(), source, line);
        }
      }();
      take(task, line);
    }
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
  return out;
}

std::string taskwarrior_uuid(const ActionItem& item) {
  if (is_uuid(item.ref)) return lower(item.ref);
  const std::string key = "libtracker:" + std::to_string(item.id) + ":" + iso_date(item.created);
  const std::uint64_t hi = fnv1a(key, 14695981039346656037ULL);
  const std::uint64_t lo = fnv1a(key + ":lo", 0x9E3779B97F4A7C15ULL ^ hi);
  unsigned char bytes[16];
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
    bytes[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4 layout
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string out;
  char hex[3];
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    std::snprintf(hex, sizeof hex, "%02x", bytes[i]);
    out += hex;
  }
  return out;
}

std::string write_taskwarrior_items(const Store& store, const std::vector<ActionItem>& items) {
  std::string out = "[\n";
  bool first = true;
  for (const ActionItem& item : items) {
    json task = json::object();
    task["uuid"] = taskwarrior_uuid(item);
    task["description"] = item.text;
    switch (item.state) {
      case State::open:
        task["status"] = "pending";
        break;
      case State::in_progress:
        task["status"] = "pending";
        break;
      case State::blocked:
        task["status"] = "pending";
        task["trackerstate"] = "blocked";
        break;
      case State::done:
        task["status"] = "completed";
        break;
      case State::cancelled:
        task["status"] = "deleted";
        break;
    }
    const boost::gregorian::date created = item.created.is_special() ? store.today() : item.created;
    task["entry"] = compact_date(created);
    task["modified"] = compact_time(store.now());
    if (item.state == State::in_progress) task["start"] = compact_date(created);
    if (is_closed(item.state))
      task["end"] = compact_date(item.closed ? *item.closed : store.today());
    if (item.due.has_date()) task["due"] = compact_date(item.due.date());
    if (item.due.is_tbd()) task["trackerdue"] = item.due.text();
    if (!is_uuid(item.ref) && !item.ref.empty()) task["trackerref"] = item.ref;
    json tags = json::array();
    json other_tags = json::array();
    for (const std::string& tag : item.tags) {
      if (tag.rfind("project:", 0) == 0 && !task.contains("project") && tag.size() > 8 &&
          taskwarrior_safe_tag(tag.substr(8)))
        task["project"] = tag.substr(8);
      else if (taskwarrior_safe_tag(tag))
        tags.push_back(tag);
      else
        other_tags.push_back(tag);
    }
    if (!tags.empty()) task["tags"] = std::move(tags);
    if (!other_tags.empty()) task["trackertags"] = other_tags.dump();
    if (item.impact)
      task["priority"] = *item.impact == Rating::high     ? "H"
                         : *item.impact == Rating::medium ? "M"
                                                          : "L";
    if (item.effort)
      task["effort"] = *item.effort == Rating::high     ? "H"
                       : *item.effort == Rating::medium ? "M"
                                                        : "L";
    if (!item.owners.empty()) task["owner"] = join(item.owners, ", ");
    if (!item.details.empty()) task["details"] = item.details;
    if (!item.status_note.empty()) task["statusnote"] = item.status_note;
    if (item.id != 0) {
      json annotations = json::array();
      for (const Note& n : store.notes(item.id))
        annotations.push_back({{"entry", compact_time(n.at)}, {"description", n.text}});
      if (!annotations.empty()) task["annotations"] = std::move(annotations);
    }
    out += first ? "" : ",\n";
    out += task.dump(-1, ' ', false, json::error_handler_t::replace);
    first = false;
  }
  out += "\n]\n";
  return out;
}

}  // namespace libtracker::detail
