#pragma once
/// @file error.hpp
/// The one error family of libtracker: every failure is a libtracker::Error.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace libtracker {

/// Base of every error libtracker throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An argument the operation cannot accept: an empty text or name, a day that is not a
/// calendar date, a report period under one day, an export to an import-only format.
class InvalidArgumentError : public Error {
 public:
  using Error::Error;
};

/// An item, owner or meeting that does not exist.
class NotFoundError : public Error {
 public:
  using Error::Error;
};

/// A write based on a stale version of an item (optimistic concurrency), or a uniqueness clash.
class ConflictError : public Error {
 public:
  using Error::Error;
};

/// Input text that could not be understood. Names the input, the text and the position.
class ParseError : public Error {
 public:
  /// @param reason   what was wrong ("unknown month")
  /// @param text     the text being parsed (a field, a line)
  /// @param position 0-based character offset into @p text where the problem starts
  /// @param source   what was being read: a file name or a kind of value ("date", "owners")
  /// @param line     1-based line in @p source, or 0 when the input has no lines
  ParseError(std::string reason, std::string text, std::size_t position, std::string source = {},
             std::size_t line = 0);

  /// What was wrong ("unknown month").
  const std::string& reason() const noexcept { return reason_; }
  /// The text being parsed: a field, a line, or the part of a long input around the problem.
  const std::string& text() const noexcept { return text_; }
  /// 0-based offset into text() where the problem starts.
  std::size_t position() const noexcept { return position_; }
  /// What was being read: a file name or a kind of value; may be empty.
  const std::string& source() const noexcept { return source_; }
  /// 1-based line in source(), or 0.
  std::size_t line() const noexcept { return line_; }

  /// The same error, placed at @p line of @p source (used when a field parser runs inside a file).
  ParseError at_line(std::string source, std::size_t line) const;

 private:
  std::string reason_;
  std::string text_;
  std::size_t position_;
  std::string source_;
  std::size_t line_;
};

/// A database whose schema libtracker cannot use (newer version, not a tracker database).
class SchemaError : public Error {
 public:
  using Error::Error;
};

/// The database could not be read or written (I/O error, disk full, locked for too long).
class StorageError : public Error {
 public:
  /// @param message     what failed, naming the file
  /// @param sqlite_code the SQLite (extended) result code, 0 when not from SQLite
  StorageError(const std::string& message, int sqlite_code = 0)
      : Error(message), sqlite_code_(sqlite_code) {}
  /// The SQLite (extended) result code, 0 when not from SQLite.
  int sqlite_code() const noexcept { return sqlite_code_; }

 private:
  int sqlite_code_;
};

}  // namespace libtracker
