#pragma once
// Direct looks at a tracker file through the SQLite C API, for the reliability tests: they
// check what is on disk, not only what the library says.

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace libtracker::fixtures {

/// A connection to a database file (it only reads, but the full-text check needs a writable one).
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot open " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
  }
  ~RawDatabase() { sqlite3_close(db_); }
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;

  /// Every row of @p sql, its columns as text joined by '|' (NULL as "∅").
  std::vector<std::string> rows(const std::string& sql) const {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    std::vector<std::string> out;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        if (i) row += '|';
        const auto* text = sqlite3_column_text(s, i);
        row += text ? std::string(reinterpret_cast<const char*>(text),
                                  static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
                    : std::string("∅");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    return out;
  }
  /// The single value of @p sql.
  std::string value(const std::string& sql) const {
    const auto r = rows(sql);
    return r.empty() ? std::string() : r.front();
  }
  /// Every row of every table, in a fixed order: equal dumps mean equal databases.
  std::string dump() const {
    std::string out;
    for (const auto& table :
         rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
              "ORDER BY name")) {
      out += "## " + table + "\n";
      for (const auto& row : rows("SELECT * FROM \"" + table + "\" ORDER BY 1")) out += row + "\n";
    }
    out += "## user_version " + value("PRAGMA user_version") + "\n";
    return out;
  }
  /// "ok" when the file, its foreign keys and the full-text index are sound;
  /// otherwise what SQLite found.
  std::string integrity() const {
    const auto problems = rows("PRAGMA integrity_check");
    if (problems.size() != 1 || problems.front() != "ok") {
      std::string all;
      for (const auto& p : problems) all += p + "; ";
      return all;
    }
    if (!rows("PRAGMA foreign_key_check").empty()) return "foreign key violations";
    // The full-text index holds exactly the items (FTS5's own integrity-check does not compare
    // an external-content index with its table before SQLite 3.44).
    if (value("SELECT count(*) FROM items WHERE id NOT IN (SELECT id FROM items_fts_docsize)") !=
            "0" ||
        value("SELECT count(*) FROM items_fts_docsize WHERE id NOT IN (SELECT id FROM items)") !=
            "0")
      return "full-text index does not match the items";
    char* error = nullptr;
    if (sqlite3_exec(db_, "INSERT INTO items_fts(items_fts) VALUES('integrity-check')", nullptr,
                     nullptr, &error) != SQLITE_OK) {
      const std::string message = error ? error : "failed";
      sqlite3_free(error);
      return "full-text index: " + message;
    }
    return "ok";
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace libtracker::fixtures
