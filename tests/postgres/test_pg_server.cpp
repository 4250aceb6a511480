// The PostgreSQL engine against a real server: connecting and its errors, the schema and its
// versions, full-text search with unaccent, the append-only history, the reader and writer
// roles, retried serialization failures, rollback, and reconnecting after the server dropped
// the connection. scripts/test.sh runs this under pg_virtualenv (a throw-away cluster; libpq
// finds it through PGHOST, PGPORT, PGUSER and PGPASSWORD): `ctest --preset postgres`.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <random>
#include <string>
#include <thread>

#include "postgres/pg_connection.hpp"
#include "postgres/pg_schema.hpp"

using namespace libtracker;
using namespace libtracker::detail::pg;

namespace {

/// The test server's address: $LIBTRACKER_TEST_POSTGRES, else libpq's environment (PGHOST...).
std::string server() {
  if (const char* address = std::getenv("LIBTRACKER_TEST_POSTGRES")) return address;
  return "dbname=" +
         std::string(std::getenv("PGDATABASE") ? std::getenv("PGDATABASE") : "postgres");
}

std::string fresh_name(const char* prefix) {
  static std::mt19937_64 random{std::random_device{}()};
  return prefix + std::to_string(random() % 1000000000);
}

/// A tracker schema of its own for each test, dropped afterwards.
class PostgresServer : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::getenv("LIBTRACKER_TEST_POSTGRES") || std::getenv("PGHOST"))
        << "no test server: run under pg_virtualenv (scripts/test.sh does), or set "
           "LIBTRACKER_TEST_POSTGRES";
    schema = fresh_name("t");
    address = server() + " schema=" + schema;
  }
  void TearDown() override {
    Connection admin(parse_server_address(server()));
    admin.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    for (const std::string& role : roles) admin.exec("DROP ROLE IF EXISTS " + role);
  }
  Connection open() { return Connection(parse_server_address(address)); }
  /// A login role for the test, with a password; dropped afterwards.
  std::string login_role(const std::string& password, const std::string& member_of = {}) {
    const std::string name = fresh_name("u");
    Connection admin(parse_server_address(server()));
    admin.exec("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'" +
               (member_of.empty() ? "" : " IN ROLE " + member_of));
    roles.insert(roles.begin(), name);
    return name;
  }
  /// The address of the test's schema as @p user.
  std::string as(const std::string& user, const std::string& password) {
    return address + " user=" + user + " password=" + password;
  }

  std::string schema, address;
  std::vector<std::string> roles;
};

std::int64_t count(Connection& db, const std::string& table) {
  return db.exec("SELECT count(*) FROM " + table).integer(0, 0);
}

}  // namespace

TEST_F(PostgresServer, ARefusedConnectionNamesHostAndDatabaseButNeverThePassword) {
  try {
    Connection(parse_server_address(
        "host=127.0.0.1 port=1 dbname=review user=staff password=s3cret-pw connect_timeout=5"));
    FAIL() << "connected to port 1";
  } catch (const StorageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("127.0.0.1"), std::string::npos) << what;
    EXPECT_NE(what.find("database review"), std::string::npos) << what;
    EXPECT_EQ(what.find("s3cret-pw"), std::string::npos) << what;
  }
  const std::string user = login_role("right-pw");
  try {
    Connection(parse_server_address(as(user, "wrong-pw")));
    FAIL() << "a wrong password was accepted";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("authentication failed"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("wrong-pw"), std::string::npos) << e.what();
  }
}

TEST_F(PostgresServer, TheSchemaIsCreatedOnceAtTheCurrentVersion) {
  Connection db = open();
  EXPECT_EQ(schema_version(db), 0);
  prepare_schema(db);
  EXPECT_EQ(schema_version(db), schema_version_count());
  EXPECT_EQ(schema_version_count(), 3);
  prepare_schema(db);  // again: nothing to do
  for (const char* table : {"items", "owners", "group_members", "meetings", "agenda_items",
                            "agenda_people", "notes", "events", "reminders", "settings"})
    EXPECT_EQ(count(db, table), 0) << table;
  // Native types: a day is a date, an instant a timestamptz.
  const Result types = db.exec(
      "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
      "WHERE table_schema = $1 AND column_name IN ('due_date', 'created', 'at', 'sent_at') "
      "ORDER BY 1",
      {schema});
  ASSERT_EQ(types.rows(),
            5);  // items.due_date, items.created, notes.at, events.at, reminders.sent_at
  for (int r = 0; r < types.rows(); ++r) {
    const std::string column(types.text(r, 0));
    const std::string type(types.text(r, 1));
    EXPECT_EQ(type, column.find(".at") != std::string::npos || column == "reminders.sent_at"
                        ? "timestamp with time zone"
                        : "date")
        << column;
  }
}

TEST_F(PostgresServer, ClientsStartingTogetherPrepareTheSchemaOnce) {
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i)
    clients.emplace_back([&] {
      try {
        Connection db = open();
        prepare_schema(db);
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << e.what();
      }
    });
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures, 0);
  Connection db = open();
  EXPECT_EQ(schema_version(db), schema_version_count());
}

TEST_F(PostgresServer, ANewerTrackerOrAForeignSchemaIsRefusedUnchanged) {
  {
    Connection db = open();
    db.exec("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".budget(amount int)");
    EXPECT_THROW(prepare_schema(db), SchemaError);
    EXPECT_EQ(schema_version(db), 0);
    db.exec("DROP TABLE budget");
    prepare_schema(db);
    db.exec("UPDATE tracker_schema SET version = 99");
  }
  Connection db = open();
  try {
    prepare_schema(db);
    FAIL() << "a newer tracker was opened";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("version 99"), std::string::npos) << e.what();
  }
  EXPECT_EQ(schema_version(db), 99);
}

TEST_F(PostgresServer, FullTextSearchFindsNamesWithOrWithoutTheirAccents) {
  Connection db = open();
  prepare_schema(db);
  db.exec(
      "INSERT INTO items(text, details, created) VALUES "
      "('Send the scoping note to Danko Jevtović', '', '2017-06-15'), "
      "('Book the room', 'Régis Massé asked for it', '2017-06-15')");
  const auto found = [&](const std::string& words) {
    return db
        .exec(
            "SELECT count(*) FROM items WHERE search @@ "
            "plainto_tsquery('simple', tracker_unaccent($1))",
            {words})
        .integer(0, 0);
  };
  EXPECT_EQ(found("Jevtovic"), 1);
  EXPECT_EQ(found("jevtović"), 1);
  EXPECT_EQ(found("regis masse"), 1);
  EXPECT_EQ(found("scoping room"), 0);
  const Result plan = db.exec(
      "EXPLAIN SELECT id FROM items WHERE search @@ "
      "plainto_tsquery('simple', 'room')");
  ASSERT_GT(plan.rows(), 0);
}

TEST_F(PostgresServer, TheHistoryIsAppendOnlyEvenForItsOwner) {
  Connection db = open();
  prepare_schema(db);
  db.exec("INSERT INTO events(item_id, at, kind) VALUES (1, now(), 0)");
  EXPECT_EQ(db.exec("SELECT actor FROM events").text(0, 0), db.session_user());
  for (const char* change :
       {"UPDATE events SET actor = 'someone else'", "DELETE FROM events", "TRUNCATE events"}) {
    try {
      db.exec(change);
      ADD_FAILURE() << change << " was allowed";
    } catch (const StorageError& e) {
      EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(count(db, "events"), 1);
}

TEST_F(PostgresServer, AReaderReadsAndAWriterWritesButNeitherRewritesHistory) {
  Connection owner = open();
  prepare_schema(owner);
  const std::string reader_role = fresh_name("r"), writer_role = fresh_name("w");
  roles = {reader_role, writer_role};
  grant_roles(owner, {reader_role, writer_role});
  grant_roles(owner, {reader_role, writer_role});  // again: the roles exist, nothing breaks
  owner.exec("INSERT INTO items(text, created) VALUES ('Draft the work plan', '2017-06-15')");

  const std::string observer = login_role("observer-pw", reader_role);
  Connection reader(parse_server_address(as(observer, "observer-pw")));
  EXPECT_EQ(count(reader, "items"), 1);
  try {
    reader.exec("INSERT INTO items(text, created) VALUES ('Not allowed', '2017-06-16')");
    ADD_FAILURE() << "a reader wrote";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("permission denied"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count(owner, "items"), 1);

  const std::string staff = login_role("staff-pw", writer_role);
  Connection writer(parse_server_address(as(staff, "staff-pw")));
  writer.transaction([&] {
    writer.exec("UPDATE items SET state = 4, version = version + 1");
    writer.exec(
        "INSERT INTO events(item_id, at, kind, field, new_value) "
        "VALUES (1, now(), 1, 'state', 'done')");
  });
  // Who changed what is the role the server authenticated, not a name the client chose.
  EXPECT_EQ(owner.exec("SELECT actor FROM events").text(0, 0), staff);
  EXPECT_THROW(writer.exec("DELETE FROM events"), StorageError);
  EXPECT_THROW(writer.exec("UPDATE tracker_schema SET version = 1"), StorageError);
  EXPECT_EQ(count(owner, "events"), 1);
}

TEST_F(PostgresServer, ASerializationFailureIsRetriedInsideTheLibrary) {
  Connection a = open();
  prepare_schema(a);
  a.exec("INSERT INTO settings VALUES ('counter', '0')");
  Connection b = open();
  int attempts = 0;
  a.transaction([&] {
    ++attempts;
    const std::int64_t seen =
        std::stoll(std::string(a.exec("SELECT value FROM settings").text(0, 0)));
    if (attempts == 1) {
      // Another client changes the row between this read and this write.
      b.transaction([&] { b.exec("UPDATE settings SET value = (value::int + 1)::text"); });
    }
    a.exec("UPDATE settings SET value = $1", {std::to_string(seen + 1)});
  });
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(a.exec("SELECT value FROM settings").text(0, 0), "2");  // neither change lost
}

TEST_F(PostgresServer, AFailedTransactionWritesNothing) {
  Connection db = open();
  prepare_schema(db);
  EXPECT_THROW(db.transaction([&] {
    db.exec("INSERT INTO items(text, created) VALUES ('Half done', '2017-06-15')");
    db.exec("INSERT INTO events(item_id, at, kind) VALUES (1, now(), 99999999)");  // overflow
  }),
               StorageError);
  EXPECT_EQ(count(db, "items"), 0);
  EXPECT_EQ(count(db, "events"), 0);
}

TEST_F(PostgresServer, ADroppedConnectionIsAStorageErrorAndTheNextCallReconnects) {
  Connection db = open();
  prepare_schema(db);
  const std::string pid(db.exec("SELECT pg_backend_pid()").text(0, 0));
  Connection admin(parse_server_address(server()));
  admin.exec("SELECT pg_terminate_backend($1::int)", {pid});
  try {
    db.exec("SELECT 1");
    ADD_FAILURE() << "the dropped connection answered";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("connection"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count(db, "items"), 0);  // connected again, to the same schema
  EXPECT_NE(std::string(db.exec("SELECT pg_backend_pid()").text(0, 0)), pid);
}
