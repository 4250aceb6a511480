#include "libtracker/store.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "libtracker/email_address.hpp"
#include "store/item_codec.hpp"
#include "store/schema.hpp"
#include "store/store_impl.hpp"
#include "text/text_util.hpp"

namespace libtracker {

namespace detail {

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

ActionItem read_item(sqlite3_stmt* s) {
  ActionItem item;
  item.id = sqlite3_column_int64(s, 0);
  item.text = column_text(s, 1);
  item.details = column_text(s, 2);
  const int due_kind = sqlite3_column_int(s, 3);
  std::string due_text = column_text(s, 5);
  if (due_kind == 2)
    item.due = Due::on(from_days(sqlite3_column_int64(s, 4)), std::move(due_text));
  else if (due_kind == 1)
    item.due = Due::tbd(std::move(due_text));
  item.state = all_states.at(static_cast<std::size_t>(sqlite3_column_int(s, 6)));
  item.status_note = column_text(s, 7);
  if (!column_is_null(s, 8)) item.meeting = sqlite3_column_int64(s, 8);
  if (!column_is_null(s, 9)) item.impact = static_cast<Rating>(sqlite3_column_int(s, 9));
  if (!column_is_null(s, 10)) item.effort = static_cast<Rating>(sqlite3_column_int(s, 10));
  item.created = from_days(sqlite3_column_int64(s, 11));
  if (!column_is_null(s, 12)) item.closed = from_days(sqlite3_column_int64(s, 12));
  item.version = sqlite3_column_int64(s, 13);
  item.ref = column_text(s, 14);
  item.owners = split_list(column_text_view(s, 15));
  item.tags = split_list(column_text_view(s, 16));
  if (!column_is_null(s, 17)) item.agenda_item = sqlite3_column_int64(s, 17);
  return item;
}

void rethrow_sqlite(const SQLite::Exception& e, const std::string& path) {
  const int code = e.getErrorCode();
  const std::string where = path.empty() ? std::string("database") : path;
  switch (code) {
    case SQLITE_NOTADB:
      throw SchemaError(where + " is not a tracker database (" + e.what() + ")");
    case SQLITE_FULL:
      throw StorageError(
          where + ": disk or database full; nothing was written (" + std::string(e.what()) + ")",
          e.getExtendedErrorCode());
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StorageError(where +
                             ": another connection held the database for too long; "
                             "nothing was written (" +
                             std::string(e.what()) + ")",
                         e.getExtendedErrorCode());
    case SQLITE_READONLY:
      throw StorageError(where + " is read-only (" + std::string(e.what()) + ")",
                         e.getExtendedErrorCode());
    default:
      throw StorageError(where + ": " + e.what(), e.getExtendedErrorCode());
  }
}

}  // namespace detail

namespace {

using detail::to_days;

const char* sqlite_path(const std::string& path) {
  return path.empty() ? ":memory:" : path.c_str();
}

std::string default_actor() {
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "libtracker";
}

/// Owners and tags trimmed, without empties and without case-insensitive repeats.
std::vector<std::string> clean_names(const std::vector<std::string>& names, const char* what) {
  std::vector<std::string> out;
  for (const auto& raw : names) {
    const std::string name(detail::trim(raw));
    if (name.empty()) throw InvalidArgumentError(std::string("empty ") + what + " name");
    if (name.find(detail::list_separator) != std::string::npos)
      throw ParseError("control character in name", name, name.find(detail::list_separator), what);
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](const std::string& o) { return detail::iequals(o, name); });
    if (!seen) out.push_back(name);
  }
  return out;
}

}  // namespace

void Store::Impl::flush_text_index() {
  if (text_index_pending.empty()) return;
  // Two statements for the whole transaction: FTS5 flushes at every statement boundary.
  nlohmann::json removed = nlohmann::json::array();
  nlohmann::json touched = nlohmann::json::array();
  for (const auto& [id, indexed] : text_index_pending) {
    if (indexed) removed.push_back({id, indexed->first, indexed->second});
    touched.push_back(id);
  }
  if (!removed.empty()) {
    auto& del = stmt(
        "INSERT INTO items_fts(items_fts, rowid, text, details) "
        "SELECT 'delete', value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)");
    del.bind(1, removed.dump());
    del.exec();
  }
  auto& add = stmt(
      "INSERT INTO items_fts(rowid, text, details) SELECT id, text, details FROM items "
      "WHERE id IN (SELECT value FROM json_each(?))");
  add.bind(1, touched.dump());
  add.exec();
  text_index_pending.clear();
}

// -- lifecycle ---------------------------------------------------------------------------

Store::Store(const std::string& path, const StoreOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path.empty() ? ":memory:" : path;
  impl_->clock = system_clock();
  impl_->actor = default_actor();
  impl_->guarded([&] {
    // A Store is used by one thread at a time, so SQLite's own locking is not needed.
    const int flags =
        SQLite::OPEN_NOMUTEX | (options.read_only ? SQLite::OPEN_READONLY
                                                  : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
    impl_->db = std::make_unique<SQLite::Database>(sqlite_path(impl_->path), flags,
                                                   options.busy_timeout_ms);
    detail::prepare_schema(*impl_->db, impl_->path, options.read_only);
    if (!options.read_only && impl_->path != ":memory:")
      impl_->db->exec("PRAGMA journal_mode = WAL");
    const std::string sync = detail::lower(options.synchronous);
    if (sync != "normal" && sync != "full" && sync != "off" && sync != "extra")
      throw InvalidArgumentError("unknown synchronous setting: " + options.synchronous);
    impl_->db->exec("PRAGMA synchronous = " + sync);
    impl_->db->exec("PRAGMA foreign_keys = ON");
    // Reports and data frames read many rows: mapping the file (up to SQLite's limit of
    // 2 GiB) spares a copy of every page through read(). The page cache holds the indexes a
    // large write updates (SQLite's default of 2 MiB makes a bulk write spill and re-read them).
    impl_->db->exec("PRAGMA mmap_size = 2147418112");
    impl_->db->exec("PRAGMA cache_size = -32768");
  });
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const noexcept { return impl_->path; }

int Store::user_version() const {
  return impl_->guarded([&] { return impl_->db->execAndGet("PRAGMA user_version").getInt(); });
}

// -- clock and actor ---------------------------------------------------------------------

void Store::set_clock(Clock clock) {
  impl_->clock = clock ? std::move(clock) : system_clock();
  impl_->fixed_today.reset();
}

void Store::set_today(std::optional<boost::gregorian::date> day) {
  if (day && day->is_special()) throw InvalidArgumentError("today must be a calendar date");
  impl_->fixed_today = day;
  impl_->clock = day ? fixed_clock(*day) : system_clock();
}

std::optional<boost::gregorian::date> Store::fixed_today() const { return impl_->fixed_today; }
boost::posix_time::ptime Store::now() const { return impl_->clock(); }
boost::gregorian::date Store::today() const { return now().date(); }
void Store::set_actor(std::string actor) { impl_->actor = std::move(actor); }
const std::string& Store::actor() const noexcept { return impl_->actor; }

// -- private write helpers ---------------------------------------------------------------

namespace {

struct Writer {
  Store::Impl& impl;
  std::int64_t at;

  OwnerId owner_id(const std::string& name, std::string* canonical) {
    auto& find = impl.stmt("SELECT id, name FROM owners WHERE name = ?");
    find.bind(1, name);
    if (find.executeStep()) {
      if (canonical) *canonical = find.getColumn(1).getString();
      return find.getColumn(0).getInt64();
    }
    auto& insert = impl.stmt("INSERT INTO owners(name) VALUES (?)");
    insert.bind(1, name);
    insert.exec();
    if (canonical) *canonical = name;
    return impl.db->getLastInsertRowid();
  }

  void check_meeting(const std::optional<MeetingId>& meeting) {
    if (!meeting) return;
    auto& s = impl.stmt("SELECT 1 FROM meetings WHERE id = ?");
    s.bind(1, *meeting);
    if (!s.executeStep()) throw NotFoundError("no meeting with id " + std::to_string(*meeting));
  }

  /// An agenda item must exist; the item takes its meeting, and may not name another one.
  void check_agenda_item(ActionItem& item) {
    if (!item.agenda_item) return;
    auto& s = impl.stmt("SELECT meeting_id FROM agenda_items WHERE id = ?");
    s.bind(1, *item.agenda_item);
    if (!s.executeStep())
      throw NotFoundError("no agenda item with id " + std::to_string(*item.agenda_item));
    const MeetingId meeting = s.getColumn(0).getInt64();
    if (!item.meeting) item.meeting = meeting;
    if (*item.meeting != meeting)
      throw InvalidArgumentError("agenda item " + std::to_string(*item.agenda_item) +
                                 " belongs to meeting " + std::to_string(meeting) +
                                 ", not to meeting " + std::to_string(*item.meeting));
  }

  void link_owners(ItemId id, std::vector<std::string>& owners) {
    auto& clear = impl.stmt("DELETE FROM item_owners WHERE item_id = ?");
    clear.bind(1, id);
    clear.exec();
    for (std::size_t i = 0; i < owners.size(); ++i) {
      const OwnerId oid = owner_id(owners[i], &owners[i]);
      auto& link =
          impl.stmt("INSERT INTO item_owners(item_id, position, owner_id) VALUES (?, ?, ?)");
      link.bind(1, id);
      link.bind(2, static_cast<std::int64_t>(i));
      link.bind(3, oid);
      link.exec();
    }
  }

  void link_tags(ItemId id, const std::vector<std::string>& tags) {
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

  void event(ItemId id, EventKind kind, const std::string& field, const std::string& old_value,
             const std::string& new_value, std::int64_t version) {
    auto& s = impl.stmt(
        "INSERT INTO events(item_id, at, actor, kind, field, old_value, new_value, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, id);
    s.bind(2, at);
    s.bind(3, impl.actor);
    s.bind(4, static_cast<int>(kind));
    s.bind(5, field);
    s.bind(6, old_value);
    s.bind(7, new_value);
    s.bind(8, version);
    s.exec();
  }

  /// The SET part of an UPDATE for one field of item_fields(), with bind_item's numbers.
  static const char* column_assignment(const std::string& field) {
    static const std::map<std::string, const char*> columns{
        {"text", "text = ?1"},
        {"details", "details = ?2"},
        {"due", "due_kind = ?3, due_date = ?4, due_text = ?5"},
        {"state", "state = ?6"},
        {"status_note", "status_note = ?7"},
        {"meeting", "meeting_id = ?8"},
        {"impact", "impact = ?9"},
        {"effort", "effort = ?10"},
        {"closed", "closed = ?12"},
        {"ref", "ref = ?14"},
        {"owners", "owners = ?15"},
        {"tags", "tags = ?16"},
        {"agenda_item", "agenda_item_id = ?18"}};
    return columns.at(field);
  }

  /// Binds every stored column of @p item, in the order of the INSERT and UPDATE below.
  static void bind_item(SQLite::Statement& s, const ActionItem& item) {
    s.bind(1, item.text);
    s.bind(2, item.details);
    s.bind(3, static_cast<int>(item.due.kind()));
    if (item.due.has_date())
      s.bind(4, to_days(item.due.date()));
    else
      s.bind(4);
    s.bind(5, item.due.is_none() ? std::string() : item.due.text());
    s.bind(6, static_cast<int>(item.state));
    s.bind(7, item.status_note);
    if (item.meeting)
      s.bind(8, *item.meeting);
    else
      s.bind(8);
    if (item.impact)
      s.bind(9, static_cast<int>(*item.impact));
    else
      s.bind(9);
    if (item.effort)
      s.bind(10, static_cast<int>(*item.effort));
    else
      s.bind(10);
    s.bind(11, to_days(item.created));
    if (item.closed)
      s.bind(12, to_days(*item.closed));
    else
      s.bind(12);
    s.bind(13, item.version);
    if (item.ref.empty())
      s.bind(14);
    else
      s.bind(14, item.ref);
    s.bind(15, detail::join_list(item.owners));
    s.bind(16, detail::join_list(item.tags));
    // An UPDATE names ?18 only when the agenda item changed.
    if (s.getBindParameterCount() < 18) return;
    if (item.agenda_item)
      s.bind(18, *item.agenda_item);
    else
      s.bind(18);
  }

  ActionItem insert(ActionItem item, boost::gregorian::date today) {
    item.text = std::string(detail::trim(item.text));
    if (item.text.empty()) throw InvalidArgumentError("an action item needs a text");
    item.owners = clean_names(item.owners, "owner");
    item.tags = clean_names(item.tags, "tag");
    check_meeting(item.meeting);
    check_agenda_item(item);
    if (item.created.is_special()) item.created = today;
    if (is_closed(item.state)) {
      if (!item.closed) item.closed = today;
    } else {
      item.closed.reset();
    }
    item.version = 1;
    // Owner names take their stored spelling before the row is written.
    std::vector<OwnerId> ids;
    for (auto& name : item.owners) ids.push_back(owner_id(name, &name));
    auto& s = impl.stmt(
        "INSERT INTO items(text, details, due_kind, due_date, due_text, state, status_note, "
        "meeting_id, impact, effort, created, closed, version, ref, owners, tags, agenda_item_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?18)");
    bind_item(s, item);
    s.exec();
    item.id = impl.db->getLastInsertRowid();
    impl.text_index_touch(item.id, std::nullopt);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto& link =
          impl.stmt("INSERT INTO item_owners(item_id, position, owner_id) VALUES (?, ?, ?)");
      link.bind(1, item.id);
      link.bind(2, static_cast<std::int64_t>(i));
      link.bind(3, ids[i]);
      link.exec();
    }
    for (const auto& tag : item.tags) {
      auto& link = impl.stmt("INSERT INTO item_tags(item_id, tag) VALUES (?, ?)");
      link.bind(1, item.id);
      link.bind(2, tag);
      link.exec();
    }
    // The item row holds the values since creation; later events hold every change to them.
    event(item.id, EventKind::created, {}, {}, item.text, item.version);
    return item;
  }

  ActionItem load(ItemId id) {
    auto& s = impl.stmt(std::string("SELECT ") + detail::item_columns + " FROM items WHERE id = ?");
    s.bind(1, id);
    if (!s.executeStep()) throw NotFoundError("no action item with id " + std::to_string(id));
    return detail::read_item(impl.handle(s));
  }

  /// Writes @p next over @p current, with one history event per changed field.
  ActionItem rewrite(const ActionItem& current, ActionItem next, boost::gregorian::date today) {
    next.text = std::string(detail::trim(next.text));
    if (next.text.empty()) throw InvalidArgumentError("an action item needs a text");
    next.owners = clean_names(next.owners, "owner");
    next.tags = clean_names(next.tags, "tag");
    if (next.meeting != current.meeting) check_meeting(next.meeting);
    if (next.agenda_item != current.agenda_item || next.meeting != current.meeting)
      check_agenda_item(next);
    if (is_closed(next.state) && !is_closed(current.state)) next.closed = today;
    if (!is_closed(next.state)) next.closed.reset();
    const bool owners_changed = next.owners != current.owners;
    if (owners_changed) link_owners(current.id, next.owners);  // canonical spellings
    std::vector<std::string> changed;
    for (const auto& field : detail::item_fields()) {
      if (!detail::same_field(current, next, field)) changed.push_back(field);
    }
    // A new wording of the same due date ("6/20" for "2017-06-20") is kept without an event.
    const bool due_text_changed = next.due.text() != current.due.text();
    if (changed.empty() && !due_text_changed) return current;
    next.version = current.version + 1;
    // Only the changed columns: SQLite rewrites the index entries of every column an UPDATE
    // names, so a new status note would otherwise rewrite all six of the item's indexes.
    // The parameters keep bind_item's numbers.
    std::string assignments = "version = ?13";
    for (const auto& field : changed) assignments += std::string(", ") + column_assignment(field);
    if (due_text_changed && std::find(changed.begin(), changed.end(), "due") == changed.end())
      assignments += std::string(", ") + column_assignment("due");
    auto& s = impl.stmt("UPDATE items SET " + assignments + " WHERE id = ?17");
    bind_item(s, next);
    s.bind(17, current.id);
    s.exec();
    if (next.tags != current.tags) link_tags(current.id, next.tags);
    if (next.text != current.text || next.details != current.details)
      impl.text_index_touch(current.id, std::make_pair(current.text, current.details));
    for (const auto& field : changed)
      event(current.id, EventKind::changed, field, detail::field_value(current, field),
            detail::field_value(next, field), next.version);
    return next;
  }

  void check_version(const ActionItem& current, std::optional<std::int64_t> expected) {
    if (expected && *expected != current.version)
      throw ConflictError("action item " + std::to_string(current.id) + " changed since version " +
                          std::to_string(*expected) + " (it is now version " +
                          std::to_string(current.version) + "); reload it and try again");
  }

  Note note(ItemId id, const std::string& text, std::int64_t version) {
    const std::string body(detail::trim(text));
    if (body.empty()) throw InvalidArgumentError("a note needs a text");
    auto& s = impl.stmt("INSERT INTO notes(item_id, at, author, text) VALUES (?, ?, ?, ?)");
    s.bind(1, id);
    s.bind(2, at);
    s.bind(3, impl.actor);
    s.bind(4, body);
    s.exec();
    Note n;
    n.id = impl.db->getLastInsertRowid();
    n.item = id;
    n.at = detail::from_micros(at);
    n.author = impl.actor;
    n.text = body;
    event(id, EventKind::note, {}, {}, body, version);
    return n;
  }
};

ActionItem apply(ActionItem item, const ItemChanges& c) {
  if (c.text) item.text = *c.text;
  if (c.details) item.details = *c.details;
  if (c.owners) item.owners = *c.owners;
  if (c.due) item.due = *c.due;
  if (c.state) item.state = *c.state;
  if (c.status_note) item.status_note = *c.status_note;
  if (c.tags) item.tags = *c.tags;
  if (c.meeting) item.meeting = *c.meeting;
  if (c.agenda_item) item.agenda_item = *c.agenda_item;
  if (c.impact) item.impact = *c.impact;
  if (c.effort) item.effort = *c.effort;
  if (c.ref) item.ref = *c.ref;
  return item;
}

}  // namespace

// -- items -------------------------------------------------------------------------------

ActionItem Store::add(const ActionItem& item) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, detail::to_micros(now)};
    ActionItem stored = w.insert(item, now.date());
    txn.commit();
    return stored;
  });
}

std::vector<ItemId> Store::add_all(const std::vector<ActionItem>& items) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, detail::to_micros(now)};
    std::vector<ItemId> ids;
    ids.reserve(items.size());
    for (const auto& item : items) ids.push_back(w.insert(item, now.date()).id);
    txn.commit();
    return ids;
  });
}

ActionItem Store::get(ItemId id) const {
  return impl_->guarded([&] { return Writer{*impl_, 0}.load(id); });
}

std::optional<ActionItem> Store::find_ref(const std::string& ref) const {
  return impl_->guarded([&]() -> std::optional<ActionItem> {
    if (ref.empty()) return std::nullopt;
    auto& s = impl_->stmt(std::string("SELECT ") + detail::item_columns +
                          " FROM items WHERE ref = ? ORDER BY id LIMIT 1");
    s.bind(1, ref);
    if (!s.executeStep()) return std::nullopt;
    return detail::read_item(impl_->handle(s));
  });
}

ActionItem Store::update(ItemId id, const ItemChanges& changes,
                         std::optional<std::int64_t> expected_version) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, detail::to_micros(now)};
    const ActionItem current = w.load(id);
    w.check_version(current, expected_version);
    ActionItem stored = w.rewrite(current, apply(current, changes), now.date());
    txn.commit();
    return stored;
  });
}

ActionItem Store::set_state(ItemId id, State state, const std::string& note,
                            std::optional<std::int64_t> expected_version) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, detail::to_micros(now)};
    const ActionItem current = w.load(id);
    w.check_version(current, expected_version);
    ActionItem next = current;
    next.state = state;
    ActionItem stored = w.rewrite(current, next, now.date());
    if (!detail::trim(note).empty()) w.note(id, note, stored.version);
    txn.commit();
    return stored;
  });
}

void Store::remove(ItemId id) {
  impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, detail::to_micros(impl_->clock())};
    const ActionItem current = w.load(id);
    auto& s = impl_->stmt("DELETE FROM items WHERE id = ?");
    s.bind(1, id);
    s.exec();
    impl_->text_index_touch(id, std::make_pair(current.text, current.details));
    nlohmann::json last = detail::item_to_json(current);
    last["ref"] = current.ref;
    w.event(id, EventKind::deleted, {}, last.dump(), {}, current.version);
    txn.commit();
  });
}

// -- notes -------------------------------------------------------------------------------

Note Store::add_note(ItemId id, const std::string& text) {
  return impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, detail::to_micros(impl_->clock())};
    const ActionItem current = w.load(id);  // NotFoundError for an unknown item
    Note n = w.note(id, text, current.version);
    txn.commit();
    return n;
  });
}

std::vector<Note> Store::notes(ItemId id) const {
  return impl_->guarded([&] {
    auto& s = impl_->stmt(
        "SELECT id, item_id, at, author, text FROM notes WHERE item_id = ? ORDER BY id");
    s.bind(1, id);
    std::vector<Note> out;
    while (s.executeStep()) {
      Note n;
      n.id = s.getColumn(0).getInt64();
      n.item = s.getColumn(1).getInt64();
      n.at = detail::from_micros(s.getColumn(2).getInt64());
      n.author = s.getColumn(3).getString();
      n.text = s.getColumn(4).getString();
      out.push_back(std::move(n));
    }
    return out;
  });
}

// -- owners -----------------------------------------------------------------

Owner Store::add_owner(const std::string& name, const std::string& initials) {
  return impl_->guarded([&] {
    const std::string clean(detail::trim(name));
    if (clean.empty()) throw InvalidArgumentError("an owner needs a name");
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, 0};
    const OwnerId id = w.owner_id(clean, nullptr);
    const std::string ini(detail::trim(initials));
    if (!ini.empty()) {
      auto& s = impl_->stmt("UPDATE owners SET initials = ? WHERE id = ?");
      s.bind(1, ini);
      s.bind(2, id);
      s.exec();
    }
    txn.commit();
    return owner(clean);
  });
}

Owner Store::set_owner_email(const std::string& name, const std::string& email) {
  const std::string address =
      detail::trim(email).empty() ? std::string() : parse_email_address(email);
  return impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    auto& s = impl_->stmt("UPDATE owners SET email = ? WHERE name = ?");
    s.bind(1, address);
    s.bind(2, std::string(detail::trim(name)));
    s.exec();
    if (impl_->db->getChanges() == 0) throw NotFoundError("no owner named \"" + name + "\"");
    txn.commit();
    return owner(name);
  });
}

Owner Store::owner(const std::string& name) const {
  return impl_->guarded([&] {
    auto& s = impl_->stmt("SELECT id, name, initials, email FROM owners WHERE name = ?");
    s.bind(1, std::string(detail::trim(name)));
    if (!s.executeStep()) throw NotFoundError("no owner named \"" + name + "\"");
    Owner o;
    o.id = s.getColumn(0).getInt64();
    o.name = s.getColumn(1).getString();
    o.initials = s.getColumn(2).getString();
    o.email = s.getColumn(3).getString();
    auto& m = impl_->stmt(
        "SELECT o.name FROM group_members g JOIN owners o ON o.id = g.member_id "
        "WHERE g.group_id = ? ORDER BY o.name");
    m.bind(1, o.id);
    while (m.executeStep()) o.members.push_back(m.getColumn(0).getString());
    return o;
  });
}

std::vector<Owner> Store::owners() const {
  return impl_->guarded([&] {
    std::vector<std::string> names;
    {
      auto& s = impl_->stmt("SELECT name FROM owners ORDER BY name");
      while (s.executeStep()) names.push_back(s.getColumn(0).getString());
    }
    std::vector<Owner> out;
    for (const auto& n : names) out.push_back(owner(n));
    return out;
  });
}

void Store::add_member(const std::string& group, const std::string& member) {
  impl_->guarded([&] {
    const std::string g(detail::trim(group)), m(detail::trim(member));
    if (g.empty() || m.empty()) throw InvalidArgumentError("a group and a member need names");
    if (detail::iequals(g, m)) throw InvalidArgumentError("a group cannot be its own member");
    detail::WriteTransaction txn(*impl_);
    Writer w{*impl_, 0};
    const OwnerId gid = w.owner_id(g, nullptr);
    const OwnerId mid = w.owner_id(m, nullptr);
    auto& s = impl_->stmt("INSERT OR IGNORE INTO group_members(group_id, member_id) VALUES (?, ?)");
    s.bind(1, gid);
    s.bind(2, mid);
    s.exec();
    txn.commit();
  });
}

// -- transactions ------------------------------------------------------------------------

void Store::atomically(const std::function<void()>& work) {
  impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    work();
    txn.commit();
  });
}

}  // namespace libtracker
