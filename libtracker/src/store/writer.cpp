#include "store/writer.hpp"

#include <algorithm>

#include "store/item_codec.hpp"
#include "store/stored_values.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

constexpr const char* event_columns =
    "item_id, at, actor, kind, field, old_value, new_value, version";

/// Owners and tags trimmed, without empties and without case-insensitive repeats.
std::vector<std::string> clean_names(const std::vector<std::string>& names, const char* what) {
  std::vector<std::string> out;
  for (const auto& raw : names) {
    const std::string name(trim(raw));
    if (name.empty()) throw InvalidArgumentError(std::string("empty ") + what + " name");
    if (name.find(list_separator) != std::string::npos)
      throw ParseError("control character in name", name, name.find(list_separator), what);
    const bool seen =
        std::any_of(out.begin(), out.end(), [&](const std::string& o) { return iequals(o, name); });
    if (!seen) out.push_back(name);
  }
  return out;
}

}  // namespace

OwnerId Writer::owner_id(const std::string& name, std::string* canonical) {
  const std::string key = lower(name);
  if (const auto seen = impl.owners_seen.find(key); seen != impl.owners_seen.end()) {
    if (canonical) *canonical = seen->second.second;
    return seen->second.first;
  }
  auto& find = impl.stmt("SELECT id, name FROM owners WHERE name = ?");
  find.bind(1, name);
  OwnerId id = 0;
  std::string stored = name;
  if (find.step()) {
    id = find.integer(0);
    stored = find.text(1);
  } else {
    auto& insert = impl.stmt("INSERT INTO owners(name) VALUES (?) RETURNING id");
    insert.bind(1, name);
    id = insert.returned_id();
  }
  if (canonical) *canonical = stored;
  if (impl.in_transaction()) impl.owners_seen.emplace(key, std::make_pair(id, std::move(stored)));
  return id;
}

void Writer::check_meeting(const std::optional<MeetingId>& meeting) {
  if (!meeting) return;
  auto& s = impl.stmt("SELECT 1 FROM meetings WHERE id = ?");
  s.bind(1, *meeting);
  if (!s.step()) throw NotFoundError("no meeting with id " + std::to_string(*meeting));
}

/// An agenda item must exist; the item takes its meeting, and may not name another one.
void Writer::check_agenda_item(ActionItem& item) {
  if (!item.agenda_item) return;
  auto& s = impl.stmt("SELECT meeting_id FROM agenda_items WHERE id = ?");
  s.bind(1, *item.agenda_item);
  if (!s.step()) throw NotFoundError("no agenda item with id " + std::to_string(*item.agenda_item));
  const MeetingId meeting = s.integer(0);
  if (!item.meeting) item.meeting = meeting;
  if (*item.meeting != meeting)
    throw InvalidArgumentError("agenda item " + std::to_string(*item.agenda_item) +
                               " belongs to meeting " + std::to_string(meeting) +
                               ", not to meeting " + std::to_string(*item.meeting));
}

void Writer::validate(ActionItem& item, const ActionItem* current) {
  item.text = std::string(trim(item.text));
  if (item.text.empty()) throw InvalidArgumentError("an action item needs a text");
  item.owners = clean_names(item.owners, "owner");
  item.tags = clean_names(item.tags, "tag");
  // A rewrite checks the meeting and agenda item only when they change.
  const bool meeting_changed = current == nullptr || item.meeting != current->meeting;
  if (meeting_changed) check_meeting(item.meeting);
  if (meeting_changed || item.agenda_item != current->agenda_item) check_agenda_item(item);
}

void Writer::link_owners(ItemId id, std::vector<std::string>& owners) {
  auto& clear = impl.stmt("DELETE FROM item_owners WHERE item_id = ?");
  clear.bind(1, id);
  clear.exec();
  for (std::size_t i = 0; i < owners.size(); ++i) {
    const OwnerId oid = owner_id(owners[i], &owners[i]);
    auto& link = impl.stmt("INSERT INTO item_owners(item_id, position, owner_id) VALUES (?, ?, ?)");
    link.bind(1, id);
    link.bind(2, static_cast<std::int64_t>(i));
    link.bind(3, oid);
    link.exec();
  }
}

void Writer::link_tags(ItemId id, const std::vector<std::string>& tags) {
  auto& clear = impl.stmt("DELETE FROM item_tags WHERE item_id = ?");
  clear.bind(1, id);
  clear.exec();
  for (const auto& tag : tags) {
    auto& link = impl.stmt("INSERT INTO item_tags(item_id, tag) VALUES (?, ?)");
    link.bind(1, id);
    link.bind(2, tag);
    link.exec();
  }
}

void Writer::event(ItemId id, EventKind kind, const std::string& field,
                   const std::string& old_value, const std::string& new_value,
                   std::int64_t version) {
  Event e;
  e.at = from_micros(at);
  e.kind = kind;
  e.field = field;
  e.old_value = old_value;
  e.new_value = new_value;
  e.version = version;
  event(id, e);
}

void Writer::event(ItemId id, const Event& e) {
  Statement& s = impl.stmt(std::string("INSERT INTO events(") + event_columns +
                           ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  Event stamped = e;
  if (stamped.actor.empty()) stamped.actor = impl.actor;
  bind_event(s, 1, id, stamped);
  s.exec();
}

void Writer::bind_event(Statement& s, int first, ItemId id, EventKind kind,
                        const std::string& field, const std::string& old_value,
                        const std::string& new_value, std::int64_t version) {
  Event e;
  e.at = from_micros(at);
  e.actor = impl.actor;
  e.kind = kind;
  e.field = field;
  e.old_value = old_value;
  e.new_value = new_value;
  e.version = version;
  bind_event(s, first, id, e);
}

void Writer::bind_event(Statement& s, int first, ItemId id, const Event& e) {
  s.bind(first, id);
  s.bind_instant(first + 1, to_micros(e.at));
  s.bind(first + 2, e.actor);
  s.bind(first + 3, stored(e.kind));
  s.bind(first + 4, e.field);
  s.bind(first + 5, e.old_value);
  s.bind(first + 6, e.new_value);
  s.bind(first + 7, e.version);
}

namespace {

/// How many rows one multi-row INSERT writes: the largest of these that fits what is left, so
/// that a store prepares at most five texts of each statement.
std::size_t rows_per_statement(std::size_t left) {
  for (const std::size_t n : {256u, 64u, 16u, 4u})
    if (left >= n) return n;
  return 1;
}

/// Writes @p rows rows into a table in multi-row INSERTs: @p head is "INSERT INTO t(a, b) VALUES
/// " and @p columns the number of columns; @p bind(statement, row, first) binds row @p row's
/// values to parameters first, first + 1, ...
template <class Bind>
void insert_rows(StoreImpl& impl, const std::string& head, int columns, std::size_t rows,
                 Bind bind) {
  for (std::size_t start = 0; start < rows;) {
    const std::size_t n = rows_per_statement(rows - start);
    std::string sql = head;
    int p = 1;
    for (std::size_t row = 0; row < n; ++row) {
      sql += row > 0 ? ", (" : "(";
      for (int c = 0; c < columns; ++c, ++p) sql += (c > 0 ? ", ?" : "?") + std::to_string(p);
      sql += ")";
    }
    Statement& s = impl.stmt(sql);
    for (std::size_t row = 0; row < n; ++row)
      bind(s, start + row, 1 + static_cast<int>(row) * columns);
    s.exec();
    start += n;
  }
}

}  // namespace

ActionItem Writer::insert(ActionItem item, boost::gregorian::date today) {
  std::vector<ActionItem> one;
  one.push_back(std::move(item));
  return std::move(insert_all(std::move(one), today).front());
}

std::vector<ActionItem> Writer::insert_all(std::vector<ActionItem> items,
                                           boost::gregorian::date today) {
  // Every item is checked, and its owners take their stored spelling, before any is written.
  std::vector<std::vector<OwnerId>> owner_ids(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) {
    ActionItem& item = items[k];
    validate(item, nullptr);
    if (item.created.is_special()) item.created = today;
    if (is_closed(item.state)) {
      if (!item.closed) item.closed = today;
    } else {
      item.closed.reset();
    }
    item.version = 1;
    for (auto& name : item.owners) owner_ids[k].push_back(owner_id(name, &name));
  }
  const int row_parameters = version_parameter();
  for (std::size_t start = 0; start < items.size();) {
    const std::size_t n = rows_per_statement(items.size() - start);
    Statement& s = impl.stmt(insert_items_sql(n));
    for (std::size_t row = 0; row < n; ++row)
      bind_item(s, items[start + row], static_cast<int>(row) * row_parameters);
    for (std::size_t row = 0; row < n; ++row) {
      if (!s.step()) throw StorageError("the database returned fewer ids than items written");
      items[start + row].id = s.integer(0);
    }
    s.exec();
    start += n;
  }
  // Their owner and tag links, and each one's "created" event: the item row holds the values
  // since creation; later events hold every change to them.
  std::vector<std::pair<std::size_t, std::size_t>> owners, tags;  // (item, position)
  for (std::size_t k = 0; k < items.size(); ++k) {
    impl.text_index_touch(items[k].id, std::nullopt);
    for (std::size_t i = 0; i < owner_ids[k].size(); ++i) owners.emplace_back(k, i);
    for (std::size_t i = 0; i < items[k].tags.size(); ++i) tags.emplace_back(k, i);
  }
  insert_rows(impl, "INSERT INTO item_owners(item_id, position, owner_id) VALUES ", 3,
              owners.size(), [&](Statement& s, std::size_t row, int p) {
                const auto [k, i] = owners[row];
                s.bind(p, items[k].id);
                s.bind(p + 1, static_cast<std::int64_t>(i));
                s.bind(p + 2, owner_ids[k][i]);
              });
  insert_rows(impl, "INSERT INTO item_tags(item_id, tag) VALUES ", 2, tags.size(),
              [&](Statement& s, std::size_t row, int p) {
                const auto [k, i] = tags[row];
                s.bind(p, items[k].id);
                s.bind(p + 1, items[k].tags[i]);
              });
  insert_rows(impl, std::string("INSERT INTO events(") + event_columns + ") VALUES ", 8,
              items.size(), [&](Statement& s, std::size_t row, int p) {
                const ActionItem& item = items[row];
                bind_event(s, p, item.id, EventKind::created, {}, {}, item.text, item.version);
              });
  return items;
}

ActionItem Writer::load(ItemId id) {
  auto& s = impl.stmt(std::string("SELECT ") + item_columns() + " FROM items WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) throw NotFoundError("no action item with id " + std::to_string(id));
  return read_item(s);
}

ActionItem Writer::rewrite(const ActionItem& current, ActionItem next,
                           boost::gregorian::date today) {
  validate(next, &current);
  if (is_closed(next.state) && !is_closed(current.state)) next.closed = today;
  if (!is_closed(next.state)) next.closed.reset();
  const bool owners_changed = next.owners != current.owners;
  if (owners_changed) link_owners(current.id, next.owners);  // canonical spellings
  std::vector<const FieldInfo*> changed;
  for (const FieldInfo& field : field_table()) {
    if (field.recorded && !field.same(current, next)) changed.push_back(&field);
  }
  // A new wording of the same due date ("6/20" for "2017-06-20") is kept without an event.
  const bool due_text_changed = next.due.text() != current.due.text();
  if (changed.empty() && !due_text_changed) return current;
  next.version = current.version + 1;
  // Only the changed columns: SQLite rewrites the index entries of every column an UPDATE
  // names, so a new status note would otherwise rewrite all six of the item's indexes.
  // The parameters keep bind_item's numbers.
  std::string assignments = "version = ?" + std::to_string(version_parameter());
  for (const FieldInfo* field : changed) assignments += ", " + column_assignment(field->field);
  const bool due_changed = std::any_of(changed.begin(), changed.end(),
                                       [](const FieldInfo* f) { return f->field == Field::due; });
  if (due_text_changed && !due_changed) assignments += ", " + column_assignment(Field::due);
  auto& s = impl.stmt("UPDATE items SET " + assignments + " WHERE id = ?" +
                      std::to_string(id_parameter()));
  bind_item(s, next);
  s.bind(id_parameter(), current.id);
  s.exec();
  if (next.tags != current.tags) link_tags(current.id, next.tags);
  if (next.text != current.text || next.details != current.details)
    impl.text_index_touch(current.id, std::make_pair(current.text, current.details));
  for (const FieldInfo* field : changed)
    event(current.id, EventKind::changed, field->name, field->text(current), field->text(next),
          next.version);
  return next;
}

void Writer::check_version(const ActionItem& current, std::optional<std::int64_t> expected) {
  if (expected && *expected != current.version)
    throw ConflictError("action item " + std::to_string(current.id) + " changed since version " +
                        std::to_string(*expected) + " (it is now version " +
                        std::to_string(current.version) + "); reload it and try again");
}

Note Writer::note_row(ItemId id, const std::string& text, const boost::posix_time::ptime& when,
                      const std::string& author) {
  const std::string body(trim(text));
  if (body.empty()) throw InvalidArgumentError("a note needs a text");
  auto& s =
      impl.stmt("INSERT INTO notes(item_id, at, author, text) VALUES (?, ?, ?, ?) RETURNING id");
  s.bind(1, id);
  s.bind_instant(2, to_micros(when));
  s.bind(3, author);
  s.bind(4, body);
  Note n;
  n.id = s.returned_id();
  n.item = id;
  n.at = when;
  n.author = author;
  n.text = body;
  return n;
}

Note Writer::note(ItemId id, const std::string& text, std::int64_t version) {
  Note n = note_row(id, text, from_micros(at), impl.actor);
  event(id, EventKind::note, {}, {}, n.text, version);
  return n;
}

}  // namespace libtracker::detail
