// Fuzzes parse_owners: names come back trimmed and non-empty, or ParseError is thrown.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/owner_parser.hpp>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::string> known{"ICANN Org", "SSR2-RT", "Co-Chairs"};
  try {
    for (const std::string& name : libtracker::parse_owners(text, known)) {
      if (name.empty() || name.front() == ' ' || name.back() == ' ') std::abort();
      if (name.find(',') != std::string::npos || name.find(';') != std::string::npos) std::abort();
    }
  } catch (const libtracker::ParseError& e) {
    if (e.position() > text.size()) std::abort();
  }
  return 0;
}
