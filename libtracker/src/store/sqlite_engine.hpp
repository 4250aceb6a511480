#pragma once
// The embedded engine: one SQLite file (or ":memory:"), in WAL mode, with the schema of
// store/schema.cpp and its own full-text index (FTS5).

#include <memory>
#include <string>

#include "libtracker/store.hpp"
#include "store/engine.hpp"

namespace libtracker::detail {

/// Opens (creating and migrating unless read-only) the SQLite tracker at @p path.
/// @throw SchemaError for a newer schema or a file that is not a tracker database.
/// @throw StorageError when the file cannot be opened.
std::unique_ptr<Engine> open_sqlite(const std::string& path, const StoreOptions& options);

/// The file an "sqlite:" address names ("sqlite:///var/t.db" is /var/t.db, "sqlite:t.db" is
/// t.db); any other address is a path already and is returned as it is.
std::string sqlite_path(const std::string& address);

}  // namespace libtracker::detail
