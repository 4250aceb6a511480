#include <gtest/gtest.h>
#include <libtracker/error.hpp>
#include <libtracker/store.hpp>
#include <sqlite3.h>

#include <filesystem>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

void exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
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

TEST(Schema, NewerDatabaseIsRefusedAndLeftUnchanged) {
  TempDir dir;
  const std::string path = dir.file("future.db");
  { Store s(path); s.add(fixtures::item("from the future")); }
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
  { std::ofstream(path) << "Review open action items list & team members' to-do list, if needed\n"
                        << std::string(4096, 'x'); }
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
  { Store s(path); s.add(fixtures::item("x")); }
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
