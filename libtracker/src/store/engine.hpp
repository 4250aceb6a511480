#pragma once
// The line between the store's domain logic and a database engine. Everything above it
// (validation, the field table, history events, as-of rebuilding, imports, reports, counts) is
// written once; an engine holds only the connection, its prepared statements and transactions,
// the SQL that differs between engines (the Dialect) and how values are bound and read.
//
// SQL is written once, with SQLite's "?" and "?N" parameters and in the SQL both engines run
// (RETURNING ids, ON CONFLICT DO NOTHING); an engine that numbers parameters otherwise
// rewrites them. Days and instants are bound and read through their own calls, since one
// engine keeps them as integers and the other as date and timestamptz.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "libtracker/error.hpp"

namespace libtracker::detail {

/// A write that lost a race with another connection (a serialization failure or a deadlock):
/// the whole transaction may succeed when run again. StoreImpl::write runs it again a bounded
/// number of times; it never leaves the library.
class RetryableError : public StorageError {
 public:
  using StorageError::StorageError;
};

/// One prepared statement. Parameters are numbered from 1, columns of a row from 0. A statement
/// from Engine::statement() has no bindings and no rows until bound and stepped.
class Statement {
 public:
  virtual ~Statement() = default;

  virtual void bind(int parameter, std::int64_t value) = 0;
  virtual void bind(int parameter, std::string_view value) = 0;
  void bind(int parameter, int value) { bind(parameter, static_cast<std::int64_t>(value)); }
  void bind(int parameter, const std::string& value) { bind(parameter, std::string_view(value)); }
  void bind(int parameter, const char* value) { bind(parameter, std::string_view(value)); }
  virtual void bind_null(int parameter) = 0;
  /// A calendar day, as days since 1970-01-01.
  virtual void bind_day(int parameter, std::int64_t days) = 0;
  /// An instant, as microseconds since 1970-01-01 00:00 UTC.
  virtual void bind_instant(int parameter, std::int64_t micros) = 0;

  /// Runs the statement (the first call) or moves to its next row; false when there is none.
  virtual bool step() = 0;
  /// Runs the statement to its end.
  void exec() {
    while (step()) {
    }
  }
  /// Runs an INSERT ... RETURNING id (to its end) and returns the id.
  /// @throw NotFoundError when it returned no row.
  std::int64_t returned_id() {
    if (!step()) throw NotFoundError("no row was written");
    const std::int64_t id = integer(0);
    exec();
    return id;
  }

  virtual bool is_null(int column) = 0;
  /// An integer (or a boolean, as 1 or 0).
  virtual std::int64_t integer(int column) = 0;
  /// Text, valid until the next step.
  virtual std::string_view text_view(int column) = 0;
  std::string text(int column) { return std::string(text_view(column)); }
  /// A day (days since 1970-01-01).
  virtual std::int64_t day(int column) = 0;
  /// An instant (microseconds since the epoch, UTC).
  virtual std::int64_t instant(int column) = 0;
  /// The column as an integer, or std::nullopt for NULL.
  std::optional<std::int64_t> optional_integer(int column) {
    if (is_null(column)) return std::nullopt;
    return integer(column);
  }
};

/// What differs in the SQL of the store's statements.
struct Dialect {
  /// The full-text index is a table of its own, written once per transaction
  /// (StoreImpl::flush_text_index), rather than kept by the engine itself.
  bool separate_text_index = false;
  /// What follows LIMIT for "no limit" (before an OFFSET).
  const char* unlimited = "-1";
  /// The condition on items that holds for those whose text or details hold every word of
  /// @p parameter (an SQL parameter), and the value to bind to it for the words @p text.
  std::string (*text_match)(const std::string& parameter) = nullptr;
  std::string (*text_query)(const std::string& text) = nullptr;
};

/// A connection to one tracker database. Used by one thread at a time.
class Engine {
 public:
  virtual ~Engine() = default;

  /// The prepared statement for @p sql (prepared once, kept), without bindings or rows.
  virtual Statement& statement(const std::string& sql) = 0;
  /// Called when the store's outermost operation ends: no statement keeps rows (or a read
  /// snapshot) open between calls.
  virtual void operation_ended() = 0;

  /// Starts a write transaction.
  virtual void begin() = 0;
  virtual void commit() = 0;
  /// Rolls back the open transaction; never throws.
  virtual void rollback() noexcept = 0;
  virtual bool in_transaction() const = 0;

  /// Called after rows were written to @p table (whose key is "id") with ids of their own, as
  /// a copy writes them: the ids the engine gives new rows from now on are past the largest
  /// one there and past @p used (an id given before, to a row since removed). A server's
  /// identity sequence is moved; on SQLite, an AUTOINCREMENT table's sqlite_sequence.
  virtual void ids_written(const std::string& table, std::int64_t used) = 0;

  /// The schema version of the open tracker.
  virtual int schema_version() = 0;
  /// Who the engine records as making changes, when it knows (the server's authenticated
  /// role); empty when the store's actor is used.
  virtual std::string authenticated_actor() = 0;
  virtual const Dialect& dialect() const = 0;
  /// The database for messages: a path, or "host H, database D" (never a password).
  virtual std::string describe() const = 0;
  /// True for a server engine.
  virtual bool on_server() const = 0;
  /// Creates the reader and writer roles when missing and grants them their rights.
  /// @throw InvalidArgumentError on an engine without roles.
  virtual void grant_roles(const std::string& reader, const std::string& writer) = 0;
};

}  // namespace libtracker::detail
