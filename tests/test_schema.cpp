#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <libtracker/error.hpp>
#include <libtracker/store.hpp>
#include <map>
#include <stdexcept>

#include "../bench/plain_sqlite.hpp"
#include "sqlite_support.hpp"
#include "store/schema.hpp"
#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

void exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

}  // namespace

TEST(Schema, NewDatabaseGetsTheCurrentVersionInWalMode) {
  TempDir dir;
  const std::string path = dir.file("new.db");
  Store s(path);
  EXPECT_EQ(s.user_version(), Store::schema_version);
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
}

// A team's notebook or script keeps its store open for thousands of writes: SQLite's
// checkpoints must copy them into the file and start the write-ahead log again, so that the log
// stays a few megabytes instead of growing with every write until the store is closed.
TEST(Schema, TheWriteAheadLogStaysSmallWhileAStoreStaysOpen) {
  TempDir dir;
  const std::string path = dir.file("long-lived.db");
  Store s(path);
  std::vector<ItemId> ids;
  for (int i = 0; i < 100; ++i)
    ids.push_back(s.add(fixtures::item("Item " + std::to_string(i))).id);
  for (int round = 0; round < 20; ++round)
    for (const ItemId id : ids) {
      ItemChanges c;
      c.status_note = "Followed up, round " + std::to_string(round);
      s.update(id, c);
    }
  // SQLite checkpoints at 1,000 pages (4 MB); one of these writes is a few pages.
  EXPECT_LT(std::filesystem::file_size(path + "-wal"), 8u << 20);
  EXPECT_EQ(s.get(ids.back()).status_note, "Followed up, round 19");
  EXPECT_EQ(s.history(ids.back()).size(), 21u);
}

// The numbers enumerations are stored as are the file format: files written by any version
// read the same.
TEST(Schema, EnumerationsAreStoredAsTheirFixedNumbers) {
  TempDir dir;
  const std::string path = dir.file("numbers.db");
  {
    Store s(path);
    s.set_today(date(2017, 6, 15));
    const ActionItem a = s.add(item("Open, undated"));
    ActionItem b = item("Blocked, TBD", {}, Due::tbd(), State::blocked);
    b.impact = Rating::high;
    b.effort = Rating::medium;
    s.add(b);
    const ActionItem c =
        s.add(item("Cancelled, dated", {}, Due::on(date(2017, 6, 20)), State::cancelled));
    s.add_note(c.id, "why");
    s.remove(a.id);
    Meeting m;
    m.title = "ICANN59";
    AgendaItem topic;
    topic.title = "Opening";
    topic.chairs = {{"Chair", ""}};
    topic.presenters = {{"Presenter", ""}};
    AgendaItem pause;
    pause.title = "Coffee";
    pause.kind = AgendaKind::break_time;
    m.agenda = {topic, pause};
    s.add_meeting(m);
  }
  const RawDatabase raw(path);
  EXPECT_EQ(raw.rows("SELECT id, state, due_kind, impact, effort FROM items ORDER BY id"),
            (std::vector<std::string>{"2|2|1|2|1", "3|4|2|∅|∅"}));
  EXPECT_EQ(raw.rows("SELECT item_id, kind FROM events ORDER BY id"),
            (std::vector<std::string>{"1|0", "2|0", "3|0", "3|2", "1|3"}));
  EXPECT_EQ(raw.rows("SELECT title, kind FROM agenda_items ORDER BY position"),
            (std::vector<std::string>{"Opening|0", "Coffee|1"}));
  EXPECT_EQ(raw.rows("SELECT o.name, p.role FROM agenda_people p JOIN owners o ON o.id = "
                     "p.owner_id ORDER BY p.role"),
            (std::vector<std::string>{"Chair|0", "Presenter|1"}));
}

TEST(Schema, NewerDatabaseIsRefusedAndLeftUnchanged) {
  TempDir dir;
  const std::string path = dir.file("future.db");
  {
    Store s(path);
    s.add(fixtures::item("from the future"));
  }
  exec(path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
  const std::string before = read_file(path);
  try {
    Store s(path);
    FAIL() << "a newer schema must be refused";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos);
  }
  EXPECT_EQ(read_file(path), before);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Schema, ForeignSqliteDatabaseIsRefused) {
  TempDir dir;
  const std::string path = dir.file("other.db");
  exec(path, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, amount REAL);");
  const std::string before = read_file(path);
  EXPECT_THROW(Store{path}, SchemaError);
  EXPECT_EQ(read_file(path), before);
}

TEST(Schema, FileThatIsNotSqliteIsRefused) {
  TempDir dir;
  const std::string path = dir.file("notes.txt");
  {
    std::ofstream(path) << "Review open action items list & team members' to-do list, if needed\n"
                        << std::string(4096, 'x');
  }
  const std::string before = read_file(path);
  try {
    Store s(path);
    FAIL() << "a text file must be refused";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("not a tracker database"), std::string::npos);
  }
  EXPECT_EQ(read_file(path), before);
}

TEST(Schema, EmptyFileBecomesATrackerDatabase) {
  TempDir dir;
  const std::string path = dir.file("empty.db");
  { std::ofstream touch(path); }
  Store s(path);
  EXPECT_EQ(s.count(), 0);
}

TEST(Schema, ReadOnlyStoreCannotWrite) {
  TempDir dir;
  const std::string path = dir.file("ro.db");
  {
    Store s(path);
    s.add(fixtures::item("x"));
  }
  StoreOptions ro;
  ro.read_only = true;
  Store s(path, ro);
  EXPECT_EQ(s.count(), 1);
  EXPECT_THROW(s.add(fixtures::item("y")), StorageError);
  EXPECT_EQ(s.count(), 1);
}

TEST(Schema, UnopenableFileIsAStorageError) {
  EXPECT_THROW(Store("/nonexistent-dir/sub/x.db"), StorageError);
}

// -- migrations ----------------------------------------------------------------------------
// An older database is brought to the current version in one transaction after a backup copy
// is written next to it; a step that fails leaves it as it was. The machinery is tested with
// one more step of the tests' own on a database at the current version, and the library's
// real steps on a database made at version 1.

namespace libtracker {
namespace {

using fixtures::RawDatabase;
using fixtures::TempDir;

class Migration : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Store s(path);
      s.set_today(fixtures::date(2017, 6, 15));
      fixtures::add_ssr2_items(s);
      s.add_note(1, "followed up 6/2");
    }
    before = RawDatabase(path).dump();
  }
  /// The library's steps and one more, which gives items a "priority" column.
  std::vector<detail::Migration> with_step(detail::Migration step) {
    std::vector<detail::Migration> steps = detail::migrations();
    steps.push_back(std::move(step));
    return steps;
  }
  static void add_priority(SQLite::Database& db) {
    db.exec("ALTER TABLE items ADD COLUMN priority INTEGER NOT NULL DEFAULT 0");
    db.exec("UPDATE items SET priority = 1 WHERE state = 0");
  }

  TempDir dir;
  const std::string path = dir.file("team.db");
  std::string before;
};

TEST_F(Migration, TheLibraryHasOneStepPerSchemaVersion) {
  EXPECT_EQ(detail::migrations().size(), static_cast<std::size_t>(Store::schema_version));
}

TEST_F(Migration, OlderDatabaseIsBackedUpThenMigrated) {
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    detail::prepare_schema(db, path, false, with_step(add_priority));
  }
  RawDatabase migrated(path);
  EXPECT_EQ(migrated.value("PRAGMA user_version"), std::to_string(Store::schema_version + 1));
  EXPECT_EQ(migrated.value("SELECT count(*) FROM items WHERE priority = 1"),
            migrated.value("SELECT count(*) FROM items WHERE state = 0"));
  EXPECT_EQ(migrated.integrity(), "ok");
  // The backup is the database as it was, and a tracker database itself.
  const std::string backup = path + ".bak-v" + std::to_string(Store::schema_version);
  ASSERT_TRUE(std::filesystem::exists(backup));
  EXPECT_EQ(RawDatabase(backup).dump(), before);
  Store old(backup);
  EXPECT_EQ(old.notes(1).at(0).text, "followed up 6/2");
}

TEST_F(Migration, AFailingStepLeavesTheDatabaseAsItWas) {
  auto failing = [](SQLite::Database& db) {
    add_priority(db);
    throw std::runtime_error("step 2 failed half way");
  };
  for (int attempt = 1; attempt <= 2; ++attempt) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    EXPECT_THROW(detail::prepare_schema(db, path, false, with_step(failing)), std::runtime_error);
  }
  EXPECT_EQ(RawDatabase(path).dump(), before);
  // Each attempt wrote its own backup; the second did not fail on the first one's file.
  const std::string bak = path + ".bak-v" + std::to_string(Store::schema_version);
  EXPECT_TRUE(std::filesystem::exists(bak));
  EXPECT_TRUE(std::filesystem::exists(bak + ".1"));
  // And the store still opens at its version, with everything in it.
  Store s(path);
  EXPECT_EQ(s.user_version(), Store::schema_version);
  EXPECT_EQ(s.notes(1).size(), 1u);
}

TEST_F(Migration, ReadOnlyOpenOfAnOlderDatabaseIsRefusedUnchanged) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_THROW(detail::prepare_schema(db, path, true, with_step(add_priority)), SchemaError);
  EXPECT_EQ(RawDatabase(path).dump(), before);
  EXPECT_FALSE(std::filesystem::exists(path + ".bak-v" + std::to_string(Store::schema_version)));
}

// Version 2 (meetings with times, agendas, action items linked to agenda items), on a real
// version-1 file with a meeting and items in it.
TEST(MigrationToV2, AVersionOneDatabaseKeepsEverythingAndGetsAgendas) {
  TempDir dir;
  const std::string path = dir.file("v1.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const std::vector<detail::Migration> v1{detail::migrations().front()};
    detail::prepare_schema(db, path, false, v1);
    db.exec(
        "INSERT INTO meetings(title, date, place) VALUES "
        "('SSR2 Staff, Co-Chairs Coordination', 17332, 'ICANN59 Johannesburg')");
    db.exec(
        "INSERT INTO items(text, created, meeting_id) VALUES ('Draft the work plan', 17332, 1)");
    db.exec("INSERT INTO items_fts(rowid, text, details) VALUES (1, 'Draft the work plan', '')");
  }
  const std::string before = RawDatabase(path).dump();
  Store s(path);
  EXPECT_EQ(s.user_version(), Store::schema_version);
  EXPECT_EQ(RawDatabase(path + ".bak-v1").dump(), before);
  const Meeting m = s.meeting(1);
  EXPECT_EQ(m.title, "SSR2 Staff, Co-Chairs Coordination");
  EXPECT_EQ(m.date, fixtures::date(2017, 6, 15));
  EXPECT_EQ(m.place, "ICANN59 Johannesburg");
  EXPECT_TRUE(m.series.empty());
  EXPECT_TRUE(m.agenda.empty());
  EXPECT_EQ(s.get(1).meeting, std::optional<MeetingId>(1));
  EXPECT_FALSE(s.get(1).agenda_item.has_value());
  // The new tables work on the migrated file.
  Meeting updated = m;
  AgendaItem topic;
  topic.title = "Review open action items/requests";
  updated.agenda.push_back(topic);
  updated = s.update_meeting(updated);
  ItemChanges link;
  link.agenda_item = updated.agenda.at(0).id;
  EXPECT_EQ(s.update(1, link).agenda_item, updated.agenda.at(0).id);
  EXPECT_EQ(RawDatabase(path).integrity(), "ok");
}

// The library's own steps on a database written by the first schema.
class MigrationFromVersion1 : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      const std::vector<detail::Migration> v1(detail::migrations().begin(),
                                              detail::migrations().begin() + 1);
      detail::prepare_schema(db, path, false, v1);
    }
    exec(path,
         "INSERT INTO owners(name, initials) VALUES ('Guðrun Poulsen', 'GP'), ('SSR2-RT', '');"
         "INSERT INTO group_members VALUES (2, 1);");
    before = RawDatabase(path).dump();
  }
  TempDir dir;
  const std::string path = dir.file("v1.db");
  std::string before;
};

TEST_F(MigrationFromVersion1, Version3GivesOwnersAnAddressAndKeepsTheBackup) {
  {
    Store s(path);
    EXPECT_EQ(s.user_version(), Store::schema_version);
    const Owner o = s.owner("Guðrun Poulsen");
    EXPECT_EQ(o.initials, "GP");
    EXPECT_EQ(o.email, "");
    s.set_owner_email("Guðrun Poulsen", "gudrun.poulsen@example.org");
    EXPECT_EQ(s.owner("SSR2-RT").members, std::vector<std::string>{"Guðrun Poulsen"});
  }
  EXPECT_EQ(RawDatabase(path).integrity(), "ok");
  EXPECT_EQ(RawDatabase(path).value("SELECT email FROM owners WHERE initials = 'GP'"),
            "gudrun.poulsen@example.org");
  ASSERT_TRUE(std::filesystem::exists(path + ".bak-v1"));
  RawDatabase backup(path + ".bak-v1");
  EXPECT_EQ(backup.value("PRAGMA user_version"), "1");
  EXPECT_EQ(backup.dump(), before);
}

// Version 4 makes the items table again, with AUTOINCREMENT: on a real version-3 file whose
// items have owners, tags, notes and a deleted last item, everything that refers to an item
// survives the drop of the old table, and the deleted item's id is not given again.
TEST(MigrationToV4, AVersionThreeDatabaseKeepsItsItemsAndRetiresDeletedIds) {
  TempDir dir;
  const std::string path = dir.file("v3.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const std::vector<detail::Migration> v3(detail::migrations().begin(),
                                            detail::migrations().begin() + 3);
    detail::prepare_schema(db, path, false, v3);
    db.exec(
        "INSERT INTO owners(name, initials) VALUES ('Guðrun Poulsen', 'GP');"
        "INSERT INTO items(id, text, created, owners, tags) VALUES "
        "  (1, 'Draft the work plan', 17332, 'Guðrun Poulsen', 'plan'),"
        "  (2, 'Circulate the terms of reference', 17333, '', '');"
        "INSERT INTO item_owners VALUES (1, 0, 1);"
        "INSERT INTO item_tags VALUES (1, 'plan');"
        "INSERT INTO notes(item_id, at, author, text) VALUES (1, 0, 'GP', 'First draft shared');"
        "INSERT INTO items_fts(rowid, text, details) VALUES (1, 'Draft the work plan', ''),"
        "  (2, 'Circulate the terms of reference', '');"
        "INSERT INTO events(item_id, at, actor, kind, version) VALUES (1, 0, 'GP', 0, 1),"
        "  (2, 0, 'GP', 0, 1), (3, 0, 'GP', 0, 1), (3, 1, 'GP', 3, 1);");
  }
  const std::string before = RawDatabase(path).dump();
  {
    Store s(path);
    EXPECT_EQ(s.user_version(), Store::schema_version);
    const ActionItem draft = s.get(1);
    EXPECT_EQ(draft.owners, std::vector<std::string>{"Guðrun Poulsen"});
    EXPECT_EQ(draft.tags, std::vector<std::string>{"plan"});
    ASSERT_EQ(s.notes(1).size(), 1u);
    EXPECT_EQ(s.notes(1).at(0).text, "First draft shared");
    Query mine;
    mine.owners = {"Guðrun Poulsen"};
    EXPECT_EQ(s.count(mine), 1);
    Query words;
    words.text = "terms reference";
    ASSERT_EQ(s.find(words).size(), 1u);
    EXPECT_EQ(s.find(words).at(0).id, 2);
    // Item 3 was deleted (its events remain): the next item is 4.
    EXPECT_EQ(s.add(item("Book the room")).id, 4);
    s.remove(1);  // the cascade from items still reaches owners, tags and notes
    EXPECT_TRUE(s.notes(1).empty());
  }
  RawDatabase migrated(path);
  EXPECT_EQ(migrated.integrity(), "ok");
  EXPECT_TRUE(migrated.rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(migrated.value("SELECT count(*) FROM item_owners"), "0");
  EXPECT_EQ(migrated.value("SELECT count(*) FROM item_tags"), "0");
  EXPECT_EQ(RawDatabase(path + ".bak-v3").dump(), before);
}

}  // namespace
}  // namespace libtracker

namespace {

/// Each schema object's SQL text by name, with the layout of the text taken out (runs of white
/// space are one space, none next to brackets and commas), so only what it defines counts.
std::map<std::string, std::string> schema_objects(SQLite::Database& db) {
  std::map<std::string, std::string> out;
  SQLite::Statement q(db, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL");
  while (q.executeStep()) {
    std::string sql;
    for (const char c : q.getColumn(1).getString()) {
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (space && (sql.empty() || sql.back() == ' ' || sql.back() == '(' || sql.back() == ','))
        continue;
      if ((c == ')' || c == ',') && !sql.empty() && sql.back() == ' ') sql.pop_back();
      sql += space ? ' ' : c;
    }
    out[q.getColumn(0).getString()] = sql;
  }
  return out;
}

}  // namespace

TEST(Schema, TheBenchmarksPlainSqliteCopyIsSchemaVersionOne) {
  // bench/plain_sqlite.hpp keeps its own copy of schema version 1, as a program written
  // against SQLite alone would; the benchmark is only fair while the two define the same
  // tables, indexes and full-text index.
  SQLite::Database real(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const std::vector<detail::Migration> version_one(detail::migrations().begin(),
                                                   detail::migrations().begin() + 1);
  detail::prepare_schema(real, ":memory:", false, version_one);
  SQLite::Database plain(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  plain.exec(bench::plain::schema);
  const auto want = schema_objects(real);
  EXPECT_GT(want.size(), 10u);
  EXPECT_EQ(schema_objects(plain), want);
}
