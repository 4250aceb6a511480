#pragma once
// A connection to a PostgreSQL server through libpq, with its results, its errors in the
// library's error family, and transactions that retry serialization failures and deadlocks.

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "libtracker/error.hpp"
#include "postgres/pg_address.hpp"
#include "store/engine.hpp"

namespace libtracker::detail::pg {

/// A serialization failure or deadlock (SQLSTATE 40001, 40P01): the store's (and
/// Connection::transaction's) retries run the transaction again; it never leaves the library.
using detail::RetryableError;

/// A query's result rows. Values are read as text (libpq's text format).
class Result {
 public:
  explicit Result(PGresult* result) : result_(result, &PQclear) {}
  int rows() const { return PQntuples(result_.get()); }
  int columns() const { return PQnfields(result_.get()); }
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string_view text(int row, int column) const;
  /// The value as an integer. @throw StorageError when it is not one.
  std::int64_t integer(int row, int column) const;
  /// Rows changed by an INSERT, UPDATE or DELETE.
  std::int64_t affected() const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

/// A query parameter: text, or NULL.
using Param = std::optional<std::string>;

/// One connection. Opens on construction; after the server went away (a restart), the call
/// that finds out throws StorageError and the next call connects again.
class Connection {
 public:
  /// @throw StorageError naming the host and database (never the password) when the server
  ///        refuses the connection or the credentials.
  explicit Connection(ServerAddress address);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const ServerAddress& address() const noexcept { return address_; }

  /// Runs @p sql (one or more statements, no parameters).
  /// @throw StorageError (RetryableError for a serialization failure or deadlock).
  Result exec(const std::string& sql);
  /// Runs one statement with $1, $2, ... bound to @p params.
  Result exec(const std::string& sql, const std::vector<Param>& params);
  /// As exec(sql, params), through a statement prepared on the server at its first use (and
  /// again after a reconnection).
  Result exec_prepared(const std::string& sql, const std::vector<Param>& params);

  /// Runs @p sql now and after every reconnection (a session setting).
  void add_session_setting(const std::string& sql);
  /// True inside BEGIN ... COMMIT (also when the transaction failed and awaits its ROLLBACK).
  bool in_transaction() const;
  /// Rolls back the open transaction, if any; never throws (a lost connection has no
  /// transaction left to roll back).
  void rollback() noexcept;

  /// Runs @p work in one transaction (BEGIN ... COMMIT) at @p isolation ("SERIALIZABLE",
  /// "READ COMMITTED"); rolls back when it throws. A serialization failure or deadlock runs it
  /// again, up to @p attempts times in all; then it is a ConflictError.
  void transaction(const std::function<void()>& work, const char* isolation = "SERIALIZABLE",
                   int attempts = 8);

  /// The role the server authenticated this connection as (session_user).
  std::string session_user();

 private:
  void connect();
  void ensure_connected();
  Result check(PGresult* result, const std::string& sql);
  [[noreturn]] void fail(const std::string& what, const char* sqlstate);

  ServerAddress address_;
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
  std::vector<std::string> session_settings_;
  /// The name of each statement prepared on this connection, by its SQL.
  std::unordered_map<std::string, std::string> prepared_;
};

/// @p name as an SQL identifier, double-quoted.
std::string quote_identifier(std::string_view name);

}  // namespace libtracker::detail::pg
