#pragma once
// The server engine: a tracker in a PostgreSQL schema, through libpq.

#include <memory>
#include <string>
#include <vector>

#include "libtracker/store.hpp"
#include "store/engine.hpp"

namespace libtracker::detail::pg {

/// Connects to the tracker at @p address (see is_server_address), creating or migrating its
/// schema unless @p options.read_only.
/// @throw StorageError naming host and database when the server refuses the connection;
///        SchemaError for a newer tracker or a schema that holds other tables.
std::unique_ptr<Engine> open_postgres(const std::string& address, const StoreOptions& options);

/// SQL with SQLite's parameters ("?", "?N") in PostgreSQL's ("$N"), numbered densely in the
/// order of their numbers: PostgreSQL refuses a parameter a statement does not use.
struct ServerSql {
  std::string text;
  /// For each parameter number of the original (from 1; index 0 unused), its number in text,
  /// or 0 when the statement does not use it.
  std::vector<int> numbers;
};
ServerSql server_sql(const std::string& sql);

}  // namespace libtracker::detail::pg
