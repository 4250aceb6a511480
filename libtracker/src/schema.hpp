#pragma once
// The database schema and its migrations.

#include <SQLiteCpp/Database.h>

#include <string>

namespace libtracker::detail {

/// "LTRK": marks a file as a tracker database (PRAGMA application_id).
inline constexpr int application_id = 0x4C54524B;

/// Checks the schema of a freshly opened database and brings it to Store::schema_version:
/// creates it when empty, migrates an older one (after writing a backup copy), refuses a newer
/// one or a foreign database unchanged.
/// @throw SchemaError
void prepare_schema(SQLite::Database& db, const std::string& path, bool read_only);

}  // namespace libtracker::detail
