#pragma once
// The Store's private state and the helpers its source files share.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "store/sqlite_error.hpp"
#include "text/text_util.hpp"

namespace libtracker {

namespace detail {

inline const boost::gregorian::date& epoch_day() {
  static const boost::gregorian::date epoch(1970, 1, 1);
  return epoch;
}
/// Days since 1970-01-01: how dates are stored.
inline std::int64_t to_days(boost::gregorian::date d) { return (d - epoch_day()).days(); }
inline boost::gregorian::date from_days(std::int64_t days) {
  return epoch_day() + boost::gregorian::days(static_cast<long>(days));
}
/// Microseconds since the epoch (UTC): how timestamps are stored.
inline std::int64_t to_micros(const boost::posix_time::ptime& t) {
  return (t - boost::posix_time::ptime(epoch_day())).total_microseconds();
}
inline boost::posix_time::ptime from_micros(std::int64_t us) {
  return boost::posix_time::ptime(epoch_day()) + boost::posix_time::microseconds(us);
}
inline std::int64_t day_start_micros(boost::gregorian::date d) {
  return to_days(d) * 86400LL * 1000000LL;
}

// Row readers on the C API: SQLiteCpp's Column copies a shared pointer per value, and these
// run for every value of every row a query returns.
inline std::string_view column_text_view(sqlite3_stmt* s, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
           : std::string_view();
}
inline std::string column_text(sqlite3_stmt* s, int i) {
  return std::string(column_text_view(s, i));
}
inline bool column_is_null(sqlite3_stmt* s, int i) {
  return sqlite3_column_type(s, i) == SQLITE_NULL;
}

/// Names the private Store::Impl for the library's own sources (Store befriends it).
struct StoreAccess {
  using Impl = Store::Impl;
};
/// The Store's private state.
using StoreImpl = StoreAccess::Impl;

}  // namespace detail

struct Store::Impl {
  std::string path;
  std::unique_ptr<SQLite::Database> db;
  Clock clock;
  std::optional<boost::gregorian::date> fixed_today;
  std::string actor;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;
  /// The C API handle of each statement above, for reading rows (see column_text).
  std::unordered_map<const SQLite::Statement*, sqlite3_stmt*> handles;
  /// Statements used by the operation in progress: reset when it ends, so that no statement
  /// keeps a read snapshot open between calls (which would make the next write fail busy).
  std::vector<SQLite::Statement*> in_use;
  int depth = 0;
  /// Items whose text or details changed in the open transaction, with what the full-text
  /// index holds for them (nothing for new items). Written to the index at commit.
  std::map<ItemId, std::optional<std::pair<std::string, std::string>>> text_index_pending;

  void text_index_touch(ItemId id, std::optional<std::pair<std::string, std::string>> indexed) {
    text_index_pending.emplace(id, std::move(indexed));  // the first touch knows what is indexed
  }
  void flush_text_index();

  /// A prepared statement, reused between calls, reset and with bindings cleared.
  SQLite::Statement& stmt(const std::string& sql) {
    auto& slot = statements[sql];
    if (!slot) {
      slot = std::make_unique<SQLite::Statement>(*db, sql);
      handles[slot.get()] = newest_handle(sql);
    } else {
      slot->reset();
      slot->clearBindings();
    }
    if (std::find(in_use.begin(), in_use.end(), slot.get()) == in_use.end())
      in_use.push_back(slot.get());
    return *slot;
  }
  /// The C API handle of a statement from stmt().
  sqlite3_stmt* handle(const SQLite::Statement& s) const { return handles.at(&s); }
  /// SQLiteCpp keeps a Statement's handle private. SQLite lists a connection's statements
  /// newest first, so the one just prepared is found at the head (checked by its text).
  sqlite3_stmt* newest_handle(const std::string& sql) const {
    for (sqlite3_stmt* h = sqlite3_next_stmt(db->getHandle(), nullptr); h != nullptr;
         h = sqlite3_next_stmt(db->getHandle(), h)) {
      if (sql == sqlite3_sql(h)) return h;
    }
    throw StorageError("prepared statement not found: " + sql);
  }
  bool in_transaction() const { return sqlite3_get_autocommit(db->getHandle()) == 0; }

  /// Runs @p body as one operation, translating SQLite failures into libtracker errors.
  template <class F>
  auto guarded(F&& body) -> decltype(body()) {
    struct Scope {
      Impl& impl;
      explicit Scope(Impl& i) : impl(i) { ++impl.depth; }
      ~Scope() {
        if (--impl.depth == 0) {
          for (SQLite::Statement* s : impl.in_use) s->tryReset();
          impl.in_use.clear();
        }
      }
    } scope(*this);
    try {
      return body();
    } catch (const SQLite::Exception& e) {
      detail::rethrow_sqlite(e, path);
    }
  }
};

namespace detail {

/// A write transaction (BEGIN IMMEDIATE), or a part of the one already open.
class WriteTransaction {
 public:
  explicit WriteTransaction(StoreImpl& impl) : impl_(impl), owner_(!impl.in_transaction()) {
    if (owner_) impl_.stmt("BEGIN IMMEDIATE").exec();
  }
  ~WriteTransaction() {
    if (owner_ && !done_) {
      impl_.text_index_pending.clear();
      if (impl_.in_transaction()) {
        try {
          impl_.db->exec("ROLLBACK");
        } catch (...) {  // the connection already rolled back (e.g. after SQLITE_FULL)
        }
      }
    }
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit() {
    if (owner_) {
      impl_.flush_text_index();
      impl_.stmt("COMMIT").exec();
    }
    done_ = true;
  }

 private:
  StoreImpl& impl_;
  bool owner_;
  bool done_ = false;
};

}  // namespace detail
}  // namespace libtracker
