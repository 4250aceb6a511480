#pragma once
// The database schema and its migrations.

#include <SQLiteCpp/Database.h>

#include <functional>
#include <string>
#include <vector>

namespace libtracker::detail {

/// "LTRK": marks a file as a tracker database (PRAGMA application_id).
inline constexpr int application_id = 0x4C54524B;

/// One step of the schema's history: brings a database from version N to N + 1.
using Migration = std::function<void(SQLite::Database&)>;

/// The library's steps: migrations()[N] takes version N to N + 1, so there are
/// Store::schema_version of them.
const std::vector<Migration>& migrations();

/// Checks the schema of a freshly opened database and brings it to version steps.size():
/// creates it when empty, migrates an older one in one transaction after writing a backup copy
/// ("<path>.bak-v<N>", or "<path>.bak-v<N>.<k>" when that exists), refuses a newer one or a
/// foreign database unchanged. A step that fails leaves the database as it was.
/// @throw SchemaError
void prepare_schema(SQLite::Database& db, const std::string& path, bool read_only,
                    const std::vector<Migration>& steps = migrations());

}  // namespace libtracker::detail
