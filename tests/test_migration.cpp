// Schema migrations: an older database is brought to the current version in one transaction
// after a backup copy is written next to it; a step that fails leaves it as it was. The library
// has one schema version so far, so these tests run the migration machinery with one more step
// of their own, on a real version-1 database.

#include <gtest/gtest.h>
#include <libtracker/error.hpp>
#include <libtracker/store.hpp>
#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <stdexcept>

#include "schema.hpp"
#include "sqlite_support.hpp"
#include "support.hpp"

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
  /// The library's steps and one more: version 2 gives items a "priority" column.
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
  EXPECT_EQ(migrated.value("PRAGMA user_version"), "2");
  EXPECT_EQ(migrated.value("SELECT count(*) FROM items WHERE priority = 1"),
            migrated.value("SELECT count(*) FROM items WHERE state = 0"));
  EXPECT_EQ(migrated.integrity(), "ok");
  // The backup is the database as it was, and a tracker database itself.
  const std::string backup = path + ".bak-v1";
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
  EXPECT_TRUE(std::filesystem::exists(path + ".bak-v1"));
  EXPECT_TRUE(std::filesystem::exists(path + ".bak-v1.1"));
  // And the store still opens at its version, with everything in it.
  Store s(path);
  EXPECT_EQ(s.user_version(), 1);
  EXPECT_EQ(s.notes(1).size(), 1u);
}

TEST_F(Migration, ReadOnlyOpenOfAnOlderDatabaseIsRefusedUnchanged) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_THROW(detail::prepare_schema(db, path, true, with_step(add_priority)), SchemaError);
  EXPECT_EQ(RawDatabase(path).dump(), before);
  EXPECT_FALSE(std::filesystem::exists(path + ".bak-v1"));
}

}  // namespace
}  // namespace libtracker
