#pragma once
/// @file copy.hpp
/// Moving a team: a whole tracker copied into another one, SQLite or PostgreSQL either way.

#include <cstdint>
#include <string>
#include <utility>

#include "libtracker/error.hpp"

namespace libtracker {

/// A copy into a tracker that already holds something (see copy_tracker): nothing was written.
class NotEmptyError : public ConflictError {
 public:
  /// @param message     what was refused, naming the destination
  /// @param destination the tracker that is not empty, as Store::path() names it
  NotEmptyError(const std::string& message, std::string destination)
      : ConflictError(message), destination_(std::move(destination)) {}
  /// The tracker that is not empty, as Store::path() names it.
  const std::string& destination() const noexcept { return destination_; }

 private:
  std::string destination_;
};

/// How copy_tracker treats the destination.
struct CopyOptions {
  /// Empty a destination that holds something first (in the same transaction as the copy),
  /// instead of refusing it. A server's history is append-only: a server destination whose
  /// history is not empty is refused even so.
  bool replace = false;
};

/// What copy_tracker copied: the rows of each kind.
struct CopyCounts {
  std::int64_t items = 0;
  std::int64_t owners = 0;
  /// Group memberships (a group and one member).
  std::int64_t group_members = 0;
  std::int64_t meetings = 0;
  std::int64_t agenda_items = 0;
  std::int64_t notes = 0;
  /// History events, those of deleted items included.
  std::int64_t events = 0;
  std::int64_t reminders = 0;
  std::int64_t settings = 0;
};

/// Copies the whole tracker at @p source into the one at @p destination (addresses as Store
/// opens them; the destination is created when missing): items with their owners and tags,
/// owners with initials and e-mail addresses, groups, meetings with their agendas and people,
/// notes, the whole history (deleted items' events too), the reminders sent and the settings.
/// Ids, times and actors are kept. The destination is written in one transaction: all or
/// nothing. The source is opened read-only and not changed. On a server, a copy keeps the
/// actors only when it is run by the tracker's owner (another role is recorded as itself).
/// @throw NotFoundError when @p source is an SQLite file that does not exist.
/// @throw NotEmptyError when the destination holds anything (without @p options.replace, or on
///        a server whose history is not empty); nothing is written.
/// @throw SchemaError when the source needs a schema upgrade (open it once with a Store) or is
///        no tracker; StorageError when either cannot be opened, read or written.
CopyCounts copy_tracker(const std::string& source, const std::string& destination,
                        const CopyOptions& options = {});

}  // namespace libtracker
