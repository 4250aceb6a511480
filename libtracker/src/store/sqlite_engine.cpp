#include "store/sqlite_engine.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "store/schema.hpp"
#include "store/sqlite_error.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

const char* pragma_value(Synchronous synchronous) {
  switch (synchronous) {
    case Synchronous::off:
      return "OFF";
    case Synchronous::full:
      return "FULL";
    case Synchronous::extra:
      return "EXTRA";
    case Synchronous::normal:
      break;
  }
  return "NORMAL";
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql, const std::string& path)
      : db_(db), path_(path) {
    const int rc = sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &handle_, nullptr);
    if (rc != SQLITE_OK) fail(rc);
  }
  ~SqliteStatement() override { sqlite3_finalize(handle_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  /// Ready for new bindings; ends the rows of the last run.
  void reset() {
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
    done_ = false;
  }
  /// Ends the rows of the last run (keeps the bindings); never throws.
  void close() noexcept { sqlite3_reset(handle_); }

  void bind(int p, std::int64_t v) override { check(sqlite3_bind_int64(handle_, p, v)); }
  void bind(int p, std::string_view v) override {
    check(sqlite3_bind_text64(handle_, p, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void bind_null(int p) override { check(sqlite3_bind_null(handle_, p)); }
  void bind_day(int p, std::int64_t days) override { bind(p, days); }
  void bind_instant(int p, std::int64_t micros) override { bind(p, micros); }

  bool step() override {
    if (done_) return false;
    const int rc = sqlite3_step(handle_);
    if (rc == SQLITE_ROW) return true;
    done_ = true;
    if (rc == SQLITE_DONE) return false;
    fail(rc);
  }

  bool is_null(int c) override { return sqlite3_column_type(handle_, c) == SQLITE_NULL; }
  std::int64_t integer(int c) override { return sqlite3_column_int64(handle_, c); }
  std::string_view text_view(int c) override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(handle_, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(handle_, c)))
             : std::string_view();
  }
  std::int64_t day(int c) override { return sqlite3_column_int64(handle_, c); }
  std::int64_t instant(int c) override { return sqlite3_column_int64(handle_, c); }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail(rc);
  }
  [[noreturn]] void fail(int rc) { rethrow_sqlite(SQLite::Exception(db_, rc), path_); }

  sqlite3* db_;
  const std::string& path_;
  sqlite3_stmt* handle_ = nullptr;
  bool done_ = false;
};

/// Words as an FTS5 query: each word quoted, so user text is never FTS syntax.
std::string fts_query(const std::string& text) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string quoted = "\"";
    for (char c : word) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    out += (out.empty() ? "" : " ") + quoted;
    word.clear();
  };
  for (char c : text) {
    if (is_space(c))
      flush();
    else
      word += c;
  }
  flush();
  return out;
}

const Dialect& sqlite_dialect() {
  static const Dialect d{true, "-1",
                         [](const std::string& p) {
                           return "id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH " + p +
                                  ")";
                         },
                         fts_query};
  return d;
}

class SqliteEngine final : public Engine {
 public:
  SqliteEngine(const std::string& path, const StoreOptions& options) : path_(path) {
    try {
      // A Store is used by one thread at a time, so SQLite's own locking is not needed.
      const int flags = SQLite::OPEN_NOMUTEX |
                        (options.read_only ? SQLite::OPEN_READONLY
                                           : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
      db_ = std::make_unique<SQLite::Database>(path_, flags, options.busy_timeout_ms);
      prepare_schema(*db_, path_, options.read_only);
      if (!options.read_only && path_ != ":memory:") db_->exec("PRAGMA journal_mode = WAL");
      db_->exec(std::string("PRAGMA synchronous = ") + pragma_value(options.synchronous));
      db_->exec("PRAGMA foreign_keys = ON");
      // Reports and data frames read many rows: mapping the file (up to SQLite's limit of
      // 2 GiB) spares a copy of every page through read(). The page cache holds the indexes a
      // large write updates (SQLite's default of 2 MiB makes a bulk write spill and re-read
      // them). A multi-row statement inside a transaction keeps a statement journal (the
      // pages it changes, to undo it alone if it fails): in memory, since in a temporary file
      // a bulk write of 100,000 items wrote 773 MB to it, fourteen times the database.
      db_->exec("PRAGMA mmap_size = 2147418112");
      db_->exec("PRAGMA cache_size = -32768");
      db_->exec("PRAGMA temp_store = MEMORY");
    } catch (const SQLite::Exception& e) {
      rethrow_sqlite(e, path_);
    }
  }
  ~SqliteEngine() override {
    statements_.clear();  // finalized before the connection closes
  }
  SqliteEngine(const SqliteEngine&) = delete;
  SqliteEngine& operator=(const SqliteEngine&) = delete;

  Statement& statement(const std::string& sql) override {
    auto& slot = statements_[sql];
    if (!slot)
      slot = std::make_unique<SqliteStatement>(db_->getHandle(), sql, path_);
    else
      slot->reset();
    if (std::find(in_use_.begin(), in_use_.end(), slot.get()) == in_use_.end())
      in_use_.push_back(slot.get());
    return *slot;
  }
  void operation_ended() override {
    for (SqliteStatement* s : in_use_) s->close();
    in_use_.clear();
  }

  void begin() override { statement("BEGIN IMMEDIATE").exec(); }
  void commit() override {
    // No statement may keep rows open across the COMMIT: one that does keeps the connection in
    // a read transaction after it, and SQLite then skips the checkpoint that COMMIT runs (a
    // connection in a transaction cannot checkpoint). No checkpoint ever ran while a store
    // stayed open, so the write-ahead log grew with every write (45 MB after 2,000 updates).
    operation_ended();
    statement("COMMIT").exec();
  }
  void rollback() noexcept override {
    // The connection may have rolled back already (e.g. after SQLITE_FULL).
    if (in_transaction()) sqlite3_exec(db_->getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool in_transaction() const override { return sqlite3_get_autocommit(db_->getHandle()) == 0; }

  void ids_written(const std::string& table, std::int64_t used) override {
    // Rows written with their ids already move an AUTOINCREMENT table's sequence past the
    // largest; a removed row's id is past it only in @p used. Tables without AUTOINCREMENT
    // have no row in sqlite_sequence and nothing to move.
    Statement& s = statement("UPDATE sqlite_sequence SET seq = max(seq, ?1) WHERE name = ?2");
    s.bind(1, used);
    s.bind(2, table);
    s.exec();
  }
  int schema_version() override {
    Statement& s = statement("PRAGMA user_version");
    s.step();
    return static_cast<int>(s.integer(0));
  }
  std::string authenticated_actor() override { return {}; }
  const Dialect& dialect() const override { return sqlite_dialect(); }
  std::string describe() const override { return path_; }
  bool on_server() const override { return false; }
  void grant_roles(const std::string&, const std::string&) override {
    throw InvalidArgumentError(path_ +
                               " is an SQLite file: it has no roles (the operating system's file "
                               "permissions decide who reads and writes it)");
  }

 private:
  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
  /// Statements used by the operation in progress: reset when it ends, so that no statement
  /// keeps a read snapshot open between calls (which would make the next write fail busy).
  std::vector<SqliteStatement*> in_use_;
};

}  // namespace

std::string sqlite_path(const std::string& address) {
  if (address.rfind("sqlite:", 0) != 0) return address.empty() ? ":memory:" : address;
  std::string rest = address.substr(7);
  if (rest.rfind("//", 0) == 0) rest = rest.substr(2);  // sqlite:///abs/path -> /abs/path
  return rest.empty() ? ":memory:" : rest;
}

std::unique_ptr<Engine> open_sqlite(const std::string& path, const StoreOptions& options) {
  return std::make_unique<SqliteEngine>(path, options);
}

}  // namespace libtracker::detail
