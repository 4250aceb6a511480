#pragma once
// The check every document reader's fuzz target makes: the input gives a Document whose every
// block is in reach of the extractor (which must keep its invariants on it), or a ParseError
// that names the file. Office readers are fuzzed on their XML parts: the input is split at
// "\n--part--\n" into the members of a ZIP built here (stored, so that the fuzzer's changes
// reach the XML instead of failing a checksum); fuzz_zip takes raw archives.

#include <zip.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <cstdlib>
#include <libtracker/error.hpp>
#include <libtracker/extract.hpp>
#include <libtracker/readers.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "../tests/extraction_invariants.hpp"

namespace libtracker::fuzz {

constexpr const char* kSource = "fuzz-input";

/// Reads @p content as @p format and extracts; aborts (a finding) when a contract breaks.
inline void check_document(std::string_view content, DocumentFormat format) {
  try {
    const Document doc = read_document(content, format, kSource);
    if (doc.source != kSource) std::abort();
    for (const Block& b : doc.blocks) {
      if (b.kind == BlockKind::table ? b.rows.empty() : b.text.empty()) std::abort();
      if (b.kind == BlockKind::heading && (b.level < 1 || b.level > 9)) std::abort();
      if (b.level < 0) std::abort();
    }
    ExtractOptions options;
    options.today = boost::gregorian::date(2017, 6, 15);
    const ImportOutcome m = extract_action_items(doc, options);
    for (const ActionItem& item : m.items)
      if (item.text.empty()) std::abort();
    if (const std::string v = invariants::first_violation(doc, m); !v.empty()) {
      std::fprintf(stderr, "extraction invariant broken: %s\n", v.c_str());
      std::abort();
    }
  } catch (const ParseError& e) {
    if (e.source() != kSource) std::abort();
  }
}

/// A ZIP in memory with @p names as members, their contents the parts of @p input.
inline std::string zip_of_parts(std::string_view input, const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  constexpr std::string_view separator = "\n--part--\n";
  std::size_t start = 0;
  while (parts.size() + 1 < names.size()) {
    const std::size_t at = input.find(separator, start);
    if (at == std::string_view::npos) break;
    parts.emplace_back(input.substr(start, at - start));
    start = at + separator.size();
  }
  parts.emplace_back(input.substr(start));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (z == nullptr) std::abort();
  zip_source_keep(buffer);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    zip_source_t* src = zip_source_buffer(z, parts[i].data(), parts[i].size(), 0);
    const zip_int64_t index = zip_file_add(z, names[i].c_str(), src, ZIP_FL_OVERWRITE);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(z) != 0) std::abort();
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    out.resize(st.size);
    const zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
    out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

}  // namespace libtracker::fuzz
