#pragma once
// The baselines: what a careful programmer writes against the SQLite C API alone, with no
// library in between. Each does the same work as the libtracker call it is compared with:
//
//   - bulk_insert: the same tables, indexes and foreign keys as libtracker's schema (version 1,
//     copied below), in WAL mode with synchronous=NORMAL and foreign keys enforced, and the same
//     rows: the item, its owner links (owners created on first use, their ids kept in a hash
//     map), its tags, its "created" history event and its full-text entry, written with
//     prepared INSERTs in one transaction;
//   - count_overdue: the same SELECT count(*) over the partial index of open items;
//   - find_owner_open: the same SELECT, every column read into a plain struct.

#include <sqlite3.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdint>
#include <libtracker/action_item.hpp>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_data.hpp"

namespace bench::plain {

/// libtracker's schema version 1 (libtracker/src/schema.cpp), as a plain program would hold it.
inline constexpr const char* schema = R"sql(
CREATE TABLE owners(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  initials TEXT NOT NULL DEFAULT '');
CREATE TABLE group_members(
  group_id INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  PRIMARY KEY(group_id, member_id)) WITHOUT ROWID;
CREATE INDEX group_members_member ON group_members(member_id);
CREATE TABLE meetings(id INTEGER PRIMARY KEY, title TEXT NOT NULL, date INTEGER,
  place TEXT NOT NULL DEFAULT '');
CREATE TABLE items(
  id INTEGER PRIMARY KEY, text TEXT NOT NULL, details TEXT NOT NULL DEFAULT '',
  due_kind INTEGER NOT NULL DEFAULT 0 CHECK(due_kind IN (0, 1, 2)), due_date INTEGER,
  due_text TEXT NOT NULL DEFAULT '', state INTEGER NOT NULL DEFAULT 0 CHECK(state BETWEEN 0 AND 4),
  status_note TEXT NOT NULL DEFAULT '', meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  impact INTEGER CHECK(impact BETWEEN 0 AND 2), effort INTEGER CHECK(effort BETWEEN 0 AND 2),
  created INTEGER NOT NULL, closed INTEGER, version INTEGER NOT NULL DEFAULT 1, ref TEXT,
  owners TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '');
CREATE INDEX items_open_due ON items(due_date) WHERE state < 3;
CREATE INDEX items_state_due ON items(state, due_date);
CREATE INDEX items_created ON items(created);
CREATE INDEX items_closed ON items(closed) WHERE closed IS NOT NULL;
CREATE INDEX items_meeting ON items(meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX items_ref ON items(ref) WHERE ref IS NOT NULL;
CREATE TABLE item_owners(
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE, position INTEGER NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES owners(id), PRIMARY KEY(item_id, position)) WITHOUT ROWID;
CREATE INDEX item_owners_owner ON item_owners(owner_id, item_id);
CREATE TABLE item_tags(
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE, tag TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY(item_id, tag)) WITHOUT ROWID;
CREATE INDEX item_tags_tag ON item_tags(tag, item_id);
CREATE TABLE notes(id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE, at INTEGER NOT NULL,
  author TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX notes_item ON notes(item_id);
CREATE TABLE events(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, at INTEGER NOT NULL,
  actor TEXT NOT NULL, kind INTEGER NOT NULL, field TEXT NOT NULL DEFAULT '',
  old_value TEXT NOT NULL DEFAULT '', new_value TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0);
CREATE INDEX events_item ON events(item_id, id);
CREATE INDEX events_at ON events(at);
CREATE INDEX events_field_at ON events(field, at);
CREATE VIRTUAL TABLE items_fts USING fts5(text, details, content='items', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
)sql";

inline void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

/// An open connection; closed by the destructor.
class Connection {
 public:
  explicit Connection(const std::string& path, bool read_only = false) {
    const int flags =
        read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    check(sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr), db_, "open");
  }
  ~Connection() { sqlite3_close_v2(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  sqlite3* get() const { return db_; }
  void exec(const char* sql) { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), db_, sql); }

 private:
  sqlite3* db_ = nullptr;
};

/// A prepared statement; finalized by the destructor.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr), db, sql);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  void text(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void null(int i) { sqlite3_bind_null(stmt_, i); }
  /// Runs a statement that returns no rows, then resets it.
  void run() {
    check(sqlite3_step(stmt_), db_, sqlite3_sql(stmt_));
    sqlite3_reset(stmt_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

inline std::int64_t days(boost::gregorian::date d) {
  return (d - boost::gregorian::date(1970, 1, 1)).days();
}

/// Writes @p items into a new database at @p path, as described at the top of this file.
inline void bulk_insert(const std::string& path, const std::vector<libtracker::ActionItem>& items,
                        std::int64_t now_micros) {
  Connection c(path);
  c.exec("PRAGMA journal_mode = WAL");
  c.exec("PRAGMA synchronous = NORMAL");
  c.exec("PRAGMA foreign_keys = ON");
  c.exec("BEGIN IMMEDIATE");
  c.exec(schema);
  Statement item(
      c.get(),
      "INSERT INTO items(text, details, due_kind, due_date, due_text, state, status_note, "
      "created, closed, version, owners, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
  Statement owner(c.get(), "INSERT INTO owners(name) VALUES (?)");
  Statement link(c.get(), "INSERT INTO item_owners(item_id, position, owner_id) VALUES (?, ?, ?)");
  Statement tag(c.get(), "INSERT INTO item_tags(item_id, tag) VALUES (?, ?)");
  Statement event(
      c.get(),
      "INSERT INTO events(item_id, at, actor, kind, new_value, version) VALUES (?, ?, ?, 0, ?, 1)");
  const std::string actor = "bench";
  std::unordered_map<std::string, std::int64_t> owner_ids;
  std::int64_t first_id = 0;
  for (const auto& it : items) {
    const std::string due_text = it.due.to_string();
    item.text(1, it.text);
    item.text(2, it.details);
    item.integer(3, static_cast<int>(it.due.kind()));
    if (it.due.has_date())
      item.integer(4, days(it.due.date()));
    else
      item.null(4);
    item.text(5, due_text);
    item.integer(6, static_cast<int>(it.state));
    item.text(7, it.status_note);
    item.integer(8, days(it.created));
    if (it.closed)
      item.integer(9, days(*it.closed));
    else
      item.null(9);
    const std::string owners = bench::joined(it.owners), tags = bench::joined(it.tags);
    item.text(10, owners);
    item.text(11, tags);
    item.run();
    const std::int64_t id = sqlite3_last_insert_rowid(c.get());
    if (first_id == 0) first_id = id;
    for (std::size_t i = 0; i < it.owners.size(); ++i) {
      auto [slot, fresh] = owner_ids.try_emplace(it.owners[i], 0);
      if (fresh) {
        owner.text(1, it.owners[i]);
        owner.run();
        slot->second = sqlite3_last_insert_rowid(c.get());
      }
      link.integer(1, id);
      link.integer(2, static_cast<std::int64_t>(i));
      link.integer(3, slot->second);
      link.run();
    }
    for (const auto& t : it.tags) {
      tag.integer(1, id);
      tag.text(2, t);
      tag.run();
    }
    event.integer(1, id);
    event.integer(2, now_micros);
    event.text(3, actor);
    event.text(4, it.text);
    event.run();
  }
  Statement fts(c.get(),
                "INSERT INTO items_fts(rowid, text, details) SELECT id, text, details FROM items "
                "WHERE id >= ?");
  fts.integer(1, first_id);
  fts.run();
  c.exec("COMMIT");
}

/// Open items due before @p today.
inline std::int64_t count_overdue(Statement& s, boost::gregorian::date today) {
  sqlite3_reset(s.get());
  s.integer(1, days(today));
  check(sqlite3_step(s.get()), sqlite3_db_handle(s.get()), "count");
  return sqlite3_column_int64(s.get(), 0);
}
inline constexpr const char* count_overdue_sql =
    "SELECT count(*) FROM items WHERE state < 3 AND due_date < ?";

/// One row of a find(), as a plain program keeps it.
struct Row {
  std::int64_t id = 0;
  std::string text, details, owners, due_text, status_note, tags, ref;
  int due_kind = 0, state = 0;
  std::int64_t due_date = 0, created = 0, closed = 0, version = 0, meeting = 0, impact = -1,
               effort = -1;
};

inline std::string column_text(sqlite3_stmt* s, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

/// The statement libtracker runs for find(owner, state), as it writes it: owner ids through the
/// owners' index, items by id ("+state" keeps SQLite, which has no statistics, from reading
/// every open item through the state index instead). The natural three-table join returns the
/// same rows in about twice the time (it sorts them by id).
inline constexpr const char* find_owner_open_sql =
    "SELECT id, text, details, due_kind, due_date, due_text, state, status_note, meeting_id, "
    "impact, effort, created, closed, version, ref, owners, tags FROM items "
    "WHERE +state IN (?2) AND id IN (SELECT item_id FROM item_owners WHERE owner_id IN "
    "(SELECT id FROM owners WHERE name IN (?1))) ORDER BY id";

/// Items of @p owner in state @p state, every column read.
inline std::vector<Row> find_owner_open(Statement& s, const std::string& owner, int state) {
  sqlite3_reset(s.get());
  s.text(1, owner);
  s.integer(2, state);
  std::vector<Row> rows;
  sqlite3_stmt* st = s.get();
  while (sqlite3_step(st) == SQLITE_ROW) {
    Row r;
    r.id = sqlite3_column_int64(st, 0);
    r.text = column_text(st, 1);
    r.details = column_text(st, 2);
    r.due_kind = sqlite3_column_int(st, 3);
    r.due_date = sqlite3_column_int64(st, 4);
    r.due_text = column_text(st, 5);
    r.state = sqlite3_column_int(st, 6);
    r.status_note = column_text(st, 7);
    r.meeting = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 8);
    r.impact = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 9);
    r.effort = sqlite3_column_type(st, 10) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 10);
    r.created = sqlite3_column_int64(st, 11);
    r.closed = sqlite3_column_int64(st, 12);
    r.version = sqlite3_column_int64(st, 13);
    r.ref = column_text(st, 14);
    r.owners = column_text(st, 15);
    r.tags = column_text(st, 16);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace bench::plain
