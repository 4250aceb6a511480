#pragma once
// Reading and writing the files the bindings import from and export to (bytes, unchanged).

#include <filesystem>
#include <string>

namespace libtracker::python {

/// The bytes of @p path. @throw StorageError when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Replaces @p path with @p text. @throw StorageError when it cannot be written whole.
void write_file(const std::filesystem::path& path, const std::string& text);

}  // namespace libtracker::python
