#pragma once
// The tracker's schema on PostgreSQL: the same tables and versions as on SQLite, in the
// server's own types (date, timestamptz, checked smallints), full-text search through a
// tsvector with unaccent, the history append-only, and the reader and writer roles.

#include <string>

#include "postgres/pg_connection.hpp"

namespace libtracker::detail::pg {

/// The number of schema versions (the same numbering as on SQLite: version N holds the same
/// tables and columns on both engines).
int schema_version_count();

/// The schema version of the connection's tracker schema; 0 when it holds no tracker.
int schema_version(Connection& db);

/// Creates the tracker in the address's schema, or brings an older one to the current version:
/// each version's step in one transaction, under a lock, so two clients that start together do
/// not both migrate. A step that fails leaves the schema as it was.
/// @throw SchemaError for a newer tracker, or a schema that holds other tables.
void prepare_schema(Connection& db);

/// The roles of a team: the reader may read everything; the writer may also add and change
/// items, owners, meetings and notes, and add history rows, but never change or remove one.
struct TrackerRoles {
  std::string reader;
  std::string writer;
};

/// Creates the two roles (NOLOGIN, unless they exist) and grants them their rights on the
/// tracker's schema. Run by the schema's owner; granting a role to a login user is left to the
/// server's administrator (docs/team-server.md).
void grant_roles(Connection& db, const TrackerRoles& roles);

}  // namespace libtracker::detail::pg
