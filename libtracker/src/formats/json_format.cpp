// The libtracker JSON document. Lossless: an export read back into an empty store gives the
// same items, notes and history (with their original times and actors).

#include "formats/json_format.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include "formats/format_util.hpp"
#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "store/item_codec.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

using nlohmann::json;

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Type-checked access to one key of an object, with errors placed at @p line.
struct ObjectReader {
  const json& object;
  const std::string& what;
  const std::string& source;
  std::size_t line;

  [[noreturn]] void fail(const std::string& reason, const json& value) const {
    const std::string shown = value.dump(-1, ' ', false, json::error_handler_t::replace);
    throw ParseError(what + ": " + reason, excerpt(shown, 0), 0, source, line);
  }
  std::string string(const char* key, bool required) const {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) fail(std::string("missing \"") + key + "\"", object);
      return {};
    }
    if (!it->is_string()) fail(std::string("\"") + key + "\" must be a string", *it);
    return it->get<std::string>();
  }
};

Note read_note(const json& value, const std::string& source, std::size_t line) {
  const std::string what = "note";
  if (!value.is_object()) ObjectReader{value, what, source, line}.fail("expected an object", value);
  const ObjectReader r{value, what, source, line};
  Note note;
  note.at = parse_iso_time(r.string("at", true), "note at");
  note.author = r.string("author", false);
  note.text = r.string("text", true);
  if (trim(note.text).empty()) r.fail("empty \"text\"", value);
  return note;
}

Event read_event(const json& value, const std::string& source, std::size_t line) {
  const std::string what = "history event";
  if (!value.is_object()) ObjectReader{value, what, source, line}.fail("expected an object", value);
  const ObjectReader r{value, what, source, line};
  Event e;
  e.at = parse_iso_time(r.string("at", true), "event at");
  e.actor = r.string("actor", false);
  const std::string kind = r.string("kind", true);
  if (kind == "created")
    e.kind = EventKind::created;
  else if (kind == "changed")
    e.kind = EventKind::changed;
  else if (kind == "note")
    e.kind = EventKind::note;
  else if (kind == "deleted")
    e.kind = EventKind::deleted;
  else
    r.fail("unknown kind (expected created, changed, note or deleted)", value);
  e.field = r.string("field", false);
  e.old_value = r.string("old", false);
  e.new_value = r.string("new", false);
  if (const auto it = value.find("version"); it != value.end() && !it->is_null()) {
    if (!it->is_number_integer()) r.fail("\"version\" must be an integer", *it);
    e.version = it->get<std::int64_t>();
  }
  // The values must be readable where history is rolled back (Store::get_as_of).
  if (e.kind == EventKind::changed) {
    const auto field = field_from_string(e.field);
    if (!field || !field_info(*field).recorded) r.fail("unknown field \"" + e.field + "\"", value);
    ActionItem scratch;
    scratch.text = "x";
    set_field(scratch, e.field, e.old_value);
    set_field(scratch, e.field, e.new_value);
  } else if (e.kind == EventKind::deleted) {
    try {
      item_from_json(json::parse(e.old_value));
    } catch (const json::exception&) {
      r.fail("a deleted event's \"old\" must be an item object", value);
    }
  }
  return e;
}

ImportedItem read_item(const json& value, const std::string& source, std::size_t line) {
  ImportedItem imported;
  imported.line = line;
  try {
    imported.item = item_from_json(value);
  } catch (const ParseError& e) {
    throw ParseError(e.reason(), excerpt(e.text(), 0), 0, source, line);
  }
  ActionItem& item = imported.item;
  const std::string what = "item";
  const ObjectReader r{value, what, source, line};
  item.id = 0;
  item.version = 0;
  item.meeting.reset();  // meeting ids mean nothing in another store
  if (trim(r.string("text", true)).empty()) r.fail("empty \"text\"", value);
  for (const Field field : all_fields)
    if (field != Field::meeting && field != Field::agenda_item &&
        value.contains(std::string(to_string(field))))
      imported.provide(field);
  // The due date as it was written ("30 May"), kept beside its meaning.
  const std::string due_text = r.string("due_text", false);
  if (!due_text.empty() && item.due.has_date()) item.due = Due::on(item.due.date(), due_text);
  if (!due_text.empty() && item.due.is_tbd()) item.due = Due::tbd(due_text);
  if (item.closed && !is_closed(item.state)) item.closed.reset();
  for (const char* list : {"notes", "history"}) {
    const auto it = value.find(list);
    if (it == value.end() || it->is_null()) continue;
    if (!it->is_array()) r.fail(std::string("\"") + list + "\" must be an array", *it);
  }
  try {
    if (const auto it = value.find("notes"); it != value.end() && it->is_array())
      for (const json& n : *it) imported.notes.push_back(read_note(n, source, line));
    if (const auto it = value.find("history"); it != value.end() && it->is_array())
      for (const json& e : *it) imported.history.push_back(read_event(e, source, line));
  } catch (const ParseError& e) {
    if (!e.source().empty() && e.line() > 0) throw;
    throw ParseError(e.reason(), excerpt(e.text(), 0), 0, source, line);
  }
  if (!imported.history.empty() && imported.history.front().kind != EventKind::created)
    r.fail("history must start with the \"created\" event", value["history"]);
  return imported;
}

}  // namespace

json parse_json_document(std::string_view text, const std::string& source) {
  // Depth first: the scan is cheap and keeps a hostile document from exhausting the stack.
  int depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > json_max_depth)
        throw ParseError("nested deeper than " + std::to_string(json_max_depth) + " levels",
                         excerpt(text, i), excerpt_position(i), source, line_of(text, i));
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string reason = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    if (const std::size_t colon = reason.find(": "); colon != std::string::npos)
      reason = reason.substr(colon + 2);
    throw ParseError("malformed JSON: " + reason, excerpt(text, at), excerpt_position(at), source,
                     line_of(text, at));
  } catch (const json::out_of_range& e) {
    // "number overflow parsing '1e999'": no byte offset, so the number is looked up.
    std::string reason = e.what();
    if (const std::size_t close = reason.find("] "); close != std::string::npos)
      reason = reason.substr(close + 2);
    std::size_t at = 0;
    if (const std::size_t q = reason.find('\''); q != std::string::npos) {
      const std::size_t end = reason.find('\'', q + 1);
      const std::string number = reason.substr(q + 1, end == std::string::npos ? end : end - q - 1);
      if (const std::size_t found = text.find(number); found != std::string_view::npos) at = found;
    }
    throw ParseError("malformed JSON: " + reason, excerpt(text, at), excerpt_position(at), source,
                     line_of(text, at));
  }
}

std::vector<std::size_t> json_item_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  std::vector<char> stack;
  bool in_string = false, escaped = false, key_expected = false, want_value = false;
  std::size_t string_start = 0, items_depth = 0;
  std::string last_key;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"') {
        in_string = false;
        if (key_expected && stack.size() == 1) {
          last_key = std::string(text.substr(string_start + 1, i - string_start - 1));
          key_expected = false;
        }
      }
      continue;
    }
    if (is_json_space(c)) continue;
    if (want_value && stack.size() == items_depth) {
      if (c != ']') offsets.push_back(i);
      want_value = false;
    }
    switch (c) {
      case '"':
        in_string = true;
        string_start = i;
        break;
      case '[':
      case '{': {
        const bool items_array =
            c == '[' && (stack.empty() || (items_depth == 0 && stack.size() == 1 &&
                                           stack[0] == '{' && last_key == "items"));
        stack.push_back(c);
        if (items_array && items_depth == 0) {
          items_depth = stack.size();
          want_value = true;
        }
        if (c == '{' && stack.size() == 1) key_expected = true;
        break;
      }
      case ']':
      case '}':
        if (!stack.empty()) stack.pop_back();
        break;
      case ',':
        if (stack.size() == 1 && stack[0] == '{') key_expected = true;
        if (stack.size() == items_depth) want_value = true;
        break;
      default:
        break;
    }
  }
  return offsets;
}

boost::posix_time::ptime parse_iso_time(const std::string& text, const std::string& what) {
  std::string_view s = trim(text);
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) s.remove_suffix(1);
  auto digits = [&](std::size_t from, std::size_t count) {
    if (from + count > s.size()) return false;
    for (std::size_t i = from; i < from + count; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  const bool shape = s.size() >= 19 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
                     digits(8, 2) && (s[10] == 'T' || s[10] == ' ') && digits(11, 2) &&
                     s[13] == ':' && digits(14, 2) && s[16] == ':' && digits(17, 2) &&
                     (s.size() == 19 || (s[19] == '.' && s.size() > 20 && s.size() <= 26 &&
                                         digits(20, s.size() - 20)));
  if (!shape)
    throw ParseError("expected a UTC time like 2017-06-15T10:30:00Z", excerpt(text, 0), 0, what);
  auto number = [&](std::size_t from, std::size_t count) {
    return std::stoi(std::string(s.substr(from, count)));
  };
  try {
    const boost::gregorian::date day(number(0, 4), number(5, 2), number(8, 2));
    const int h = number(11, 2), m = number(14, 2), sec = number(17, 2);
    if (h > 23 || m > 59 || sec > 59) throw std::out_of_range("time of day");
    long micros = 0;
    if (s.size() > 20) {
      std::string frac(s.substr(20));
      frac.resize(6, '0');
      micros = std::stol(frac);
    }
    return boost::posix_time::ptime(
        day, boost::posix_time::hours(h) + boost::posix_time::minutes(m) +
                 boost::posix_time::seconds(sec) + boost::posix_time::microseconds(micros));
  } catch (const std::out_of_range&) {
    throw ParseError("no such date or time", excerpt(text, 0), 0, what);
  }
}

std::vector<ImportedItem> parse_json_items(std::string_view text, const std::string& source) {
  const json doc = parse_json_document(text, source);
  const json* items = &doc;
  if (doc.is_object()) {
    const ObjectReader r{doc, "document", source, 1};
    if (const auto it = doc.find("format"); it != doc.end()) {
      if (!it->is_string() || it->get<std::string>() != "libtracker")
        r.fail("\"format\" must be \"libtracker\"", *it);
    }
    if (const auto it = doc.find("version"); it != doc.end()) {
      if (!it->is_number_integer() || it->get<std::int64_t>() != 1)
        r.fail("unsupported \"version\" (this build reads version 1)", *it);
    }
    const auto it = doc.find("items");
    if (it == doc.end()) r.fail("missing \"items\"", doc);
    if (!it->is_array()) r.fail("\"items\" must be an array", *it);
    items = &*it;
  } else if (!doc.is_array()) {
    throw ParseError(
        "expected a libtracker document (an object with \"items\") or an array of items",
        excerpt(text, 0), 0, source, 1);
  }
  const std::vector<std::size_t> lines = lines_of(text, json_item_offsets(text));
  std::vector<ImportedItem> out;
  out.reserve(items->size());
  std::size_t k = 0;
  for (const json& value : *items) {
    const std::size_t line = k < lines.size() ? lines[k] : 1;
    if (!value.is_object())
      throw ParseError("item: expected an object",
                       excerpt(value.dump(-1, ' ', false, json::error_handler_t::replace), 0), 0,
                       source, line);
    out.push_back(read_item(value, source, line));
    ++k;
  }
  return out;
}

std::string write_json_items(const Store& store, const std::vector<ActionItem>& items) {
  json list = json::array();
  for (const ActionItem& item : items) {
    json j = item_to_json(item);
    j["ref"] = item.ref;
    if (!item.due.is_none() && item.due.text() != item.due.to_string())
      j["due_text"] = item.due.text();
    json notes = json::array();
    json history = json::array();
    if (item.id != 0) {
      for (const Note& n : store.notes(item.id))
        notes.push_back({{"at", iso_time(n.at)}, {"author", n.author}, {"text", n.text}});
      for (const Event& e : store.history(item.id))
        history.push_back({{"at", iso_time(e.at)},
                           {"actor", e.actor},
                           {"kind", std::string(to_string(e.kind))},
                           {"field", e.field},
                           {"old", e.old_value},
                           {"new", e.new_value},
                           {"version", e.version}});
    }
    j["notes"] = std::move(notes);
    j["history"] = std::move(history);
    list.push_back(std::move(j));
  }
  const json doc = {{"format", "libtracker"}, {"version", 1}, {"items", std::move(list)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace libtracker::detail
