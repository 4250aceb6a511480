// The PostgreSQL engine against a real server: connecting and its errors, the schema and its
// versions, full-text search with unaccent, the append-only history, the reader and writer
// roles, retried serialization failures, rollback, and reconnecting after the server dropped
// the connection; and the Store on the server: roles, eight clients at once, a client killed
// mid-write, a server restart. scripts/test.sh runs this under pg_virtualenv (a throw-away cluster;
// libpq finds it through PGHOST, PGPORT, PGUSER and PGPASSWORD): `ctest --preset postgres`.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/store.hpp>
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
  /// A reader and a writer role for the test (not yet granted anything); dropped afterwards.
  TrackerRoles team_roles() {
    TrackerRoles made{fresh_name("r"), fresh_name("w")};
    roles.push_back(made.reader);
    roles.push_back(made.writer);
    return made;
  }
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
  EXPECT_EQ(schema_version_count(), 4);
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
  const TrackerRoles team = team_roles();
  grant_roles(owner, team);
  grant_roles(owner, team);  // again: the roles exist, nothing breaks
  owner.exec("INSERT INTO items(text, created) VALUES ('Draft the work plan', '2017-06-15')");

  const std::string observer = login_role("observer-pw", team.reader);
  Connection reader(parse_server_address(as(observer, "observer-pw")));
  EXPECT_EQ(count(reader, "items"), 1);
  try {
    reader.exec("INSERT INTO items(text, created) VALUES ('Not allowed', '2017-06-16')");
    ADD_FAILURE() << "a reader wrote";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("permission denied"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count(owner, "items"), 1);

  const std::string staff = login_role("staff-pw", team.writer);
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

// -- the Store on the server ----------------------------------------------------------------

namespace {

/// The number in $@p name, else @p fallback: the smoke size of a test that has a full size.
int size_from_env(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoi(v) : fallback;
}

/// Runs @p work in @p n child processes at once; true when every child exited with 0.
template <class Work>
bool in_processes(int n, Work work) {
  std::vector<pid_t> children;
  for (int k = 0; k < n; ++k) {
    const pid_t pid = fork();
    if (pid == 0) {
      int status = 1;
      try {
        status = work(k) ? 0 : 1;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "client %d: %s\n", k, e.what());
      }
      std::fflush(stderr);
      _exit(status);
    }
    children.push_back(pid);
  }
  bool ok = true;
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return ok;
}

}  // namespace

TEST_F(PostgresServer, AReaderStoreReadsAndItsWritesAreRefusedUnchanged) {
  Store team(address);
  team.add(ActionItem{0, "Draft the work plan"});
  const TrackerRoles names = team_roles();
  team.grant_roles(names.reader, names.writer);
  const std::string observer = login_role("observer-pw", names.reader);

  Store notebook(as(observer, "observer-pw"));
  EXPECT_EQ(notebook.count(), 1);
  EXPECT_EQ(notebook.get(1).text, "Draft the work plan");
  try {
    notebook.add(ActionItem{0, "Not allowed"});
    ADD_FAILURE() << "a reader wrote";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("permission denied"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("observer-pw"), std::string::npos) << e.what();
  }
  EXPECT_THROW(notebook.set_state(1, State::done), StorageError);
  EXPECT_EQ(team.count(), 1);
  EXPECT_EQ(team.get(1).state, State::open);
  EXPECT_EQ(team.history(1).size(), 1u);
}

// A tracker made by an older libtracker (here: its version set back to 3, which version 4's
// step finds as it left it) is upgraded by its owner; a team's role is told who can.
TEST_F(PostgresServer, AnOlderTrackerIsUpgradedByItsOwnerAndATeamRoleIsToldWhoCan) {
  const TrackerRoles names = team_roles();
  const std::string owner_role = [&] {
    Store team(address);
    team.grant_roles(names.reader, names.writer);
    return team.actor();
  }();
  const std::string staff = login_role("staff-pw", names.writer);
  Connection owner = open();
  owner.exec("UPDATE tracker_schema SET version = 3");
  try {
    Store laptop(as(staff, "staff-pw"));
    ADD_FAILURE() << "a team role opened an older tracker";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("only its owner, role " + owner_role), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(schema_version(owner), 3);
  EXPECT_EQ(Store(address).user_version(), schema_version_count());
  EXPECT_EQ(Store(as(staff, "staff-pw")).user_version(), schema_version_count());
}

// A session's temporary tables come first in its search_path: a writer's own "events" or
// "pg_class" must not change what the history's triggers see.
TEST_F(PostgresServer, AWritersTemporaryTablesCannotDodgeTheHistorysTriggers) {
  Connection owner = open();
  prepare_schema(owner);
  const TrackerRoles team = team_roles();
  grant_roles(owner, team);
  owner.exec("INSERT INTO events(item_id, at, kind) VALUES (1, now(), 0)");
  const std::string staff = login_role("staff-pw", team.writer);
  Connection writer(parse_server_address(as(staff, "staff-pw")));

  // A temporary "events" whose rows were written in the writer's own transaction.
  try {
    writer.transaction([&] {
      writer.exec("CREATE TEMPORARY TABLE events(id bigint)");
      writer.exec("INSERT INTO pg_temp.events SELECT id FROM " + schema + ".events");
      writer.exec("DELETE FROM " + schema + ".events");
    });
    ADD_FAILURE() << "a writer deleted committed history";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count(owner, "events"), 1);

  // Temporary catalogs that make the writer look like the schema's owner.
  writer.transaction([&] {
    writer.exec("CREATE TEMPORARY TABLE pg_class(oid oid, relnamespace oid)");
    writer.exec("CREATE TEMPORARY TABLE pg_namespace(oid oid, nspowner oid)");
    writer.exec("INSERT INTO pg_temp.pg_class SELECT oid, 1 FROM pg_catalog.pg_class");
    writer.exec(
        "INSERT INTO pg_temp.pg_namespace SELECT 1, oid FROM pg_catalog.pg_roles "
        "WHERE rolname = session_user");
    writer.exec("INSERT INTO " + schema +
                ".events(item_id, at, actor, kind) VALUES (1, now(), 'Someone Else', 1)");
  });
  EXPECT_EQ(owner.exec("SELECT actor FROM events ORDER BY id DESC LIMIT 1").text(0, 0), staff);
}

TEST_F(PostgresServer, AWriterStoreRecordsItsRoleWhateverNameItGives) {
  Store team(address);
  const TrackerRoles names = team_roles();
  team.grant_roles(names.reader, names.writer);
  const std::string staff = login_role("staff-pw", names.writer);

  Store laptop(as(staff, "staff-pw"));
  EXPECT_EQ(laptop.actor(), staff);
  laptop.set_actor("Someone Else");
  EXPECT_EQ(laptop.actor(), staff);
  // An import gives a new item the history it had elsewhere, with its own actors, in the
  // import's transaction: a writer's actors become the writer's.
  Event forged;
  forged.at = laptop.now();
  forged.actor = "Someone Else";
  forged.kind = EventKind::created;
  forged.new_value = "Send written responses to RT questions";
  forged.version = 1;
  ActionItem it;
  laptop.atomically([&] {
    it = laptop.add(ActionItem{0, forged.new_value});
    laptop.import_history(it.id, {forged}, {});
  });
  laptop.add_note(it.id, "sent on Friday");
  for (const Event& e : team.history(it.id)) EXPECT_EQ(e.actor, staff);
  EXPECT_EQ(team.notes(it.id).at(0).author, staff);
  // Nor change who wrote a note, nor remove one (removing the item takes its notes along).
  {
    Connection writer(parse_server_address(as(staff, "staff-pw")));
    EXPECT_THROW(writer.exec("UPDATE notes SET author = 'Someone Else'"), StorageError);
    EXPECT_THROW(writer.exec("DELETE FROM notes"), StorageError);
  }
  EXPECT_EQ(team.notes(it.id).at(0).author, staff);
  EXPECT_EQ(team.history(it.id).size(), 2u);  // created, note
  // Nobody may rewrite what is committed.
  EXPECT_THROW(laptop.import_history(it.id, {forged}, {}), StorageError);
  EXPECT_THROW(team.import_history(it.id, {forged}, {}), StorageError);
  EXPECT_EQ(team.history(it.id).size(), 2u);
  laptop.remove(it.id);
  EXPECT_TRUE(team.notes(it.id).empty());
  EXPECT_EQ(team.history(it.id).size(), 3u);  // and "deleted"
}

// Eight clients each make N read-modify-write changes of one item with the version they read,
// reading again after a ConflictError; readers make reports meanwhile. Every change is kept.
// Smoke size N = 25 in the test run; the full size: LIBTRACKER_PG_UPDATES=1000.
TEST_F(PostgresServer, EightClientsUpdatingOneItemLoseNoUpdate) {
  const int updates = size_from_env("LIBTRACKER_PG_UPDATES", 25);
  const int clients = 8;
  {
    Store team(address);
    ActionItem counter{0, "Count the changes"};
    counter.status_note = "0";
    team.add(counter);
  }
  const bool ok = in_processes(clients + 1, [&](int k) {
    Store s(address);
    if (k == clients) {  // a reader
      for (int i = 0; i < updates; ++i) {
        if (s.count() != 1) return false;
        if (std::stoi(s.get(1).status_note) < 0) return false;
      }
      return true;
    }
    for (int i = 0; i < updates; ++i) {
      for (;;) {
        const ActionItem now = s.get(1);
        ItemChanges c;
        c.status_note = std::to_string(std::stoi(now.status_note) + 1);
        try {
          s.update(1, c, now.version);
          break;
        } catch (const ConflictError&) {
        }
      }
    }
    return true;
  });
  EXPECT_TRUE(ok) << "a client failed (see its message above)";
  Store team(address);
  const ActionItem last = team.get(1);
  EXPECT_EQ(last.status_note, std::to_string(clients * updates));
  EXPECT_EQ(last.version, 1 + clients * updates);
  EXPECT_EQ(team.history(1).size(), static_cast<std::size_t>(1 + clients * updates));
}

// A client killed in the middle of its writes leaves whole transactions only.
TEST_F(PostgresServer, AClientKilledMidWriteLeavesNothingPartial) {
  { Store team(address); }
  const pid_t pid = fork();
  if (pid == 0) {
    Store s(address);
    ActionItem one{0, "One of fifty"};
    one.owners = {"ICANN Org"};
    std::vector<ActionItem> batch(50, one);
    for (;;) s.add_all(batch);
  }
  Store team(address);
  for (int i = 0; i < 400 && team.count() < 200; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  const std::int64_t items = team.count();
  EXPECT_GT(items, 0);
  EXPECT_EQ(items % 50, 0) << items << " items: a transaction was cut";
  Connection db = open();
  EXPECT_EQ(count(db, "events"), items);
  EXPECT_EQ(count(db, "item_owners"), items);
}

// The server stopped and started under a client: a clear StorageError, then the next call
// works. Needs the command that restarts the test server: scripts/test.sh sets
// LIBTRACKER_TEST_PG_RESTART.
TEST_F(PostgresServer, AServerRestartIsAStorageErrorThenTheStoreReconnects) {
  const char* restart = std::getenv("LIBTRACKER_TEST_PG_RESTART");
  if (restart == nullptr || *restart == '\0')
    GTEST_SKIP() << "LIBTRACKER_TEST_PG_RESTART is not set (scripts/test.sh sets it)";
  Store team(address);
  const ActionItem it = team.add(ActionItem{0, "Draft the work plan"});
  ASSERT_EQ(std::system(restart), 0);
  try {
    team.get(it.id);
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("connection"), std::string::npos) << e.what();
  }
  EXPECT_EQ(team.get(it.id).text, "Draft the work plan");
  ItemChanges c;
  c.status_note = "after the restart";
  EXPECT_EQ(team.update(it.id, c).version, 2);
}
