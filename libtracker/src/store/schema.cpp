#include "store/schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <vector>

#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "store/stored_values.hpp"

namespace libtracker::detail {
namespace {

// Version 1: the first schema. Dates are days since 1970-01-01, timestamps microseconds.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE owners(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  initials TEXT NOT NULL DEFAULT '');
CREATE TABLE group_members(
  group_id INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  PRIMARY KEY(group_id, member_id)) WITHOUT ROWID;
CREATE INDEX group_members_member ON group_members(member_id);
CREATE TABLE meetings(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  date INTEGER,
  place TEXT NOT NULL DEFAULT '');
CREATE TABLE items(
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '',
  due_kind INTEGER NOT NULL DEFAULT 0 CHECK(due_kind IN (0, 1, 2)),
  due_date INTEGER,
  due_text TEXT NOT NULL DEFAULT '',
  state INTEGER NOT NULL DEFAULT 0 CHECK(state BETWEEN 0 AND 4),
  status_note TEXT NOT NULL DEFAULT '',
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  impact INTEGER CHECK(impact BETWEEN 0 AND 2),
  effort INTEGER CHECK(effort BETWEEN 0 AND 2),
  created INTEGER NOT NULL,
  closed INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  ref TEXT,
  owners TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '');
CREATE INDEX items_open_due ON items(due_date) WHERE state < 3;
CREATE INDEX items_state_due ON items(state, due_date);
CREATE INDEX items_created ON items(created);
CREATE INDEX items_closed ON items(closed) WHERE closed IS NOT NULL;
CREATE INDEX items_meeting ON items(meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX items_ref ON items(ref) WHERE ref IS NOT NULL;
CREATE TABLE item_owners(
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES owners(id),
  PRIMARY KEY(item_id, position)) WITHOUT ROWID;
CREATE INDEX item_owners_owner ON item_owners(owner_id, item_id);
CREATE TABLE item_tags(
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY(item_id, tag)) WITHOUT ROWID;
CREATE INDEX item_tags_tag ON item_tags(tag, item_id);
CREATE TABLE notes(
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX notes_item ON notes(item_id);
-- No foreign key: the events of a deleted item stay, ending with its "deleted" event.
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind INTEGER NOT NULL,
  field TEXT NOT NULL DEFAULT '',
  old_value TEXT NOT NULL DEFAULT '',
  new_value TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0);
CREATE INDEX events_item ON events(item_id, id);
CREATE INDEX events_at ON events(at);
CREATE INDEX events_field_at ON events(field, at);
CREATE VIRTUAL TABLE items_fts USING fts5(
  text, details, content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
-- items_fts is kept by the store itself, once per transaction (see Store::Impl::flush_text_index):
-- FTS5 flushes its pending terms at every statement savepoint, so per-row triggers are slow.
)sql";

// Version 2: meetings get a series, days, times and a time zone, and an agenda whose items
// have chairs and presenters (owners, with the affiliation as written); an action item can
// name the agenda item it was raised under. Times of day are minutes since midnight.
constexpr const char* schema_v2 = R"sql(
ALTER TABLE meetings ADD COLUMN series TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN end_date INTEGER;
ALTER TABLE meetings ADD COLUMN start_time INTEGER;
ALTER TABLE meetings ADD COLUMN end_time INTEGER;
ALTER TABLE meetings ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
CREATE INDEX meetings_date ON meetings(date);
CREATE TABLE agenda_items(
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  day INTEGER NOT NULL DEFAULT 1,
  start_time INTEGER,
  end_time INTEGER,
  duration INTEGER,
  block TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  kind INTEGER NOT NULL DEFAULT 0 CHECK(kind IN (0, 1)),
  level_low INTEGER CHECK(level_low BETWEEN 1 AND 3),
  level_high INTEGER CHECK(level_high BETWEEN 1 AND 3),
  to_be_confirmed INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT '',
  UNIQUE(meeting_id, position));
CREATE TABLE agenda_people(
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
  role INTEGER NOT NULL CHECK(role IN (0, 1)),
  position INTEGER NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES owners(id),
  affiliation TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(agenda_item_id, role, position));
CREATE INDEX agenda_people_owner ON agenda_people(owner_id);
ALTER TABLE items ADD COLUMN agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL;
CREATE INDEX items_agenda_item ON items(agenda_item_id) WHERE agenda_item_id IS NOT NULL;
)sql";

// Version 3: owners' e-mail addresses ('' when none); the reminders sent to them, one row per
// message (the day it was about, when and by whom it was sent, to whom, the items it listed),
// so that a second run for the same day does not send again and "closed since the last
// reminder" has a date to start from; and the database's settings (the sender of reminders).
constexpr const char* schema_v3 = R"sql(
ALTER TABLE owners ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE TABLE reminders(
  id INTEGER PRIMARY KEY,
  day INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  recipient TEXT NOT NULL,
  address TEXT NOT NULL,
  message_id TEXT NOT NULL,
  items TEXT NOT NULL DEFAULT '');
CREATE INDEX reminders_recipient_day ON reminders(recipient, day);
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);
)sql";

// Version 4: an item's id is never given again, a deleted one's included (its history keeps
// the id). Without AUTOINCREMENT, SQLite gives a new row the largest id plus one, so removing
// the last item would hand its id to the next. SQLite cannot add AUTOINCREMENT to a table, so
// the table is made again (SQLite's documented way: new table, copy, drop, rename; foreign keys
// are off while a schema is prepared, so the drop deletes nothing that refers to items), and
// the sequence starts past every id the history has seen.
constexpr const char* schema_v4 = R"sql(
CREATE TABLE items_v4(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '',
  due_kind INTEGER NOT NULL DEFAULT 0 CHECK(due_kind IN (0, 1, 2)),
  due_date INTEGER,
  due_text TEXT NOT NULL DEFAULT '',
  state INTEGER NOT NULL DEFAULT 0 CHECK(state BETWEEN 0 AND 4),
  status_note TEXT NOT NULL DEFAULT '',
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  impact INTEGER CHECK(impact BETWEEN 0 AND 2),
  effort INTEGER CHECK(effort BETWEEN 0 AND 2),
  created INTEGER NOT NULL,
  closed INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  ref TEXT,
  owners TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL);
INSERT INTO items_v4 SELECT id, text, details, due_kind, due_date, due_text, state, status_note,
  meeting_id, impact, effort, created, closed, version, ref, owners, tags, agenda_item_id
  FROM items;
DROP TABLE items;
ALTER TABLE items_v4 RENAME TO items;
CREATE INDEX items_open_due ON items(due_date) WHERE state < 3;
CREATE INDEX items_state_due ON items(state, due_date);
CREATE INDEX items_created ON items(created);
CREATE INDEX items_closed ON items(closed) WHERE closed IS NOT NULL;
CREATE INDEX items_meeting ON items(meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX items_ref ON items(ref) WHERE ref IS NOT NULL;
CREATE INDEX items_agenda_item ON items(agenda_item_id) WHERE agenda_item_id IS NOT NULL;
DELETE FROM sqlite_sequence WHERE name = 'items';
INSERT INTO sqlite_sequence(name, seq) VALUES ('items', max(
  coalesce((SELECT max(id) FROM items), 0), coalesce((SELECT max(item_id) FROM events), 0)));
)sql";

// The migrations are history and never change; their CHECK constraints and the condition of
// items_open_due hold the stored numbers of the enumerations (stored_values.hpp):
static_assert(stored(State::open) == 0 && stored(State::cancelled) == 4);
static_assert(stored(first_closed_state) == 3);  // items_open_due: WHERE state < 3
static_assert(stored(Due::Kind::none) == 0 && stored(Due::Kind::date) == 2);
static_assert(stored(Rating::low) == 0 && stored(Rating::high) == 2);
static_assert(stored(AgendaKind::topic) == 0 && stored(AgendaKind::break_time) == 1);
static_assert(stored(AgendaRole::chair) == 0 && stored(AgendaRole::presenter) == 1);

int pragma_int(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

void backup(SQLite::Database& db, const std::string& path, int version) {
  if (path == ":memory:" || path.empty()) return;
  // A backup left by an earlier attempt is kept: VACUUM INTO will not overwrite a file.
  const std::string base = path + ".bak-v" + std::to_string(version);
  std::string target = base;
  for (int k = 1; std::filesystem::exists(target); ++k) target = base + "." + std::to_string(k);
  SQLite::Statement vacuum(db, "VACUUM INTO ?");
  vacuum.bind(1, target);
  vacuum.exec();
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps{
      [](SQLite::Database& db) { db.exec(schema_v1); },
      [](SQLite::Database& db) { db.exec(schema_v2); },
      [](SQLite::Database& db) { db.exec(schema_v3); },
      [](SQLite::Database& db) { db.exec(schema_v4); },
  };
  return steps;
}

void prepare_schema(SQLite::Database& db, const std::string& path, bool read_only,
                    const std::vector<Migration>& steps) {
  // Read before writing anything: a newer or foreign database must stay byte-for-byte as it was.
  int version = 0;
  int app = 0;
  int tables = 0;
  try {
    version = pragma_int(db, "user_version");
    app = pragma_int(db, "application_id");
    tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB)
      throw SchemaError(path + " is not a tracker database (not an SQLite file)");
    throw;
  }
  const int target = static_cast<int>(steps.size());
  if (version > target)
    throw SchemaError(path + " has schema version " + std::to_string(version) +
                      ", newer than this libtracker understands (" + std::to_string(target) +
                      "); upgrade libtracker to open it");
  if ((app != application_id && (version > 0 || tables > 0)) ||
      (app == application_id && version == 0 && tables > 0))
    throw SchemaError(path + " is not a tracker database (it holds other tables)");
  if (version == target) return;
  if (read_only)
    throw SchemaError(path + " needs a schema upgrade from version " + std::to_string(version) +
                      " and was opened read-only");

  if (version > 0) backup(db, path, version);
  // A step may make a table again (version 4): with foreign keys on, dropping the old table
  // would delete the rows that refer to it. The engine turns them on once the schema is ready.
  db.exec("PRAGMA foreign_keys = OFF");
  db.exec("BEGIN IMMEDIATE");
  try {
    // Another connection may have prepared the schema while this one waited for the lock.
    version = pragma_int(db, "user_version");
    if (version > target)
      throw SchemaError(path + " has schema version " + std::to_string(version) +
                        ", newer than this libtracker understands");
    for (int v = version; v < target; ++v) steps.at(static_cast<std::size_t>(v))(db);
    db.exec("PRAGMA application_id = " + std::to_string(application_id));
    db.exec("PRAGMA user_version = " + std::to_string(target));
    db.exec("COMMIT");
  } catch (...) {
    if (sqlite3_get_autocommit(db.getHandle()) == 0) db.exec("ROLLBACK");
    throw;
  }
}

}  // namespace libtracker::detail
