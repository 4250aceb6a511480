#include "store/sqlite_error.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "libtracker/error.hpp"

namespace libtracker::detail {

void rethrow_sqlite(const SQLite::Exception& e, const std::string& path) {
  const int code = e.getErrorCode();
  const std::string where = path.empty() ? std::string("database") : path;
  switch (code) {
    case SQLITE_NOTADB:
      throw SchemaError(where + " is not a tracker database (" + e.what() + ")");
    case SQLITE_FULL:
      throw StorageError(
          where + ": disk or database full; nothing was written (" + std::string(e.what()) + ")",
          e.getExtendedErrorCode());
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StorageError(where +
                             ": another connection held the database for too long; "
                             "nothing was written (" +
                             std::string(e.what()) + ")",
                         e.getExtendedErrorCode());
    case SQLITE_READONLY:
      throw StorageError(where + " is read-only (" + std::string(e.what()) + ")",
                         e.getExtendedErrorCode());
    default:
      throw StorageError(where + ": " + e.what(), e.getExtendedErrorCode());
  }
}

}  // namespace libtracker::detail
