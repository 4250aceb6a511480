#include "files.hpp"

#include <fstream>
#include <sstream>

#include "libtracker/error.hpp"

namespace libtracker::python {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StorageError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw StorageError("cannot write " + path.string());
  out << text;
  out.flush();
  if (!out) throw StorageError("could not write all of " + path.string());
}

}  // namespace libtracker::python
