#pragma once
// SQLite failures as libtracker errors.

#include <string>

namespace SQLite {
class Exception;
}

namespace libtracker::detail {

/// Translates a SQLite failure on the database at @p path into the libtracker error family.
/// @throw SchemaError for a file that is not a database; StorageError for anything else.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& path);

}  // namespace libtracker::detail
