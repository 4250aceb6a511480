#pragma once
/// @file owners_csv.hpp
/// The team's directory as CSV: one owner per row, with an e-mail address, initials and the
/// groups the owner belongs to (`name,email,initials,groups`).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace libtracker {

class Store;

/// One row of an owners CSV.
struct OwnerRecord {
  std::string name;
  /// Checked by parse_email_address; empty when the cell is empty.
  std::string email;
  std::string initials;
  /// Groups the owner is a member of.
  std::vector<std::string> groups;
  /// The 1-based line the row starts on.
  std::size_t line = 0;
};

/// Reads an RFC 4180 owners list with a header row. Columns are found by name,
/// case-insensitively: "name" (or "owner"; required), "email" (or "e-mail", "mail"),
/// "initials", "groups" (or "group"; names separated by ";" or ","); others are ignored.
/// @throw ParseError naming @p source and the line: no name column, a row without a name, an
/// invalid address, the CSV errors of the item lists.
std::vector<OwnerRecord> parse_owners_csv(std::string_view text,
                                          const std::string& source = "owners.csv");

/// What an owners import did, by owner name.
struct OwnersImportResult {
  std::vector<std::string> added;
  std::vector<std::string> updated;
  std::vector<std::string> unchanged;
};

/// Reads an owners CSV into @p store in one transaction: new owners are added; an existing
/// one (by name, case-insensitively) gets the row's address and initials where its cells are
/// not empty, and joins the row's groups (groups are created when new). Memberships and
/// addresses not in the file are kept.
/// @throw ParseError (nothing is written); StorageError.
OwnersImportResult import_owners_csv(Store& store, std::string_view text,
                                     const std::string& source = "owners.csv");

}  // namespace libtracker
