#pragma once
// PostgreSQL server addresses: which addresses name a server rather than an SQLite file, and
// what one holds (libpq's connection string, the tracker's schema, host and database for
// messages).

#include <string>
#include <string_view>

namespace libtracker::detail::pg {

/// A server address taken apart.
struct ServerAddress {
  /// What libpq connects with: the address as given, without the tracker's schema parameter.
  std::string conninfo;
  /// The PostgreSQL schema that holds this tracker ("schema=" in the address); empty for
  /// "public". One server holds many teams, one schema each.
  std::string schema;
  /// For messages: the host (or the socket's folder), the database and the user, as libpq will
  /// use them; each empty when the address leaves it to libpq's defaults.
  std::string host;
  std::string database;
  std::string user;
  /// The password the address holds, if any: never shown, and taken out of libpq's messages.
  std::string password;

  /// "host H, database D" (or libpq's defaults when neither is given), never the password.
  std::string describe() const;
  /// describe() and the tracker's schema, when the address names one.
  std::string describe_tracker() const;
};

/// True for "postgresql://...", "postgres://..." and libpq's "key=value ..." form (the first
/// word is one of libpq's keywords followed by "="); false for a path, ":memory:" and
/// "sqlite:///path".
bool is_server_address(std::string_view address);

/// Takes a server address apart. The schema name must be a plain lower-case identifier
/// (letters, digits, "_"; at most 63 bytes).
/// @throw InvalidArgumentError for an address libpq cannot read or a bad schema name; the
///        message never holds the password.
ServerAddress parse_server_address(const std::string& address);

}  // namespace libtracker::detail::pg
